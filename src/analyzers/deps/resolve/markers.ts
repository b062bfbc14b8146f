import { satisfies, valid as validPep440 } from '@renovatebot/pep440';

/** The environment requirements are resolved for: a Linux CPython worker, as pipelines run on. */
export interface MarkerEnvironment {
  [variable: string]: string;
}

export const LINUX_CPYTHON_311: MarkerEnvironment = {
  python_version: '3.11',
  python_full_version: '3.11.9',
  os_name: 'posix',
  sys_platform: 'linux',
  platform_system: 'Linux',
  platform_machine: 'x86_64',
  platform_python_implementation: 'CPython',
  implementation_name: 'cpython',
  implementation_version: '3.11.9',
  platform_release: '',
  platform_version: '',
};

const TOKEN = /\s*(?:(\()|(\))|"([^"]*)"|'([^']*)'|(===|==|!=|<=|>=|~=|<|>)|(not\s+in|in|and|or)\b|([A-Za-z_][A-Za-z0-9_.]*))/y;
const MAX_TOKENS = 512;

type Token = { t: 'open' | 'close' | 'str' | 'op' | 'word' | 'var'; v: string };

/**
 * Evaluates a PEP 508 marker for `env`, with `extras` as the requested extras. An unreadable
 * marker counts as true: better to resolve a requirement too many than to drop one silently.
 */
export function markerHolds(marker: string, env: MarkerEnvironment, extras: readonly string[] = []): boolean {
  const tokens = tokenize(marker);
  if (!tokens) return true;
  let at = 0;
  const value = (): { text: string; variable?: string } | undefined => {
    const tok = tokens[at++];
    if (tok?.t === 'str') return { text: tok.v };
    if (tok?.t === 'var') return { text: env[tok.v.replace('.', '_')] ?? '', variable: tok.v };
    return undefined;
  };
  const comparison = (): boolean | undefined => {
    if (tokens[at]?.t === 'open') {
      at++;
      const inner = disjunction();
      if (tokens[at++]?.t !== 'close') return undefined;
      return inner;
    }
    const left = value();
    const op = tokens[at++];
    const right = value();
    if (!left || !right || !op || (op.t !== 'op' && op.t !== 'word')) return undefined;
    if (left.variable === 'extra' || right.variable === 'extra') {
      const wanted = left.variable === 'extra' ? right.text : left.text;
      const has = extras.includes(normalizeExtra(wanted));
      return op.v === '==' ? has : op.v === '!=' ? !has : undefined;
    }
    return compare(left.text, op.v.replace(/\s+/g, ' '), right.text);
  };
  const conjunction = (): boolean | undefined => {
    let result = comparison();
    while (tokens[at]?.v === 'and') {
      at++;
      const next = comparison();
      result = result === undefined || next === undefined ? undefined : result && next;
    }
    return result;
  };
  const disjunction = (): boolean | undefined => {
    let result = conjunction();
    while (tokens[at]?.v === 'or') {
      at++;
      const next = conjunction();
      result = result === undefined || next === undefined ? undefined : result || next;
    }
    return result;
  };
  const result = disjunction();
  return result === undefined || at !== tokens.length ? true : result;
}

function compare(left: string, op: string, right: string): boolean | undefined {
  if (op === 'in') return right.includes(left);
  if (op === 'not in') return !right.includes(left);
  if (op !== 'in' && validPep440(left) && validPep440(right)) return satisfies(left, `${op}${right}`);
  if (op === '==' || op === '===') return left === right;
  if (op === '!=') return left !== right;
  return undefined;
}

function tokenize(marker: string): Token[] | undefined {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < marker.length && tokens.length < MAX_TOKENS) {
    if (/^\s*$/.test(marker.slice(TOKEN.lastIndex))) break;
    const m = TOKEN.exec(marker);
    if (!m) return undefined;
    if (m[1]) tokens.push({ t: 'open', v: '(' });
    else if (m[2]) tokens.push({ t: 'close', v: ')' });
    else if (m[3] !== undefined || m[4] !== undefined) tokens.push({ t: 'str', v: m[3] ?? m[4]! });
    else if (m[5]) tokens.push({ t: 'op', v: m[5] });
    else if (m[6]) tokens.push({ t: 'word', v: m[6].replace(/\s+/g, ' ') });
    else tokens.push({ t: 'var', v: m[7]! });
  }
  return tokens.length < MAX_TOKENS ? tokens : undefined;
}

function normalizeExtra(extra: string): string {
  return extra.trim().toLowerCase().replace(/[-_.]+/g, '-');
}
