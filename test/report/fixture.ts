import type { AssessmentResult } from '../../src/core/assessment.js';
import type { Finding } from '../../src/core/finding.js';
import type { RuleMeta } from '../../src/core/rule.js';
import { finding } from '../helpers/findings.js';

/** A snippet with every character a report format must escape, and a terminal escape (ESC) in it. */
export const HOSTILE_SNIPPET = 'if a < b && name == "x|y": log(`tick`) \u001b[2J';

function rule(overrides: Partial<RuleMeta> & Pick<RuleMeta, 'id' | 'title' | 'severity' | 'category' | 'cwe'>): RuleMeta {
  return {
    confidence: 'high',
    what: `Finds ${overrides.title.toLowerCase()}.`,
    why: 'It lets an attacker run code in the pipeline.',
    remediation: 'Do the safe thing instead.',
    bad: [{ file: 'bad.py', code: 'danger()\n' }],
    good: [{ file: 'good.py', code: 'safe()\n' }],
    references: [`https://example.org/rules/${overrides.id}`],
    ...overrides,
  };
}

export const RULES: RuleMeta[] = [
  rule({ id: 'secret.aws-access-key', title: 'AWS access key', severity: 'critical', category: 'secret', cwe: ['CWE-798'] }),
  rule({
    id: 'py.deserialization.pickle',
    title: 'Deserialization with pickle',
    severity: 'high',
    category: 'sast',
    cwe: ['CWE-502'],
    bad: [{ file: 'load.py', code: 'import pickle\nmodel = pickle.load(fh)\n' }],
    good: [{ file: 'load.py', code: 'frame = pd.read_parquet(path)\n' }],
  }),
  rule({ id: 'sql.injection.format', title: 'SQL built with string formatting', severity: 'medium', category: 'sast', cwe: ['CWE-89'], confidence: 'medium' }),
  rule({ id: 'deps.unpinned', title: 'Unpinned dependency', severity: 'low', category: 'dependency', cwe: ['CWE-1357'], confidence: 'low', references: [] }),
  rule({ id: 'data.pii-column', title: 'PII column without masking', severity: 'info', category: 'data', cwe: [] }),
  // Enabled but silent: JUnit must still show it, SARIF must still list it.
  rule({ id: 'iac.s3.public-acl', title: 'Public S3 bucket ACL', severity: 'high', category: 'iac', cwe: ['CWE-732'] }),
];

function ruleFinding(ruleId: string, overrides: Parameters<typeof finding>[0] = {}): Finding {
  const meta = RULES.find((r) => r.id === ruleId)!;
  return finding({
    ruleId,
    title: meta.title,
    severity: meta.severity,
    confidence: meta.confidence,
    cwe: meta.cwe,
    category: meta.category,
    remediation: meta.remediation,
    ...overrides,
  });
}

export const FINDINGS = {
  secret: ruleFinding('secret.aws-access-key', {
    file: 'config/settings.py',
    line: 4,
    message: 'AWS access key AKIA… committed in source',
    fingerprint: 'fp-secret',
  }),
  pickle: ruleFinding('py.deserialization.pickle', {
    file: 'jobs/load model.py',
    line: 12,
    message: 'pickle.load() deserializes data read from an upload bucket',
    fingerprint: 'fp-pickle',
    trace: [
      { file: 'jobs/fetch.py', line: 3, label: 'object read from s3://uploads' },
      { file: 'jobs/load model.py', line: 12, label: 'passed to pickle.load()' },
    ],
  }),
  sql: withSnippet(
    ruleFinding('sql.injection.format', {
      file: 'sql/q#1.py',
      line: 7,
      message: 'query built with f-string from `table` | user input',
      fingerprint: 'fp-sql',
    }),
    HOSTILE_SNIPPET,
  ),
  dep: ruleFinding('deps.unpinned', { file: 'requirements.txt', line: 2, message: 'pandas is not pinned', fingerprint: 'fp-dep' }),
  pii: ruleFinding('data.pii-column', { file: 'data/users.csv', line: 1, message: 'column email holds PII', fingerprint: 'fp-pii' }),
};

function withSnippet(f: Finding, snippet: string): Finding {
  return { ...f, location: { ...f.location, snippet } };
}

/** A full result: every severity, a trace, all suppression kinds, errors, skips, notices, history. */
export function fullResult(): AssessmentResult {
  // A fresh copy each time, so a test that edits its result cannot leak into another.
  return structuredClone({
    tool: { name: 'pipewarden', version: '0.1.0' },
    root: '/srv/repos/etl pipeline',
    startedAt: '2025-03-01T10:00:00.000Z',
    // Deliberately out of report order: renderers must sort.
    findings: [FINDINGS.pii, FINDINGS.dep, FINDINGS.sql, FINDINGS.pickle, FINDINGS.secret],
    suppressed: [
      { finding: ruleFinding('py.deserialization.pickle', { file: 'jobs/cache.py', line: 5, fingerprint: 'fp-s1' }), kind: 'inline', reason: 'artifact we sign ourselves' },
      { finding: ruleFinding('deps.unpinned', { file: 'dev-requirements.txt', line: 1, fingerprint: 'fp-s2' }), kind: 'ignore-file', reason: 'dev only' },
      { finding: ruleFinding('sql.injection.format', { file: 'sql/old.py', line: 9, fingerprint: 'fp-s3' }), kind: 'baseline', reason: 'accepted 2025-01-10' },
    ],
    errors: [
      { file: 'notebooks/huge.ipynb', analyzer: 'notebook', message: 'invalid JSON at offset 12' },
      { file: 'jobs/broken.py', message: 'analysis timed out after 30 s' },
    ],
    skipped: [
      { file: 'data/dump.parquet', kind: 'too-large', reason: 'larger than the size limit (2.0 GiB > 5.0 MiB)' },
      { file: 'link-out', kind: 'link-outside-root', reason: 'symlink to outside the scanned root (/etc) not followed' },
    ],
    notices: ['suppression for py.deserialization.pickle in jobs/old.py expired on 2025-02-01'],
    stats: { filesSeen: 44, filesAnalyzed: 42, filesFromCache: 40, linesAnalyzed: 3100, filesByKind: { python: 30, sql: 12 }, durationMs: 1234 },
    history: {
      runId: 7,
      previousRunId: 6,
      newFingerprints: ['fp-secret', 'fp-sql'],
      fixed: [{ ruleId: 'py.deserialization.pickle', severity: 'high', fingerprint: 'fp-gone', title: 'Deserialization with pickle', file: 'jobs/old.py', line: 20 }],
    },
    rules: RULES,
    failOn: 'high',
  } satisfies AssessmentResult);
}

/** A clean run: nothing found, nothing wrong, no history. */
export function emptyResult(): AssessmentResult {
  const { history: _history, ...result } = fullResult();
  return { ...result, findings: [], suppressed: [], errors: [], skipped: [], notices: [], stats: { ...result.stats, filesFromCache: 0 } };
}
