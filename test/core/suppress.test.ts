import { describe, expect, it } from 'vitest';
import { SourceText } from '../../src/core/source-text.js';
import { applySuppressions } from '../../src/core/suppress/apply.js';
import { inlineIgnoresFor } from '../../src/core/suppress/inline.js';
import { finding } from '../helpers/findings.js';

describe('inline ignores', () => {
  it('reads the #, // and -- comment forms on the finding line', () => {
    const source = new SourceText(
      [
        'model = pickle.load(fh)  # pipewarden: ignore[py.deserialization.pickle] artifact we sign ourselves',
        'exec(cmd); // pipewarden: ignore[js.exec,js.eval] build script only',
        "SELECT * FROM t WHERE id = {{ var('id') }} -- pipewarden: ignore[sql.jinja-var] dbt var is an enum",
        'eval(x)',
      ].join('\n'),
    );
    expect(inlineIgnoresFor(source, [1, 2, 3, 4])).toEqual([
      { line: 1, tool: 'pipewarden', scope: { rules: ['py.deserialization.pickle'] }, reason: 'artifact we sign ourselves' },
      { line: 2, tool: 'pipewarden', scope: { rules: ['js.exec', 'js.eval'] }, reason: 'build script only' },
      { line: 3, tool: 'pipewarden', scope: { rules: ['sql.jinja-var'] }, reason: 'dbt var is an enum' },
    ]);
  });

  it('applies a comment-only line to the line below it, and a bare ignore to every rule', () => {
    const source = new SourceText('# pipewarden: ignore trusted fixture\nmodel = pickle.load(fh)\nx = 1 # pipewarden: ignore[a]\ny = 2\n');
    expect(inlineIgnoresFor(source, [2, 4])).toEqual([{ line: 2, tool: 'pipewarden', scope: { all: true }, reason: 'trusted fixture' }]);
  });
});

describe('applySuppressions', () => {
  const base = { inline: new Map(), ignoreEntries: [], baseline: undefined, today: '2026-06-01', banditIds: () => [], foreignMarkers: true };

  it('keeps every finding, moving suppressed ones aside with their kind and reason', () => {
    const findings = [finding({ line: 1 }), finding({ line: 2 }), finding({ line: 3, file: 'jobs/other.py' }), finding({ line: 9 })];
    const outcome = applySuppressions({
      ...base,
      findings,
      inline: new Map([['jobs/clean.py', [{ line: 1, tool: 'pipewarden', scope: { rules: ['py.deserialization.pickle'] }, reason: 'signed' }]]]),
      ignoreEntries: [{ path: 'jobs/other.py', reason: 'legacy job, removed in Q3' }],
      baseline: new Set([findings[3]!.fingerprint]),
    });
    expect(outcome.active.map((f) => f.location.startLine)).toEqual([2]);
    expect(outcome.suppressed.map((s) => [s.kind, s.reason])).toEqual([
      ['inline', 'signed'],
      ['ignore-file', 'legacy job, removed in Q3'],
      ['baseline', 'present in the baseline'],
    ]);
    expect(outcome.active.length + outcome.suppressed.length).toBe(findings.length);
  });

  it('does not let an inline ignore for one rule hide another', () => {
    const outcome = applySuppressions({
      ...base,
      findings: [finding({ ruleId: 'py.code-injection.eval-exec' })],
      inline: new Map([['jobs/clean.py', [{ line: 3, tool: 'pipewarden', scope: { rules: ['py.deserialization.pickle'] }, reason: '' }]]]),
    });
    expect(outcome.active).toHaveLength(1);
  });

  it('matches ignore-file entries by rule glob, path glob and fingerprint, all of which must hold', () => {
    const f = finding({ file: 'jobs/legacy/load.py' });
    const run = (entry: Parameters<typeof applySuppressions>[0]['ignoreEntries'][number]) =>
      applySuppressions({ ...base, findings: [f], ignoreEntries: [entry] }).suppressed.length;
    expect(run({ rule: 'py.deserialization.*', reason: 'r' })).toBe(1);
    expect(run({ rule: 'py.sql-injection.*', reason: 'r' })).toBe(0);
    expect(run({ path: 'jobs/legacy/**', reason: 'r' })).toBe(1);
    expect(run({ path: 'jobs/legacy/**', rule: 'py.sql-injection.*', reason: 'r' })).toBe(0);
    expect(run({ fingerprint: f.fingerprint, reason: 'r' })).toBe(1);
  });

  it('stops applying an expired entry and says so', () => {
    const outcome = applySuppressions({
      ...base,
      findings: [finding()],
      ignoreEntries: [{ rule: 'py.deserialization.pickle', reason: 'until the migration', expires: '2026-05-31' }],
    });
    expect(outcome.active).toHaveLength(1);
    expect(outcome.notices).toEqual(['suppression (rule py.deserialization.pickle) expired on 2026-05-31 and no longer applies: until the migration']);
    const still = applySuppressions({ ...base, findings: [finding()], ignoreEntries: [{ rule: 'py.deserialization.pickle', reason: 'r', expires: '2026-06-02' }] });
    expect(still.active).toHaveLength(0);
  });
});
