import { describe, expect, it } from 'vitest';
import { templateText, TemplateMiner } from '../../../src/data/logs/drain.js';
import { maskMessage } from '../../../src/data/logs/mask.js';

describe('maskMessage', () => {
  it('masks numbers, quoted strings, paths, URLs, UUIDs, hex, IPs, timestamps and ids', () => {
    expect(maskMessage('loaded 1523 rows from /data/in/part-7.csv')).toBe('loaded <NUM> rows from <PATH>');
    expect(maskMessage("bad value 'abc' in \"name\"")).toBe('bad value <STR> in <STR>');
    expect(maskMessage('GET https://api.example.com/v1/x?id=3 from 10.0.0.12:5432')).toBe('GET <URL> from <IP>');
    expect(maskMessage('run 3f2b8c1e-1d2a-4c5b-9a8e-0f1e2d3c4b5a at 2024-05-01T12:00:00Z')).toBe('run <UUID> at <TS>');
    expect(maskMessage('object 0x7f3a9c at deadbeef42 job_20240501_a7')).toBe('object <HEX> at <HEX> <ID>');
    expect(maskMessage('ratio -0.25 and 1e-3')).toBe('ratio <NUM> and <NUM>');
  });
});

describe('TemplateMiner', () => {
  it('groups messages that differ in variable parts into one template', () => {
    const miner = new TemplateMiner();
    const a = miner.add('wrote batch 17 to staging.orders', 0);
    const b = miner.add('wrote batch 18 to staging.orders', 1);
    expect(b).toBe(a);
    expect(templateText(a)).toBe('wrote batch <NUM> to staging.orders');
    expect(a.counts).toEqual([1, 1]);
  });

  it('turns differing words into wildcards when most positions agree', () => {
    const miner = new TemplateMiner();
    miner.add('connection to warehouse lost, retrying', 0);
    const t = miner.add('connection to lake lost, retrying', 0);
    expect(templateText(t)).toBe('connection to <*> lost, retrying');
  });

  it('keeps messages of different shape apart', () => {
    const miner = new TemplateMiner();
    miner.add('wrote batch 17 to staging.orders', 0);
    miner.add('failed to insert row 5: value too long', 0);
    miner.add('task finished', 0);
    expect(miner.templates()).toHaveLength(3);
  });

  it('matches seeded templates from a saved baseline', () => {
    const miner = new TemplateMiner();
    const learnt = new TemplateMiner().add('wrote batch 17 to staging.orders', 0);
    const seeded = miner.seed(learnt.key, templateText(learnt), 40);
    expect(miner.add('wrote batch 99 to staging.orders', 1)).toBe(seeded);
    expect(seeded.counts).toEqual([40, 1]);
  });
});
