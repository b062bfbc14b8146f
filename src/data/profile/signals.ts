import type { SqlDialect } from '../engines/dialect.js';
import type { SecuritySignal } from './types.js';

export interface SignalOptions {
  /** Strings longer than this many characters count as abnormally long. */
  longStringLength: number;
}

/** A security signal as a SQL condition over a column's text, written once for every dialect. */
export interface SignalDefinition {
  name: SecuritySignal;
  condition(dialect: SqlDialect, text: string, options: SignalOptions): string;
  /**
   * A case-insensitive pattern every matching value also matches (or null when the condition is
   * not a pattern). All hints joined form one cheap pre-check, so the full patterns only run on
   * the few values that could match.
   */
  hint: string | null;
}

const PLAIN_NUMBER = '^[+-]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][+-]?[0-9]+)?$';
const INTEGER_TEXT = '^\\s*[+-]?[0-9]+\\s*$';
/** Only prefix characters, spaces and punctuation: no name, number or call for a spreadsheet to run. */
const NOTHING_TO_EVALUATE = '^[-=+@\\s\uFF1D\uFF0B\uFF0D\uFF20/.,:;_*#~|]*$';

/** The start of a JSON string value that begins a formula (tab and CR raw or written as escapes). */
const FORMULA_STRING = '\\s*"([=+@\t\r\uFF1D\uFF0B\uFF0D\uFF20-]|\\\\[tr])';
/** Such a string anywhere in a nested value's JSON text, with a name or call after its prefix. */
const NESTED_FORMULA = `^[{[](.*[,:[])?${FORMULA_STRING}[^"]*[A-Za-z(]`;

/** Condition: the value could carry some signal (the pre-check the full patterns hide behind). */
export function signalHint(dialect: SqlDialect, text: string, options: SignalOptions): string {
  const pattern = SIGNAL_DEFINITIONS.flatMap((s) => (s.hint ? [`(${s.hint})`] : [])).join('|');
  return `(${dialect.matches(text, pattern, true)} OR ${dialect.length(text)} > ${options.longStringLength})`;
}

function regex(pattern: string, caseInsensitive = false): SignalDefinition['condition'] {
  return (dialect, text) => dialect.matches(text, pattern, caseInsensitive);
}

export const SIGNAL_DEFINITIONS: SignalDefinition[] = [
  {
    name: 'formulaPrefix', hint: `^[=+@\t\r\uFF1D\uFF0B\uFF0D\uFF20-]|[{,:[]${FORMULA_STRING}`,
    // OWASP CSV injection: a cell starting with = + - @ tab or CR (or their full-width forms) is a
    // formula to a spreadsheet. Signed numbers are ordinary data, and so are dashes and the like
    // standing for "none" (`-`, `--/--`): with nothing to evaluate, they run nothing. A nested
    // value (a struct or list, read as JSON text) carries one in any string inside it that starts
    // so and has a name or call after the prefix — what a flattening export puts in a cell.
    condition: (d, text) =>
      `((${d.matches(text, '^[=+@\t\r\uFF1D\uFF0B\uFF0D\uFF20-]')} AND NOT ${d.matches(text, PLAIN_NUMBER)} AND NOT ${d.matches(text, NOTHING_TO_EVALUATE)}) OR ${d.matches(text, NESTED_FORMULA)})`,
  },
  {
    name: 'sqlFragment', hint: "union|'|;|sleep|benchmark|waitfor|xp_cmdshell|or\\s+1",
    condition: regex(
      "(union\\s+(all\\s+)?select\\s|'\\s*(or|and)\\s+[^\\s]+\\s*=|(^|[^a-z])or\\s+1\\s*=\\s*1|;\\s*(drop|delete|insert|update|alter|create|truncate|exec)\\s|(pg_sleep|sleep|benchmark)\\s*\\(|waitfor\\s+delay|xp_cmdshell|'\\s*;?\\s*--)",
      true,
    ),
  },
  {
    name: 'scriptFragment', hint: '<|javascript|vbscript|on[a-z]+\\s*=|\\{\\{|\\$\\{',
    // A scheme or handler starts a word: `com.google.javascript:closure-compiler` and `jsonload=1` are names.
    condition: regex('(<\\s*/?\\s*(script|iframe|object|embed|svg)|(^|[^a-z0-9_.-])(javascript|vbscript)\\s*:|(^|[^a-z0-9_])on(error|load|click|mouseover|focus)\\s*=|\\{\\{.*\\}\\}|\\$\\{[^}]*\\}|<%.*%>)', true),
  },
  {
    name: 'pathTraversal', hint: '\\.\\.|%2e|%252e|^/etc/|^[a-z]:\\\\',
    condition: regex('(\\.\\.[/\\\\]|\\.\\.%(2f|5c)|%2e%2e(%2f|%5c|[/\\\\])|%252e%252e|^/etc/(passwd|shadow)|^[a-z]:\\\\windows\\\\)', true),
  },
  {
    name: 'controlChars', hint: '[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F]',
    // Tab, LF and CR are ordinary inside text; every other C0/C1 control is not, NUL least of all (C consumers cut the value there).
    condition: regex('[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F-\\x9F]'),
  },
  { name: 'bidiOverride', hint: '[\u202A-\u202E\u2066-\u2069]', condition: regex('[\u202A-\u202E\u2066-\u2069]') },
  { name: 'longString', hint: null, condition: (d, text, o) => `(${d.length(text)} > ${o.longStringLength})` },
  { name: 'nanOrInfinity', hint: 'nan|inf', condition: regex('^\\s*[+-]?(nan|inf|infinity)\\s*$', true) },
  {
    name: 'int64Overflow', hint: '[0-9]{19}',
    condition: (d, text) => {
      const digits = `ltrim(regexp_replace(${text}, '[^0-9]', '', 'g'), '0')`;
      const limit = `(CASE WHEN ${d.matches(text, '^\\s*-')} THEN '9223372036854775808' ELSE '9223372036854775807' END)`;
      return `COALESCE(CASE WHEN ${d.matches(text, INTEGER_TEXT)} THEN ${d.length(digits)} > 19 OR (${d.length(digits)} = 19 AND ${digits} > ${limit}) END, false)`;
    },
  },
  { name: 'floatOverflow', hint: 'e[+-]?[0-9]{3}', condition: (d, text) => d.overflowsDouble(text) },
];
