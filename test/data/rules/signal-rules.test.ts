import { describe, expect, it } from 'vitest';
import { profileDataset } from '../../../src/data/profile/index.js';
import { signalFindings } from '../../../src/data/rules/signal-rule.js';
import { signalRules } from '../../../src/data/rules/signal-rules.js';
import { SECURITY_SIGNALS } from '../../../src/data/profile/types.js';
import { tempDataDir } from '../temp-data.js';

const write = tempDataDir();

describe('security signal rules', () => {
  it('cover every signal once, with complete docs', () => {
    expect(signalRules.map((r) => r.signal).sort()).toEqual([...SECURITY_SIGNALS].sort());
    expect(new Set(signalRules.map((r) => r.id)).size).toBe(signalRules.length);
    for (const rule of signalRules) {
      expect(rule.id).toMatch(/^data\.signal\.[a-z0-9-]+$/);
      expect(rule.category).toBe('data');
      for (const cwe of rule.cwe) expect(cwe).toMatch(/^CWE-\d+$/);
      for (const text of [rule.title, rule.what, rule.why, rule.remediation]) expect(text.trim()).not.toBe('');
      for (const ref of rule.references) expect(ref).toMatch(/^https:\/\//);
    }
  });

  describe.each(signalRules.map((r) => [r.id, r] as const))('%s examples', (id, rule) => {
    it('reports the bad example', async () => {
      const profile = await profileDataset({ engine: 'duckdb', file: write(`${rule.signal}-bad.csv`, rule.bad[0]!.code) });
      const findings = signalFindings(profile, signalRules).filter((f) => f.ruleId === id);
      expect(findings).toHaveLength(1);
      expect(findings[0]).toMatchObject({ category: 'data', severity: rule.severity, cwe: rule.cwe });
      expect(findings[0]!.message).toMatch(/^column "[a-z]+": 1 of 2 values \(50\.00%\)/);
      expect(findings[0]!.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    });

    it('does not report the good example', async () => {
      const profile = await profileDataset({ engine: 'duckdb', file: write(`${rule.signal}-good.csv`, rule.good[0]!.code) });
      expect(signalFindings(profile, signalRules).filter((f) => f.ruleId === id)).toEqual([]);
    });
  });
});
