import { argument, type CallSite, receiverOf } from '../call-site.js';
import type { SyntaxNode } from '../parser.js';
import type { PythonContext, PythonRule } from '../python-rule.js';
import { calleeLabel } from './dynamic-value.js';
import { lineOf, type Flow, type SourceHit } from '../taint/flow.js';
import { OPERATOR_SOURCES } from '../taint/sources.js';
import { backtracking, CHECK_TIMEOUT_MS, checkRegex, INGESTED_TEXT_TIMEOUT_MS, type PythonRegexFlag, type RegexMode } from './regex-complexity.js';
import { stringText } from './string-literal.js';

/**
 * re (and the drop-in `regex` module) functions: how each runs the pattern, where its flags
 * argument sits, and where the text it runs on does (compile has none yet).
 */
const RE_FUNCTIONS: Record<string, { mode: RegexMode; flagsAt: number; textAt?: number }> = {
  compile: { mode: 'search', flagsAt: 1 },
  search: { mode: 'search', flagsAt: 2, textAt: 1 },
  match: { mode: 'match', flagsAt: 2, textAt: 1 },
  fullmatch: { mode: 'fullmatch', flagsAt: 2, textAt: 1 },
  findall: { mode: 'search', flagsAt: 2, textAt: 1 },
  finditer: { mode: 'search', flagsAt: 2, textAt: 1 },
  split: { mode: 'search', flagsAt: 3, textAt: 1 },
  sub: { mode: 'search', flagsAt: 4, textAt: 2 },
  subn: { mode: 'search', flagsAt: 4, textAt: 2 },
};

/** Methods of a compiled pattern: the re function of the same name, without its pattern argument. */
const PATTERN_METHODS: Record<string, { mode: RegexMode; textAt: number }> = Object.fromEntries(
  Object.entries(RE_FUNCTIONS).flatMap(([name, fn]) => (fn.textAt === undefined ? [] : [[name, { mode: fn.mode, textAt: fn.textAt - 1 }]])),
);

/**
 * pandas `Series.str` methods that take a regex: how they run it, and whether the pattern is a
 * regex only when regex=True is passed (replace and split treat it as plain text by default).
 */
const PANDAS_STR_METHODS: Record<string, { mode: RegexMode; optIn: boolean }> = {
  contains: { mode: 'search', optIn: false },
  match: { mode: 'match', optIn: false },
  fullmatch: { mode: 'fullmatch', optIn: false },
  extract: { mode: 'search', optIn: false },
  extractall: { mode: 'search', optIn: false },
  findall: { mode: 'search', optIn: false },
  count: { mode: 'search', optIn: false },
  replace: { mode: 'search', optIn: true },
  split: { mode: 'search', optIn: true },
};

const FLAG_NAMES: Record<string, PythonRegexFlag> = {
  I: 'IGNORECASE',
  IGNORECASE: 'IGNORECASE',
  M: 'MULTILINE',
  MULTILINE: 'MULTILINE',
  S: 'DOTALL',
  DOTALL: 'DOTALL',
  X: 'VERBOSE',
  VERBOSE: 'VERBOSE',
};
const MAX_ATTACK_SHOWN = 160;
const MAX_PATTERN_SHOWN = 80;

export const redosRegex: PythonRule = {
  id: 'py.redos.vulnerable-regex',
  title: 'Regular expression with catastrophic backtracking',
  category: 'sast',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-1333'],
  what:
    'Checks literal patterns given to re/regex (compile, search, match, fullmatch, findall, finditer, split, sub, ' +
    'subn) and to pandas Series.str methods (contains, match, extract, findall, count; replace and split with ' +
    'regex=True) with recheck, which decides whether a backtracking engine can take exponential or polynomial ' +
    'time, and reports the attack string it found. Where the taint analysis shows the text the pattern runs on ' +
    'comes from an ingestion point, recheck gets twenty times the time to decide, and the finding carries the ' +
    'trace from that ingestion point at high confidence. A compiled pattern is checked again where it is used: as ' +
    'PAT.match/fullmatch run it (anchored), and with the longer budget on ingested text.',
  why:
    'Python’s re backtracks: on a pattern with nested or overlapping quantifiers, one crafted field of a few dozen ' +
    'characters (exponential) or a few thousand (polynomial) keeps a worker busy for minutes. Pipelines run ' +
    'regexes over every row of ingested text — logs, scraped pages, CSV fields, user profiles — so a single ' +
    'poisoned record stalls the whole batch or the streaming consumer.',
  remediation:
    'Remove the ambiguity: make repeated parts unable to match the same text ((a+)+ → a+, (\\w+\\s?)* → ' +
    '\\w+(?:\\s\\w+)*), anchor patterns, and bound repetitions ({1,64}). Cap the length of the input before matching. ' +
    'Where patterns stay complex, use google-re2 (re2.compile), which runs in linear time.',
  bad: [
    {
      file: 'clean/emails.py',
      code:
        'import re\n\n' +
        'EMAIL = re.compile(r"^([a-zA-Z0-9_.+-]+)+@[a-zA-Z0-9-]+\\.[a-zA-Z0-9-.]+$")\n\n\n' +
        'def valid_emails(rows):\n' +
        '    return [r for r in rows if EMAIL.match(r["email"])]\n',
    },
    {
      file: 'clean/products.py',
      code:
        'import pandas as pd\n\n\n' +
        'def tag_bundles(frame: pd.DataFrame) -> pd.DataFrame:\n' +
        '    frame["bundle"] = frame["title"].str.contains(r"(\\w+\\s?)*-pack$")\n' +
        '    return frame\n',
    },
  ],
  good: [
    {
      file: 'clean/emails.py',
      code:
        'import re\n\n' +
        'EMAIL = re.compile(r"^[a-zA-Z0-9_.+-]+@[a-zA-Z0-9-]+(?:\\.[a-zA-Z0-9-]+)+$")\n\n\n' +
        'def valid_emails(rows):\n' +
        '    return [r for r in rows if len(r["email"]) <= 254 and EMAIL.match(r["email"])]\n',
    },
    {
      file: 'clean/products.py',
      code:
        'import pandas as pd\n\n\n' +
        'def tag_bundles(frame: pd.DataFrame) -> pd.DataFrame:\n' +
        '    frame["bundle"] = frame["title"].str.contains(r"\\b\\d+-pack$")\n' +
        '    frame["title"] = frame["title"].str.replace("(a+)+", "", regex=False)\n' +
        '    return frame\n',
    },
  ],
  references: [
    'https://owasp.org/www-community/attacks/Regular_expression_Denial_of_Service_-_ReDoS',
    'https://makenowjust-labs.github.io/recheck/',
    'https://docs.python.org/3/library/re.html',
    'https://cwe.mitre.org/data/definitions/1333.html',
  ],
  onCall(call, ctx) {
    const use = regexUse(call, ctx);
    if (!use) return;
    const pattern = stringText(use.pattern, ctx);
    if (pattern === undefined) return;
    const ingested = use.text ? ingestedFlow(use.text, ctx) : undefined;
    const found = backtracking(pattern, use.flags, use.mode, ingested ? INGESTED_TEXT_TIMEOUT_MS : CHECK_TIMEOUT_MS);
    if (!found) return;
    const exponential = found.complexity === 'exponential';
    const how = exponential ? 'exponential' : `polynomial (degree ${found.degree})`;
    ctx.report(call.node, {
      message:
        `${calleeLabel(call)} runs /${shorten(pattern, MAX_PATTERN_SHOWN)}/, which backtracks in ${how} time ` +
        `on crafted input${ingested ? `, over text from ${ingested.source.api} (line ${ingested.source.line})` : ''}; attack string: ${shorten(found.attack, MAX_ATTACK_SHOWN)}`,
      // Quadratic blow-up needs long inputs and is common in harmless-looking patterns (\s*,\s*).
      severity: exponential ? 'high' : found.degree !== undefined && found.degree >= 3 ? 'medium' : 'low',
      confidence: exponential || ingested ? 'high' : 'medium',
      ...(ingested ? { trace: [...ingested.steps, ctx.taint.engine.step(lineOf(call.node), `matched by ${calleeLabel(call)}`)] } : {}),
    });
  },
};

interface RegexUse {
  pattern: SyntaxNode;
  flags: Set<PythonRegexFlag>;
  mode: RegexMode;
  /** The text the pattern runs on, where the call names it. */
  text?: SyntaxNode;
}

/**
 * A flow into the matched text from an ingestion point: not from a parameter or an imported call,
 * nor from the command line or environment, which only the job's operator controls.
 */
function ingestedFlow(text: SyntaxNode, ctx: PythonContext): { steps: Flow['steps']; source: SourceHit } | undefined {
  for (const flow of ctx.taint.engine.flowsOf(text)) {
    if ('source' in flow.origin && !OPERATOR_SOURCES.has(flow.origin.source.kind)) return { steps: flow.steps, source: flow.origin.source };
  }
  return undefined;
}

/**
 * `PAT.fullmatch(text)` where `PAT = re.compile(literal)`: the compile call was checked as a
 * search with the usual budget, knowing neither how the pattern will run nor on what. Where that
 * check found the pattern safe, a use that anchors it (match, fullmatch) is checked the way it
 * runs; a use on text from an ingestion point is checked with the longer budget whatever the
 * compile call's check said, its finding carrying the trace. A pattern the compile call is
 * reported for is not reported again; one recheck ran out of time on is not checked again at
 * the same budget.
 */
function compiledUse(call: CallSite, ctx: PythonContext): RegexUse | undefined {
  const method = call.method !== undefined && Object.hasOwn(PATTERN_METHODS, call.method) ? PATTERN_METHODS[call.method] : undefined;
  const receiver = method ? receiverOf(call.node) : undefined;
  const compile = receiver ? ctx.taint.engine.assignedCall(receiver) : undefined;
  const [module, fn] = splitName(compile?.name);
  if (!method || !compile || (module !== 're' && module !== 'regex') || fn !== 'compile') return undefined;
  const pattern = argument(compile, 0, 'pattern');
  const text = argument(call, method.textAt, 'string');
  const ingested = text !== undefined && ingestedFlow(text, ctx) !== undefined;
  if (!pattern || !text || (method.mode === 'search' && !ingested)) return undefined;
  const flags = flagsOf(argument(compile, 1, 'flags'), ctx);
  const source = stringText(pattern, ctx);
  const atCompile = source === undefined ? undefined : checkRegex(source, flags, RE_FUNCTIONS['compile']!.mode);
  if (!atCompile || atCompile.found || (!atCompile.decided && !ingested)) return undefined;
  return { pattern, flags, mode: method.mode, text };
}

function regexUse(call: CallSite, ctx: PythonContext): RegexUse | undefined {
  const [module, fn] = splitName(call.name);
  const reFunction = (module === 're' || module === 'regex') && fn ? RE_FUNCTIONS[fn] : undefined;
  if (reFunction) {
    const pattern = argument(call, 0, 'pattern');
    if (!pattern) return undefined;
    const text = reFunction.textAt === undefined ? undefined : argument(call, reFunction.textAt, 'string');
    return { pattern, flags: flagsOf(argument(call, reFunction.flagsAt, 'flags'), ctx), mode: reFunction.mode, ...(text ? { text } : {}) };
  }
  const compiled = compiledUse(call, ctx);
  if (compiled) return compiled;
  const strMethod = call.method && isStrAccessor(call.node) ? PANDAS_STR_METHODS[call.method] : undefined;
  if (!strMethod) return undefined;
  const regex = call.keywords.get('regex');
  const regexOn = regex ? ctx.truthOf(regex) : !strMethod.optIn;
  if (regexOn !== true) return undefined;
  const pattern = argument(call, 0, 'pat');
  if (!pattern) return undefined;
  // pandas takes flags= as an int of re flags, and case=False as IGNORECASE.
  const flags = flagsOf(call.keywords.get('flags'), ctx);
  const caseArg = call.keywords.get('case');
  if (caseArg && ctx.truthOf(caseArg) === false) flags.add('IGNORECASE');
  const series = receiverOf(call.node)?.childForFieldName('object');
  return { pattern, flags, mode: strMethod.mode, ...(series ? { text: series } : {}) };
}

function splitName(name: string | undefined): [string | undefined, string | undefined] {
  if (!name) return [undefined, undefined];
  const dot = name.lastIndexOf('.');
  return dot === -1 ? [undefined, name] : [name.slice(0, dot), name.slice(dot + 1)];
}

/** `<series>.str.method(...)`: the called attribute's object is itself an attribute named `str`. */
function isStrAccessor(callNode: SyntaxNode): boolean {
  const fn = callNode.childForFieldName('function');
  const receiver = fn?.type === 'attribute' ? fn.childForFieldName('object') : null;
  return receiver?.type === 'attribute' && receiver.childForFieldName('attribute')?.text === 'str';
}

/** The re flags an expression like `re.I | re.VERBOSE` names; unknown parts add nothing. */
function flagsOf(node: SyntaxNode | undefined, ctx: PythonContext): Set<PythonRegexFlag> {
  const flags = new Set<PythonRegexFlag>();
  const visit = (n: SyntaxNode) => {
    if (n.type === 'binary_operator' || n.type === 'parenthesized_expression') {
      n.namedChildren.forEach(visit);
      return;
    }
    const [module, name] = splitName(ctx.nameOf(n));
    const flag = (module === 're' || module === 're.RegexFlag' || module === 'regex') && name ? FLAG_NAMES[name] : undefined;
    if (flag) flags.add(flag);
  };
  if (node) visit(node);
  return flags;
}

function shorten(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
