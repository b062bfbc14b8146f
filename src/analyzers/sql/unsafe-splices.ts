import { type DbtHook, grantStatement } from './dbt-project.js';
import { type JinjaBlock, scanJinja, stringEnd } from './jinja.js';
import type { Splice, SpliceContext } from './sql-rule.js';
import { type Token, tokenize } from './tokenize.js';

/** Values a caller of dbt or Airflow chooses: --vars, the environment, DAG params and trigger conf. */
const SOURCES = /(?<![.\w])(?:env_var|var)\s*\(|(?<![.\w])params\b|(?<![.\w])dag_run\s*\.\s*conf\b/g;
/** Calls whose result is safe whatever the argument: they quote it, or resolve it to a known relation. */
const SAFE_CALLS = new Set(['ref', 'source', 'config', 'log', 'adapter.quote', 'adapter.quote_as_configured', 'dbt.string_literal', 'string_literal']);
/** Calls that escape quotes, which is enough inside a quoted literal but not in bare SQL. */
const ESCAPING_CALLS = new Set(['escape_single_quotes', 'dbt.escape_single_quotes']);
/** Filters whose output cannot carry SQL syntax. */
const CASTING_FILTERS = new Set(['int', 'float', 'round', 'abs', 'length', 'count', 'filesizeformat']);
const MAX_SOURCES_CHECKED = 32;
const SET_STATEMENT = /^-?\s*set\s+([A-Za-z_]\w*)\s*=([\s\S]*?)-?$/;

/** A `{{ … }}` block that renders a value its caller chooses, with the value as written. */
export interface UnsafeSplice {
  block: JinjaBlock;
  source: string;
  /** It lands inside a quoted SQL literal, where only a quote in the value breaks out. */
  quoted: boolean;
}

/**
 * The blocks that render var(…), env_var(…), params… or dag_run.conf… (directly or through a
 * `{% set %}` variable) unprotected into the SQL: not cast, quoted, resolved, escaped inside quotes,
 * nor in a comment. Shared by the SQL files' rule and the Python rule reading Airflow SQL operators.
 */
export function unsafeSplices(jinja: readonly JinjaBlock[], splices: readonly Splice[]): UnsafeSplice[] {
  const found: UnsafeSplice[] = [];
  const contexts = new Map(splices.map((s) => [s.block, s.context]));
  walkTemplate(jinja, (block, sourceIn) => {
    const context = block.kind === 'expression' ? contexts.get(block) : undefined;
    if (!context || context === 'comment') return;
    const source = sourceIn(block.body, context);
    if (source) found.push({ block, source, quoted: context === 'quoted' });
  });
  return found;
}

/** SQL that dbt runs from a template, built from a caller's value: a query call's argument or a model's hook. */
export interface UnsafeQuery {
  /** What runs it, as the finding names it: `run_query()`, `the model's post_hook`. */
  runner: string;
  source: string;
  /** Offsets in the file of what is reported: the call, or the hook argument. */
  start: number;
  end: number;
  /** The value lands inside a quoted literal of the hook's SQL, where only a quote in it breaks out. */
  quoted: boolean;
}

/** dbt's calls that run their argument as a query while the template renders. */
const QUERY_CALL = /(?<![.\w])(run_query|adapter\s*\.\s*execute|dbt_utils\s*\.\s*get_query_results_as_dict)\s*\(/g;
/** A model's hooks, SQL that dbt runs before and after building it (`config(post_hook="grant …")`), and its `sql_header`, run ahead of its statement. */
const CONFIG_CALL = /(?<![.\w])config\s*\(/g;
const HOOK_ARGUMENT = /(?<![.\w])(pre_hook|post_hook|sql_header|grants)\s*=(?!=)\s*/y;
/** An entry of a `grants={'select': ['reporter', 'public']}` config: a privilege and its grantee or list of them. */
const GRANT_ENTRY = /(['"])(\+?\w+)\1\s*:\s*(\[[^\]]*\]|(['"])[^'"]*\4)/g;
const QUOTED = /(['"])([^'"]*)\1/g;
const SPACES = /\s*/y;

/**
 * Queries a macro runs itself — `{% do run_query("delete from " ~ var("t")) %}`, `adapter.execute(q)`
 * with `q` set from a caller's value — and a model's hooks, built from such a value
 * (`pre_hook="delete from {{ this }} where ds = '" ~ var("ds") ~ "'"`) or rendering one in their
 * own template text when dbt runs them (`post_hook="grant select on {{ this }} to {{ var('role') }}"`).
 * None of this appears in the model's compiled SQL for the splice check to see.
 */
export function unsafeQueries(jinja: readonly JinjaBlock[]): UnsafeQuery[] {
  const found: UnsafeQuery[] = [];
  walkTemplate(jinja, (block, sourceIn) => {
    if (block.kind === 'comment') return;
    const code = maskStrings(block.body);
    const bodyStart = block.start + 2;
    for (const match of code.matchAll(QUERY_CALL)) {
      const open = match.index + match[0].length - 1;
      const source = sourceIn(block.body.slice(open + 1, balanced(code, open) - 1), 'code');
      if (source) found.push({ runner: `${match[1]!.replace(/\s+/g, '')}()`, source, start: block.start, end: block.end, quoted: false });
    }
    for (const hook of hooksIn(code)) {
      const built = sourceIn(block.body.slice(hook.start, hook.end), 'code');
      if (built) found.push({ runner: `the model's ${hook.name}`, source: built, start: bodyStart + hook.start, end: bodyStart + hook.end, quoted: false });
    }
    for (const hook of hookTemplatesIn(block, code)) found.push(...renderedQueries(hook.runner, hook.text, hook));
  });
  return found;
}

/** The SQL template of a hook, named for messages (`the model's post_hook`, `on-run-end in dbt_project.yml`), with the span to report. */
export interface HookTemplate {
  runner: string;
  text: string;
  start: number;
  end: number;
}

/** The literal SQL templates of a model's `config(pre_hook=…, post_hook=…, sql_header=…)` hooks, each at its hook argument. */
export function modelHookTemplates(jinja: readonly JinjaBlock[]): HookTemplate[] {
  return jinja.flatMap((block) => (block.kind === 'comment' ? [] : hookTemplatesIn(block, maskStrings(block.body))));
}

/** The templates of a dbt project or property file's hooks. */
export function projectHookTemplates(hooks: readonly DbtHook[]): HookTemplate[] {
  return hooks.map((hook) => ({ runner: `${hook.key} in ${hook.file}`, text: hook.text, start: hook.start, end: hook.end }));
}

function hookTemplatesIn(block: JinjaBlock, code: string): HookTemplate[] {
  const bodyStart = block.start + 2;
  return hooksIn(code).flatMap((hook) => {
    const texts =
      hook.name === 'grants'
        ? grantsIn(block.body.slice(hook.start, hook.end))
        : [...stringsIn(code, hook.start, hook.end)].map((literal) => block.body.slice(literal.start + 1, literal.end - 1));
    return texts.map((text) => ({ runner: `the model's ${hook.name}`, text, start: bodyStart + hook.start, end: bodyStart + hook.end }));
  });
}

/** The statements a model's `grants={…}` config makes dbt run, one per written-out grantee. */
function grantsIn(config: string): string[] {
  return [...config.matchAll(GRANT_ENTRY)].flatMap((entry) => [...entry[3]!.matchAll(QUOTED)].map((grantee) => grantStatement(entry[2]!, grantee[2]!)));
}

/** The hooks of a dbt project or property file that render a caller's value into their SQL (`on-run-end: "grant … {{ var('role') }}"`). */
export function unsafeProjectHooks(hooks: readonly DbtHook[]): UnsafeQuery[] {
  return projectHookTemplates(hooks).flatMap((hook) => renderedQueries(hook.runner, hook.text, hook));
}

/** A hook's own template text, rendered when dbt runs it: each unsafe splice in it. */
function renderedQueries(runner: string, template: string, at: { start: number; end: number }): UnsafeQuery[] {
  return unsafeSplicesIn(template).map((splice) => ({ runner, source: splice.source, start: at.start, end: at.end, quoted: splice.quoted }));
}

/** The `pre_hook=`/`post_hook=` arguments of the `config(…)` calls in masked code, each value's span. */
function hooksIn(code: string): Array<{ name: string; start: number; end: number }> {
  const hooks: Array<{ name: string; start: number; end: number }> = [];
  for (const call of code.matchAll(CONFIG_CALL)) {
    const close = balanced(code, call.index + call[0].length - 1) - 1;
    for (let at = call.index + call[0].length; at < close; at = argumentEnd(code, at, close) + 1) {
      const name = execAt(HOOK_ARGUMENT, code, at + execAt(SPACES, code, at)![0].length);
      if (!name) continue;
      const start = name.index + name[0].length;
      hooks.push({ name: name[1]!, start, end: argumentEnd(code, start, close) });
    }
  }
  return hooks;
}

/** Where the argument starting at `from` ends: the next comma outside brackets, or the call's closing bracket. */
function argumentEnd(code: string, from: number, close: number): number {
  let depth = 0;
  for (let i = from; i < close; i++) {
    const c = code[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 0) return i;
  }
  return close;
}

/** The string literals of Jinja code between two offsets, quotes included; one left open runs to the end of the code. */
function* stringsIn(code: string, from = 0, to = code.length): Generator<{ start: number; end: number }> {
  for (let i = from; i < to; i++) {
    if (code[i] !== '"' && code[i] !== "'") continue;
    const close = stringEnd(code, i);
    const end = close === -1 ? code.length : close + 1;
    yield { start: i, end };
    i = end - 1;
  }
}

/**
 * Visits the blocks in order with a check for untrusted values in an expression, which knows the
 * `{% set %}` variables set so far from such values (a cast in the set makes the variable safe).
 */
function walkTemplate(jinja: readonly JinjaBlock[], visit: (block: JinjaBlock, sourceIn: (expression: string, context: SpliceContext) => string | undefined) => void): void {
  // Each variable with the untrusted value it was first set from, which findings name.
  const tainted = new Map<string, string>();
  const sourceIn = (expression: string, context: SpliceContext) => {
    const source = unsafeSource(expression, context, tainted);
    const origin = source === undefined ? undefined : tainted.get(source);
    return origin === undefined ? source : `${source} (set from ${origin})`;
  };
  for (const block of jinja) {
    const set = block.kind === 'statement' ? SET_STATEMENT.exec(block.body.trim()) : null;
    if (set) {
      const source = unsafeSource(set[2]!, 'code', tainted);
      if (source) tainted.set(set[1]!, tainted.get(source) ?? source);
      else tainted.delete(set[1]!);
    }
    visit(block, sourceIn);
  }
}

/** The unsafe splices of a template given as text, such as the `sql=` of an Airflow operator. */
export function unsafeSplicesIn(template: string): UnsafeSplice[] {
  const jinja = scanJinja(template);
  return unsafeSplices(jinja.blocks, splicesOf(jinja.blocks, tokenize(jinja.masked).tokens));
}

/** Each `{{ … }}` block with the context it renders into, told by the masked token covering it. */
export function splicesOf(blocks: JinjaBlock[], tokens: Token[]): Splice[] {
  return blocks
    .filter((b) => b.kind === 'expression')
    .map((block) => {
      const token = tokenAt(tokens, block.start);
      // No token covers it: it sits in a comment, or after text the tokenizer gave up on.
      if (!token) return { block, context: 'comment' };
      return { block, context: token.type === 'string' || token.type === 'quoted' ? 'quoted' : 'code' };
    });
}

function tokenAt(tokens: Token[], offset: number): Token | undefined {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const t = tokens[mid]!;
    if (offset < t.start) hi = mid - 1;
    else if (offset >= t.end) lo = mid + 1;
    else return t;
  }
  return undefined;
}

/** The first untrusted value in a Jinja expression that reaches the output unprotected, as written. */
function unsafeSource(body: string, context: SpliceContext, tainted: ReadonlyMap<string, string>): string | undefined {
  const code = maskStrings(body);
  const names = [...tainted.keys()].map((n) => `(?<![.\\w])${n}\\b`);
  const pattern = names.length === 0 ? SOURCES : new RegExp(`${SOURCES.source}|${names.join('|')}`, 'g');
  const callees = new CalleeStack(code);
  let examined = 0;
  for (const match of code.matchAll(pattern)) {
    const start = match.index;
    const end = primaryEnd(code, start + match[0].length);
    // Each check may scan the rest of the text; past a few dozen sources, report rather than go quadratic.
    const protectedHere =
      examined++ < MAX_SOURCES_CHECKED && (callees.protects(start, context) || protectedByFilter(code, body, end, context));
    if (!protectedHere) return body.slice(start, end).trim();
  }
  return undefined;
}

/** Blanks the inside of string literals, so quotes and parentheses in them count for nothing. */
function maskStrings(body: string): string {
  let out = '';
  let at = 0;
  for (const { start, end } of stringsIn(body)) {
    out += body.slice(at, start + 1) + ' '.repeat(Math.max(0, end - start - 2)) + body.slice(end - 1, end);
    at = end;
  }
  return out + body.slice(at);
}

/** The end of the call/attribute/subscript chain a match begins (`var('x').y[0]`), so filters after it apply to it. */
function primaryEnd(code: string, from: number): number {
  let i = code[from - 1] === '(' ? balanced(code, from - 1) : from;
  for (;;) {
    const rest = /^\s*(\.\s*\w+|[[(])/.exec(code.slice(i, i + 256));
    if (!rest) return i;
    const bracket = rest[1]!;
    i += rest[0].length;
    if (bracket === '[' || bracket === '(') i = balanced(code, i - 1);
  }
}

/** The offset just past the bracket closing the one at `open` (or the end of the text). */
function balanced(code: string, open: number): number {
  let depth = 0;
  for (let i = open; i < code.length; i++) {
    const c = code[i];
    if (c === '(' || c === '[') depth++;
    else if ((c === ')' || c === ']') && --depth === 0) return i + 1;
  }
  return code.length;
}

/** The calls whose arguments enclose an offset; offsets must be asked in increasing order. */
class CalleeStack {
  private readonly open: string[] = [];
  private scanned = 0;

  constructor(private readonly code: string) {}

  /** Inside the arguments of a call that quotes or resolves them. */
  protects(at: number, context: SpliceContext): boolean {
    for (; this.scanned < at; this.scanned++) {
      const c = this.code[this.scanned];
      if (c === '(') this.open.push(/([\w.]+)\s*$/.exec(this.code.slice(Math.max(0, this.scanned - 64), this.scanned))?.[1] ?? '');
      else if (c === ')') this.open.pop();
    }
    return this.open.some((c) => SAFE_CALLS.has(c) || (context === 'quoted' && ESCAPING_CALLS.has(c)));
  }
}

/** Followed by a casting filter, or, inside quotes, by a replace filter that doubles or escapes quotes. */
function protectedByFilter(code: string, body: string, from: number, context: SpliceContext): boolean {
  const filter = /\s*\|\s*(\w+)\s*/y;
  let i = from;
  for (let match = execAt(filter, code, i); match; match = execAt(filter, code, i)) {
    i += match[0].length;
    const args = code[i] === '(' ? body.slice(i, (i = balanced(code, i))) : '';
    if (CASTING_FILTERS.has(match[1]!)) return true;
    if (context === 'quoted' && match[1] === 'replace' && /["']'/.test(args)) return true;
  }
  return false;
}

function execAt(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}
