import { describe, expect, it } from 'vitest';
import { exceptionOf, mentionsOf } from '../../../src/dynamic/poison/classify.js';
import type { PoisonedRecord } from '../../../src/dynamic/poison/inject.js';
import { resistanceScore } from '../../../src/dynamic/poison/score.js';

const record: PoisonedRecord = {
  index: 11,
  baseIndex: 3,
  id: 'ORD-1042',
  keepsId: false,
  firstLine: 13,
  lastLine: 14,
  column: 'amount',
  before: '12.5',
  after: '-11000',
  marker: { kind: 'value', column: 'amount', value: -11000 },
  evidence: ['-11000'],
};

describe('finding a record in a log line', () => {
  it.each([
    'input.csv:13: rejected: amount out of range',
    'WARNING skipping line 14 (bad amount)',
    'row 12 rejected', // its 1-based position among the records
    'dropped ORD-1042: duplicate',
    'amount -11000 is out of range',
  ])('%s names it', (line) => {
    expect(mentionsOf(record)(line)).toBe(true);
  });

  it.each([
    'input.csv:15: rejected: amount out of range',
    'dropped ORD-10421: duplicate',
    'loaded at 2024-05-13T08:13:00Z', // a clock is not a line number
    'amount -110000 is out of range',
    'read 40 records',
  ])('%s does not', (line) => {
    expect(mentionsOf(record)(line)).toBe(false);
  });
});

describe('exception class of a crash', () => {
  it('reads the last exception of a Python traceback and of a Node stack', () => {
    expect(exceptionOf('Traceback (most recent call last):\n  File "x.py", line 3\nValueError: math domain error\n')).toBe('ValueError');
    expect(exceptionOf('file:///x.mjs:2\nthrow new TypeError("x")\n\nTypeError: x\n    at file:///x.mjs:2:7\n')).toBe('TypeError');
    expect(exceptionOf('sqlite3.OperationalError: near "x": syntax error')).toBe('OperationalError');
    expect(exceptionOf('Killed')).toBeUndefined();
  });
});

describe('resistance score', () => {
  const cell = (counts: Partial<Record<'rejected' | 'neutralised' | 'dropped' | 'propagated' | 'crashed', number>>) => ({
    rejected: 0,
    neutralised: 0,
    dropped: 0,
    propagated: 0,
    crashed: 0,
    ...counts,
  });

  it('averages the cells, each the mean credit of its records', () => {
    expect(resistanceScore([cell({ rejected: 1 }), cell({ propagated: 4 })])).toBe(50);
    expect(resistanceScore([cell({ neutralised: 3, propagated: 1 }), cell({ dropped: 1 })])).toBe(62.5);
    expect(resistanceScore([cell({ crashed: 1 }), cell({ rejected: 2 }), cell({ rejected: 2 })])).toBe(66.7);
  });

  it('weighs a one-record cell like a forty-record one', () => {
    expect(resistanceScore([cell({ rejected: 1 }), cell({ propagated: 40 })])).toBe(50);
  });
});
