import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCompose } from '../../../../src/analyzers/iac/compose/parse.js';

/** Compose-like text: services with keys, anchors, aliases and merges in any order, and stray characters. */
const fragment = fc.constantFrom('services:\n', '  a:\n', '  b: &b\n', '    <<: *b\n', '    <<: [*b, *c]\n', '  c: &c\n', '    image: x\n', '    ports: ["1:1"]\n', 'x-c: &c {privileged: true}\n', '    - y\n', ':\n', '[', '{', '*b\n', '&b ');
const text = fc.array(fc.oneof(fragment, fc.string({ maxLength: 6 })), { maxLength: 25 }).map((parts) => parts.join(''));

describe('parseCompose', () => {
  it('never throws: a file is services or problems, and any path locates inside the text', () => {
    fc.assert(
      fc.property(text, fc.array(fc.constantFrom('services', 'a', 'b', 'c', 'image', 'ports', 'privileged', 0, 1), { maxLength: 5 }), (code, path) => {
        const parsed = parseCompose(code);
        expect(parsed.services.length === 0 || parsed.problems.length === 0).toBe(true);
        const range = parsed.locate(path);
        const lines = code.split('\n').length;
        expect(range.startLine).toBeGreaterThanOrEqual(1);
        expect(range.startLine).toBeLessThanOrEqual(lines);
        for (const service of parsed.services) expect(parsed.locate([...service.path, 'image']).startLine).toBeLessThanOrEqual(lines);
      }),
      { numRuns: 500 },
    );
  });
});
