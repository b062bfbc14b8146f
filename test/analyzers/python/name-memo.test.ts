import { describe, expect, it } from 'vitest';
import { NameMemo } from '../../../src/analyzers/python/name-memo.js';

/** A toy "sum of reachable weights, capped" over a graph, computed through the memo. */
function solver(graph: Record<string, string[]>, options: { iterate: boolean; budget?: number }) {
  let computations = 0;
  const memo = new NameMemo<number>({ guess: 0, iterate: options.iterate, giveUp: -1 }, options.budget ?? 1000);
  const value = (name: string): number =>
    memo.get(name, () => {
      computations++;
      return Math.min(3, 1 + (graph[name] ?? []).reduce((sum, n) => sum + Math.max(0, value(n)), 0));
    });
  return { value, computations: () => computations };
}

describe('NameMemo', () => {
  it('computes each name once in acyclic graphs', () => {
    const s = solver({ a: ['b', 'c'], b: ['c'], c: [] }, { iterate: false });
    expect(s.value('a')).toBe(3);
    expect(s.value('a')).toBe(3);
    expect(s.computations()).toBe(3);
  });

  it('hands a name its guess when met again during its own computation', () => {
    const s = solver({ a: ['a'] }, { iterate: false });
    expect(s.value('a')).toBe(1);
  });

  it('iterates a cycle from the guess until the answer is stable', () => {
    const s = solver({ a: ['b'], b: ['a'] }, { iterate: true });
    expect(s.value('a')).toBe(3);
  });

  it('does not cache answers that used the guess of a name higher up the stack', () => {
    const s = solver({ a: ['b'], b: ['a'] }, { iterate: false });
    expect(s.value('a')).toBe(2);
    // b was computed while a was open, leaning on a's guess; asked on its own it is computed
    // again, now from a's finished answer.
    expect(s.value('b')).toBe(3);
    expect(s.computations()).toBe(3);
  });

  it('gives up once the budget is spent', () => {
    const s = solver({ a: ['b'], b: ['c'], c: [] }, { iterate: false, budget: 2 });
    expect(s.value('a')).toBe(2);
    expect(s.value('c')).toBe(-1);
  });
});
