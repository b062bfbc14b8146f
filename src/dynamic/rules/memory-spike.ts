import { READ_ROWS, WRITE_ROWS, type DynamicRule } from './dynamic-rule.js';

export const memorySpikeRule: DynamicRule = {
  id: 'dyn.memory-spike',
  title: 'Input drives memory use far above the clean run',
  category: 'dynamic',
  severity: 'medium',
  confidence: 'medium',
  cwe: ['CWE-400', 'CWE-789'],
  what: 'Peak resident memory on a mutated input was several times that of the clean run, or the run hit the sandbox memory limit.',
  why: 'Allocation sized by data (a count, a length, a decompressed size) lets one record exhaust the worker: the job is OOM-killed, and on shared nodes its neighbours with it.',
  remediation: 'Never size allocations from input values without a bound; stream large fields; cap decompressed sizes and record counts.',
  bad: [{ file: 'jobs/clean.py', code: READ_ROWS + 'for r in rows:\n    pad = bytearray(min(int(float(r["amount"] or 0)), 2**40) * 1024)\n    r["comment"] = r["comment"][:50]\n' + WRITE_ROWS }],
  good: [{ file: 'jobs/clean.py', code: READ_ROWS + 'for r in rows:\n    r["comment"] = r["comment"][:50]\n' + WRITE_ROWS }],
  references: ['https://cwe.mitre.org/data/definitions/789.html', 'https://cwe.mitre.org/data/definitions/400.html'],
};
