import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinCommandLists } from '../../../src/analyzers/app-config/command-lists.js';

/** YAML-ish lines: command keys, list items at various indents, other keys, blank lines, CRLF or LF. */
const line = fc.oneof(
  fc.constantFrom('command:', '    command:', '  args:  # why', '- command:', 'entrypoint:', 'other: x', '', '#c'),
  fc.tuple(fc.constantFrom('', '  ', '    ', '\t'), fc.constantFrom('- ', '-  ', '-'), fc.string({ maxLength: 12 })).map(([indent, dash, value]) => `${indent}${dash}${value}`),
  fc.string({ maxLength: 20 }),
);
const yamlText = fc.tuple(fc.array(line, { maxLength: 30 }), fc.constantFrom('\n', '\r\n')).map(([lines, eol]) => lines.join(eol));

describe('joinCommandLists', () => {
  it('keeps every offset: same length, and only line breaks, `-` markers and the spaces around them turn into spaces', () => {
    fc.assert(
      fc.property(yamlText, (text) => {
        const joined = joinCommandLists(text);
        expect(joined.length).toBe(text.length);
        for (let i = 0; i < text.length; i++) {
          if (joined[i] !== text[i]) {
            expect(joined[i]).toBe(' ');
            expect(' \t\r\n-').toContain(text[i]);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('joins the items of a block list under a command key and nothing else', () => {
    const text = 'x:\n  command:\n    - redis-server\n    - --port\n    - "6380"\n  image: redis\nitems:\n  - a\n  - b\n';
    expect(joinCommandLists(text)).toBe('x:\n  command:       redis-server       --port       "6380"\n  image: redis\nitems:\n  - a\n  - b\n');
  });
});
