import { ManifestError, excerpt } from './errors.js';

/** PEP 508 environment marker variables, with the dotted spellings packaging still accepts. */
const VARIABLES = new Set([
  'python_version',
  'python_full_version',
  'os_name',
  'sys_platform',
  'platform_release',
  'platform_system',
  'platform_version',
  'platform_machine',
  'platform_python_implementation',
  'implementation_name',
  'implementation_version',
  'extra',
  'extras',
  'dependency_groups',
  'os.name',
  'sys.platform',
  'platform.version',
  'platform.machine',
  'platform.python_implementation',
  'python_implementation',
]);
/** Parentheses deeper than this are no real marker, and would cost recursion. */
const MAX_DEPTH = 32;
const TOKEN = /\s*(?:(\()|(\))|("[^"]*"|'[^']*')|(===|==|!=|<=|>=|~=|<|>)|(not\s+in\b|in\b|and\b|or\b)|([A-Za-z_][A-Za-z0-9_.]*))/y;

type Token = { kind: 'open' | 'close' | 'string' | 'op' | 'word' | 'variable'; text: string };

/**
 * Checks a marker against the PEP 508 grammar (`or`/`and` of comparisons of variables and
 * quoted strings, in parentheses); it is not evaluated. Throws a ManifestError without a line.
 */
export function validateMarker(marker: string): void {
  const tokens = tokenize(marker);
  let at = 0;
  const fail = (expected: string): never => {
    const found = tokens[at]?.text ?? 'the end';
    throw new ManifestError(`invalid environment marker ${excerpt(marker)}: expected ${expected}, found ${excerpt(found)}`);
  };
  const value = (): void => {
    const token = tokens[at];
    if (token?.kind === 'string') at++;
    else if (token?.kind === 'variable' && VARIABLES.has(token.text)) at++;
    else fail('a marker variable or a quoted string');
  };
  const comparisonOrGroup = (depth: number): void => {
    if (tokens[at]?.kind === 'open') {
      if (depth >= MAX_DEPTH) fail(`at most ${MAX_DEPTH} nested parentheses`);
      at++;
      disjunction(depth + 1);
      if (tokens[at]?.kind !== 'close') fail('")"');
      at++;
      return;
    }
    value();
    const op = tokens[at];
    if (op?.kind === 'op' || (op?.kind === 'word' && (op.text === 'in' || op.text.startsWith('not')))) at++;
    else fail('a comparison operator');
    value();
  };
  const conjunction = (depth: number): void => {
    comparisonOrGroup(depth);
    while (tokens[at]?.text === 'and') {
      at++;
      comparisonOrGroup(depth);
    }
  };
  const disjunction = (depth: number): void => {
    conjunction(depth);
    while (tokens[at]?.text === 'or') {
      at++;
      conjunction(depth);
    }
  };
  disjunction(0);
  if (at < tokens.length) fail('"and", "or" or the end');
}

function tokenize(marker: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < marker.length) {
    const start = TOKEN.lastIndex;
    const m = TOKEN.exec(marker);
    if (!m) {
      if (marker.slice(start).trim() === '') break;
      throw new ManifestError(`invalid environment marker ${excerpt(marker)}: unexpected ${excerpt(marker.slice(start).trim())}`);
    }
    const [, open, close, string, op, word, variable] = m;
    if (open) tokens.push({ kind: 'open', text: open });
    else if (close) tokens.push({ kind: 'close', text: close });
    else if (string) tokens.push({ kind: 'string', text: string });
    else if (op) tokens.push({ kind: 'op', text: op });
    else if (word) tokens.push({ kind: 'word', text: word.replace(/\s+/, ' ') });
    else tokens.push({ kind: 'variable', text: variable! });
  }
  return tokens;
}
