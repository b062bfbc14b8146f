import type { RegExpEngine, RegExpLike } from 'ajv/dist/types/index.js';
import { RE2JS, RE2JSSyntaxException } from 're2js';

/**
 * The regular expressions of a schema's `pattern` and `patternProperties`, matched in time linear
 * in the value (re2js, RE2's automata in JavaScript) — the records are the untrusted side, and
 * with backtracking one 41-character value stopped `^(a+)+$` for good. It is also the dialect
 * DuckDB checks the same schema in. A pattern RE2 cannot express (back-references, lookaround)
 * is matched by JavaScript's own RegExp, as before.
 */
export const linearRegExp: RegExpEngine = Object.assign(
  (pattern: string, flags: string): RegExpLike => {
    try {
      const compiled = RE2JS.compile(RE2JS.translateRegExp(pattern));
      // ajv keeps one compiled pattern per toString(), so each needs its own.
      const matcher = { test: (value: string) => compiled.test(value), toString: () => `re2:/${pattern}/${flags}` };
      return matcher;
    } catch (error) {
      if (error instanceof RE2JSSyntaxException) return new RegExp(pattern, flags);
      throw error;
    }
  },
  { code: 'linearRegExp' },
);
