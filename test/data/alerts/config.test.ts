import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/core/config.js';
import { UsageError } from '../../../src/core/errors.js';
import { monitorSettings } from '../../../src/data/monitor/slow-drift.js';
import { columnSettings, resolveDriftSettings } from '../../../src/data/drift/settings.js';
import { removeTree, tempTree } from '../../helpers/temp-tree.js';

let roots: string[] = [];
afterEach(() => {
  roots.forEach(removeTree);
  roots = [];
});
const load = (yaml: string) => {
  const root = tempTree({ 'pipewarden.yml': yaml });
  roots.push(root);
  return loadConfig(root);
};

describe('the data: section of pipewarden.yml', () => {
  it('carries per-column drift settings, detectors and webhooks', () => {
    const config = load(
      [
        'data:',
        '  drift:',
        '    preset: evidently',
        '    columns:',
        '      amount: { method: psi, threshold: 0.2 }',
        '      note: { skip: true }',
        '  monitor: { window: 5, cusum: { h: 6 } }',
        '  webhooks:',
        '    - { url: "https://hooks.example.com/x", format: slack }',
      ].join('\n'),
    );
    const settings = resolveDriftSettings(config.data!.drift);
    expect(settings.preset).toBe('evidently');
    expect(columnSettings(settings, 'amount')).toMatchObject({ method: 'psi', threshold: 0.2, alpha: 0.001, nullRate: 0.05 });
    expect(columnSettings(settings, 'other')).toMatchObject({ method: 'auto', skip: false });
    expect(monitorSettings(config.data!.monitor)).toEqual({ window: 5, cusum: { k: 0.5, h: 6 }, ewma: { lambda: 0.2, L: 3.5 } });
    expect(config.data!.webhooks).toEqual([{ url: 'https://hooks.example.com/x', format: 'slack' }]);
  });

  it('rejects unknown methods and keys with their line', () => {
    expect(() => load('data:\n  drift:\n    columns:\n      amount: { method: t-test }\n')).toThrow(UsageError);
    expect(() => load('data:\n  drift:\n    thresholds: 0.1\n')).toThrow(/pipewarden\.yml:3:\d+: .*thresholds/);
    expect(() => load('data:\n  webhooks:\n    - { url: "ftp://x" }\n')).toThrow(UsageError);
  });
});
