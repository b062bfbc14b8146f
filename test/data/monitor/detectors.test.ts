import { describe, expect, it } from 'vitest';
import { cusum, ewma } from '../../../src/data/monitor/detectors.js';

describe('CUSUM', () => {
  it('accumulates deviations beyond k and signals when a side exceeds h', () => {
    // S⁺: 0.5, 1.0, 1.5, … after each z = 1 with k = 0.5; above h = 2 at the 5th observation.
    const run = cusum([1, 1, 1, 1, 1, 1], 0.5, 2);
    expect(run.statistics).toEqual([0.5, 1, 1.5, 2, 2.5, 3]);
    expect(run.firstAlarm).toBe(4);
  });

  it('detects a downward shift on the lower side and resets at zero', () => {
    const run = cusum([-3, -3, 2, 0], 0.5, 4);
    expect(run.statistics).toEqual([2.5, 5, 2.5, 2]);
    expect(run.firstAlarm).toBe(1);
  });

  it('stays quiet inside ±k', () => {
    expect(cusum([0.4, -0.4, 0.3, -0.2, 0.5], 0.5, 1).firstAlarm).toBe(-1);
  });
});

describe('EWMA', () => {
  it('matches the hand-computed statistic and time-varying limit', () => {
    // λ = 0.5: E₁ = 1, limit L·√(1/3·(1 − 0.25)) = L·0.5; E₂ = 1.5, limit L·√(1/3·(1 − 1/16)).
    const run = ewma([2, 2], 0.5, 3);
    expect(run.statistics[0]).toBeCloseTo(1 / (3 * 0.5), 12);
    expect(run.statistics[1]).toBeCloseTo(1.5 / (3 * Math.sqrt((1 / 3) * (15 / 16))), 12);
    expect(run.firstAlarm).toBe(-1);
  });

  it('signals a sustained shift', () => {
    const run = ewma(new Array(20).fill(1.5), 0.2, 3);
    expect(run.firstAlarm).toBeGreaterThan(0);
    expect(run.firstAlarm).toBeLessThan(10);
  });
});

describe('one-sided detectors (a metric measured as a lower bound)', () => {
  it('CUSUM counts increases only', () => {
    expect(cusum([2, 2, 2], 0.5, 4, 'upper').firstAlarm).toBe(2);
    const down = cusum([-3, -3, -3, -3], 0.5, 4, 'upper');
    expect(down.statistics).toEqual([0, 0, 0, 0]);
    expect(down.firstAlarm).toBe(-1);
  });

  it('EWMA counts increases only', () => {
    expect(ewma(new Array(10).fill(2), 0.2, 3, 'upper').firstAlarm).toBeGreaterThan(-1);
    const down = ewma(new Array(10).fill(-2), 0.2, 3, 'upper');
    expect(down.firstAlarm).toBe(-1);
    expect(Math.max(...down.statistics)).toBe(0);
  });
});
