import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { RawFinding } from '../../src/core/analyzer.js';
import { assignFingerprints } from '../../src/core/fingerprint.js';
import { SourceText } from '../../src/core/source-text.js';
import { finding } from '../helpers/findings.js';

function rawAt(text: string, needle: string, occurrence = 0): RawFinding {
  const lines = text.split('\n');
  const hits = lines.flatMap((l, i) => (l.includes(needle) ? [i + 1] : []));
  const { fingerprint: _unused, ...raw } = finding({ line: hits[occurrence]! });
  return raw;
}

const program = 'import pickle\n\ndef load(fh):\n    return pickle.load(fh)\n\ndef load_again(fh):\n    return pickle.load(fh)\n';

describe('fingerprints', () => {
  it('survive unrelated edits that shift lines', () => {
    const before = assignFingerprints([rawAt(program, 'pickle.load')], new SourceText(program));
    const edited = `"""Loads things."""\nimport os\n\n\n${program}`;
    const after = assignFingerprints([rawAt(edited, 'pickle.load')], new SourceText(edited));
    expect(after[0]!.location.startLine).not.toBe(before[0]!.location.startLine);
    expect(after[0]!.fingerprint).toBe(before[0]!.fingerprint);
  });

  it('ignore indentation changes but not changes to the flagged code', () => {
    const a = assignFingerprints([rawAt(program, 'pickle.load')], new SourceText(program))[0]!.fingerprint;
    const reindented = program.replace(/^    /gm, '        ');
    expect(assignFingerprints([rawAt(reindented, 'pickle.load')], new SourceText(reindented))[0]!.fingerprint).toBe(a);
    const changed = program.replace('pickle.load(fh)', 'pickle.load(other)');
    expect(assignFingerprints([rawAt(changed, 'pickle.load')], new SourceText(changed))[0]!.fingerprint).not.toBe(a);
  });

  it('tell identical lines apart by occurrence', () => {
    const source = new SourceText(program);
    const both = assignFingerprints([rawAt(program, 'pickle.load', 1), rawAt(program, 'pickle.load', 0)], source);
    expect(new Set(both.map((f) => f.fingerprint)).size).toBe(2);
  });

  it('are stable under any number of blank lines inserted above (property)', () => {
    const reference = assignFingerprints([rawAt(program, 'pickle.load')], new SourceText(program))[0]!.fingerprint;
    fc.assert(
      fc.property(fc.array(fc.constantFrom('', '# note', 'x = 1', 'import json'), { maxLength: 30 }), (prefix) => {
        const text = [...prefix, program].join('\n');
        return assignFingerprints([rawAt(text, 'pickle.load')], new SourceText(text))[0]!.fingerprint === reference;
      }),
    );
  });
});
