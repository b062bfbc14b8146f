import path from 'node:path';
import { zipSync, zlibSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { pickleArtifactAnalyzer } from '../../../src/analyzers/pickle-artifact/index.js';
import { unsafeGlobalRule } from '../../../src/analyzers/pickle-artifact/rule.js';
import { analyzeFile, type FileResult } from '../../../src/core/analyze-file.js';
import { classify } from '../../../src/inventory/classify.js';
import { removeTree, tempTree } from '../../helpers/temp-tree.js';
import { HAS_PYTHON, pythonPickles } from './pickles.js';

const roots: string[] = [];
afterAll(() => roots.forEach(removeTree));

/** Analyses `content` as the file `name` through the real file runner (read, no decoding). */
function analyze(name: string, content: string | Uint8Array): FileResult {
  const root = tempTree({ [name]: typeof content === 'string' ? content : Buffer.from(content) });
  roots.push(root);
  const absPath = path.join(root, name);
  const entry = { path: name, absPath, kind: classify(name, ''), size: 0 };
  return analyzeFile(entry, [pickleArtifactAnalyzer].filter((a) => a.required(entry)));
}

describe('pickle.unsafe-global examples', () => {
  it.each(unsafeGlobalRule.bad.map((e) => [e.file, e] as const))('reports bad example %s', (_f, example) => {
    const result = analyze(example.file, example.code);
    expect(result.errors).toEqual([]);
    expect(result.findings.map((f) => f.ruleId)).toEqual([unsafeGlobalRule.id]);
  });

  it.each(unsafeGlobalRule.good.map((e) => [e.file, e] as const))('passes good example %s', (_f, example) => {
    const result = analyze(example.file, example.code);
    expect(result.errors).toEqual([]);
    expect(result.findings).toEqual([]);
  });
});

describe('pickle artifact analyzer', () => {
  it('wants pickle, joblib and torch files only', () => {
    for (const name of ['m.pkl', 'm.PICKLE', 'a/b.joblib', 'w.pt', 'w.pth']) {
      expect(pickleArtifactAnalyzer.required({ path: name, absPath: name, kind: 'data', size: 1 })).toBe(true);
    }
    expect(pickleArtifactAnalyzer.required({ path: 'x.py', absPath: 'x.py', kind: 'python', size: 1 })).toBe(false);
  });

  it('reports a critical import with its opcode offset and a pointer to the loading-code rules', () => {
    const [finding] = analyze('m.pkl', "cos\nsystem\n(S'id'\ntR.").findings;
    expect(finding).toMatchObject({ severity: 'critical', confidence: 'high', cwe: ['CWE-502'], category: 'sast' });
    expect(finding!.message).toContain('os.system (GLOBAL at offset 0, called)');
    expect(finding!.message).toContain('py.deserialization');
    expect(finding!.location).toMatchObject({ file: 'm.pkl', startLine: 1, snippet: 'os.system' });
  });

  it('reports other non-allow-listed imports as high, medium confidence when only referenced', () => {
    const [called] = analyze('m.pkl', 'cmypkg.model\nChurnModel\n)R.').findings;
    expect(called).toMatchObject({ severity: 'high', confidence: 'high' });
    const [referenced] = analyze('m.pkl', 'cmypkg.model\nChurnModel\n.').findings;
    expect(referenced).toMatchObject({ severity: 'high', confidence: 'medium' });
  });

  it('turns a truncated pickle into a scan error, not a crash', () => {
    const result = analyze('m.pkl', Buffer.from('\x80\x04\x95\x10\x00', 'latin1'));
    expect(result.findings).toEqual([]);
    expect(result.errors).toEqual([expect.objectContaining({ file: 'm.pkl', analyzer: 'pickle-artifact', message: expect.stringMatching(/truncated/) })]);
  });

  it('reads the pickle inside a zip-format torch checkpoint', () => {
    const zip = zipSync({ 'archive/data.pkl': Buffer.from("cposix\nsystem\n(S'id'\ntR."), 'archive/data/0': new Uint8Array(8), 'archive/version': Buffer.from('3\n') });
    const [finding] = analyze('weights.pt', zip).findings;
    expect(finding!.message).toMatch(/^archive\/data\.pkl: pickle imports posix\.system/);
  });

  it('inflates zlib-compressed joblib dumps', () => {
    const [finding] = analyze('model.joblib', zlibSync(Buffer.from("csubprocess\ncheck_output\n(S'id'\ntR."))).findings;
    expect(finding!.message).toContain('subprocess.check_output');
  });

  it('reports a zip without a pickle as a scan error', () => {
    expect(analyze('weights.pt', zipSync({ 'readme.txt': Buffer.from('hi') })).errors[0]?.message).toMatch(/without a \.pkl entry/);
  });
});

const PICKLES = HAS_PYTHON
  ? pythonPickles(`
import numpy as np
class Shell:
    def __reduce__(self):
        return (os.system, ('true',))
frame_like = {'ids': np.arange(5), 'scores': np.linspace(0, 1, 5).astype('float32'), 'when': __import__('datetime').date(2024, 1, 2)}
for proto in (2, 4, 5):
    out[f'numpy{proto}'] = pickle.dumps(frame_like, protocol=proto)
out['mixed'] = pickle.dumps([frame_like, Shell()], protocol=4)
`)
  : undefined;

(PICKLES ? describe : describe.skip)('pickle artifact analyzer on CPython pickles', () => {
  it.each([2, 4, 5])('allows numpy arrays and dates (protocol %i)', (proto) => {
    const result = analyze('features.pkl', PICKLES![`numpy${proto}`]!);
    expect(result.errors).toEqual([]);
    expect(result.findings).toEqual([]);
  });

  it('reports a malicious reduce mixed into data', () => {
    const [finding] = analyze('features.pkl', PICKLES!.mixed!).findings;
    expect(finding).toMatchObject({ severity: 'critical' });
    expect(finding!.message).toMatch(/posix\.system \(STACK_GLOBAL at offset \d+, called\)/);
  });
});
