import type { Finding } from '../../src/core/finding.js';

/** A finding with sensible defaults, for tests of the stages after analysis. */
export function finding(overrides: Partial<Finding> & { file?: string; line?: number } = {}): Finding {
  const { file = 'jobs/clean.py', line = 3, ...rest } = overrides;
  return {
    ruleId: 'py.deserialization.pickle',
    title: 'Deserialization with pickle',
    message: 'pickle.load() deserializes untrusted data',
    severity: 'high',
    confidence: 'high',
    cwe: ['CWE-502'],
    category: 'sast',
    location: { file, startLine: line, startColumn: 1, endLine: line, endColumn: 20, snippet: 'model = pickle.load(fh)' },
    remediation: 'Use a data-only format.',
    fingerprint: `fp-${file}-${line}`,
    ...rest,
  };
}
