import { describe, expect, it } from 'vitest';
import { printable } from '../../src/report/printable.js';

describe('printable', () => {
  it('shows terminal controls, a bare carriage return and DEL as escapes, keeping tab and newline', () => {
    expect(printable('a\u001b[31mb\rc\u007fd\te\nf')).toBe('a\\x1b[31mb\\x0dc\\x7fd\te\nf');
  });

  it('can fold newlines too, for one-line fields', () => {
    expect(printable('a\nb', { keepNewlines: false })).toBe('a\\x0ab');
  });

  it('shows bidi overrides ("Trojan Source") and C1 controls', () => {
    expect(printable('if admin\u202e\u2066 {')).toBe('if admin\\u202e\\u2066 {');
    expect(printable('x\u009by')).toBe('x\\x9by');
  });

  it('replaces lone surrogates and noncharacters but keeps real astral characters', () => {
    expect(printable('a\ud800b\udc00c\uffff')).toBe('a\\ud800b\\udc00c\\uffff');
    expect(printable('data 📊 ok, ünïcödé')).toBe('data 📊 ok, ünïcödé');
  });
});
