import { HTTP_CALLS } from './http-calls.js';
import { type Binding, type Bindings, bindingsKey } from './bindings.js';
import { type SyntaxNode, unwrap } from './parser.js';

/**
 * Where a value comes from, as in the Python analyzer: literal (fixed in the source, or a number
 * or boolean computed at run time, whose text carries no quote, space or shell character),
 * formatted (a string built from literal and non-literal parts: a template with substitutions,
 * `+`, path joining, `.concat`/`.join`/`.replace`), or unknown.
 */
export type ValueKind = 'literal' | 'formatted' | 'unknown';
export type Constant = string | number | boolean | null;

const LITERAL_TYPES = new Set(['number', 'true', 'false', 'null', 'undefined', 'regex']);
/** Names whose value the person running the script fixes, not its input. */
const TRUSTED = new Set(['__dirname', '__filename', 'import.meta.url', 'import.meta.dirname', 'import.meta.filename', 'process.cwd()', 'os.tmpdir()', 'os.homedir()']);
/** Functions and methods whose result is their arguments (and receiver) worked into one string. */
const BUILDING_FUNCTIONS = new Set(['path.join', 'path.resolve', 'path.posix.join', 'path.win32.join', 'path.relative', 'util.format']);
const BUILDING_METHODS = new Set(['concat', 'join', 'replace', 'replaceAll']);
/** Functions and methods whose result is their (first) argument or receiver, reshaped. */
const RESHAPING_FUNCTIONS = new Set(['path.normalize', 'path.dirname', 'String', 'url.fileURLToPath', 'fileURLToPath']);
const RESHAPING_METHODS = new Set(['trim', 'trimStart', 'trimEnd', 'toLowerCase', 'toUpperCase', 'padStart', 'padEnd', 'slice', 'substring', 'toString', 'repeat']);
/** Functions and methods whose result is a number whatever their input. */
const NUMERIC_FUNCTIONS = new Set(['Number', 'parseInt', 'parseFloat', 'Number.parseInt', 'Number.parseFloat', 'BigInt', 'Date.now']);
const NUMERIC_METHODS = new Set(['toFixed', 'toPrecision', 'getTime']);
/** Binary operators whose result is a number or a boolean (`+` may build a string; `??`, `||`, `&&` pass an operand through). */
const PASSING_OPERATORS = new Set(['+', '??', '||', '&&']);
/** The request in Express, Koa, Fastify and AWS Lambda handlers: whoever sends it controls it. */
const REQUEST_INPUT = /^(?:(?:req|request)\.(?:params|query|body|headers|cookies|files?|url|originalUrl|path)|ctx\.(?:params|query|request)|event\.(?:body|queryStringParameters|pathParameters|headers))\b/;
/** The script's own command line: whoever runs the script controls it. */
const COMMAND_LINE = /^process\.argv\b/;
/**
 * Calls whose result is data the script reads — parsed CSV, HTTP responses, S3 objects: the
 * ingestion points of a Node pipeline, whose records whoever wrote the data chose. A file's raw
 * text is among them only where its path is chosen at run time (FILE_READS): a script reading its
 * own `schema.sql` or template is common and safe, and a path chosen from outside is also the fs
 * rule's finding.
 */
const INGESTING_CALLS = new Set([
  'csv-parse.parse',
  'csv-parse/sync.parse',
  'papaparse.parse',
  ...HTTP_CALLS,
  '@aws-sdk/client-s3.S3Client().send',
  '@aws-sdk/client-s3.S3().getObject',
]);

/** fs reads whose text is data when the path is not fixed in the source (`readFileSync(process.argv[2])`). */
const FILE_READS = new Set(['fs.readFileSync', 'fs.readFile', 'fs.promises.readFile']);

/**
 * Where input that the script's caller or its data controls comes from: an HTTP request, data the
 * script reads, or its own command line — ranked in that order when a value mixes them.
 */
export type InputOrigin = 'request' | 'ingested' | 'command-line';
const ORIGIN_RANK: Record<InputOrigin, number> = { request: 3, ingested: 2, 'command-line': 1 };
/** Array methods that call their first argument with each element first. */
const ELEMENT_CALLBACKS = new Set(['forEach', 'map', 'flatMap', 'filter', 'some', 'every', 'find', 'findIndex', 'findLast', 'findLastIndex']);
/** Object keys under which consumer libraries take the function they hand each message to. */
const MESSAGE_HANDLER_KEYS = new Set(['eachMessage', 'eachBatch', 'handleMessage', 'handleMessageBatch']);
/** Events whose listener gets what arrived: a message, a chunk of a stream, a line read. */
const MESSAGE_EVENTS = new Set(['message', 'data', 'line']);
const FUNCTION_TYPES = new Set(['arrow_function', 'function_expression', 'function', 'generator_function', 'class']);
const MAX_DEPTH = 64;

export class JsValues {
  private readonly kinds = new Map<string, ValueKind>();
  private readonly inputNames = new Map<string, InputOrigin | null>();

  constructor(
    private readonly bindings: Bindings,
    private readonly nameOf: (node: SyntaxNode) => string | undefined,
  ) {}

  kindOf(node: SyntaxNode): ValueKind {
    return this.classify(node, 0);
  }

  /** The exact value of a literal, or of a name whose every binding is the same literal. */
  constantOf(node: SyntaxNode): Constant | undefined {
    return this.constant(node, 0);
  }

  /** Where input the caller controls that the value is (partly) built from comes from, following names. */
  inputOf(node: SyntaxNode): InputOrigin | undefined {
    return this.input(node, 0) ?? undefined;
  }

  private classify(raw: SyntaxNode, depth: number): ValueKind {
    if (depth > MAX_DEPTH) return 'unknown';
    const node = unwrap(raw);
    const next = (n: SyntaxNode) => this.classify(n, depth + 1);
    switch (node.type) {
      case 'string':
        return 'literal';
      case 'template_string': {
        const parts = node.namedChildren.filter((c) => c.type === 'template_substitution').map((s) => (s.firstNamedChild ? next(s.firstNamedChild) : 'unknown'));
        return parts.every((p) => p === 'literal') ? 'literal' : 'formatted';
      }
      case 'binary_expression':
        return this.binaryKind(node, next, depth);
      case 'ternary_expression': {
        const then = node.childForFieldName('consequence');
        const otherwise = node.childForFieldName('alternative');
        return then && otherwise ? combine([next(then), next(otherwise)]) : 'unknown';
      }
      case 'array':
        return combine(node.namedChildren.map(next));
      case 'identifier':
        return this.nameKind(node, depth);
      case 'new_expression': {
        // `new URL('./x.json', import.meta.url)` is the ESM way to name a file beside the script.
        const constructor = node.childForFieldName('constructor');
        const args = node.childForFieldName('arguments')?.namedChildren ?? [];
        return constructor && this.nameOf(constructor) === 'URL' ? building(args.map(next)) : 'unknown';
      }
      // `-x`, `!x`, `typeof x`, `i++`: a number, a boolean or a type name.
      case 'unary_expression':
      case 'update_expression':
        return 'literal';
      case 'member_expression':
      case 'call_expression':
        if (TRUSTED.has(this.nameOf(node) ?? node.text)) return 'literal';
        if (node.type === 'member_expression') return node.childForFieldName('property')?.text === 'length' ? 'literal' : 'unknown';
        return this.callKind(node, next);
      default:
        return LITERAL_TYPES.has(node.type) ? 'literal' : 'unknown';
    }
  }

  private binaryKind(node: SyntaxNode, next: (n: SyntaxNode) => ValueKind, depth: number): ValueKind {
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    const operator = node.childForFieldName('operator')?.text;
    if (!left || !right) return 'unknown';
    const l = next(left);
    const r = next(right);
    if (operator === '??' || operator === '||' || operator === '&&') return combine([l, r]);
    if ((l === 'literal' && r === 'literal') || !PASSING_OPERATORS.has(operator ?? '')) return 'literal';
    if (l === 'formatted' || r === 'formatted') return 'formatted';
    return this.isString(left, depth) || this.isString(right, depth) ? 'formatted' : 'unknown';
  }

  private callKind(node: SyntaxNode, next: (n: SyntaxNode) => ValueKind): ValueKind {
    const fn = node.childForFieldName('function');
    const args = node.childForFieldName('arguments');
    // A tagged template is whatever its tag returns.
    if (!fn || !args || args.type === 'template_string') return 'unknown';
    const argKinds = args.namedChildren.map(next);
    const method = fn.type === 'member_expression' ? fn.childForFieldName('property')?.text : undefined;
    const receiver = fn.type === 'member_expression' ? fn.childForFieldName('object') : null;
    // Module functions first: `path.join` is not the string method `join`.
    const callee = this.nameOf(fn) ?? '';
    if (NUMERIC_FUNCTIONS.has(callee) || callee.startsWith('Math.') || (method && NUMERIC_METHODS.has(method))) return 'literal';
    if (BUILDING_FUNCTIONS.has(callee)) return building(argKinds);
    if (RESHAPING_FUNCTIONS.has(callee)) return argKinds[0] ?? 'unknown';
    if (method && receiver && BUILDING_METHODS.has(method)) return building([next(receiver), ...argKinds]);
    return method && receiver && RESHAPING_METHODS.has(method) ? next(receiver) : 'unknown';
  }

  private nameKind(node: SyntaxNode, depth: number): ValueKind {
    const bindings = this.bindings.visibleAt(node.text, node);
    if (!bindings) return TRUSTED.has(node.text) ? 'literal' : 'unknown';
    const key = bindingsKey(bindings);
    const known = this.kinds.get(key);
    if (known) return known;
    // Kinds only grow along literal < unknown < formatted, so a cycle (`q = q + x`) can start from literal.
    this.kinds.set(key, 'literal');
    const kind = combine(bindings.map((b) => this.bindingKind(b, depth)));
    this.kinds.set(key, kind);
    return kind;
  }

  private bindingKind(binding: Binding, depth: number): ValueKind {
    if (binding.kind === 'assign') return this.classify(binding.value, depth + 1);
    if (binding.kind === 'augment') {
      if (this.classify(binding.value, depth + 1) === 'literal') return 'literal';
      return binding.operator === '+=' ? 'formatted' : 'unknown';
    }
    // An element or property of a literal (`for (const tool of ['git', 'npm'])`) is one of its literal parts.
    if (binding.kind === 'member') return this.classify(binding.object, depth + 1) === 'literal' ? 'literal' : 'unknown';
    if (binding.kind === 'param' && binding.firstOf) return this.callbackElementKind(binding.firstOf, depth);
    return 'unknown';
  }

  /** A callback's first parameter is an element of the array it is given to: literal when that array is. */
  private callbackElementKind(fn: SyntaxNode, depth: number): ValueKind {
    const array = elementsGiven(fn);
    return array && this.classify(array, depth + 1) === 'literal' ? 'literal' : 'unknown';
  }

  private isString(node: SyntaxNode, depth: number): boolean {
    const inner = unwrap(node);
    return inner.type === 'string' || inner.type === 'template_string' || typeof this.constant(inner, depth) === 'string';
  }

  private constant(raw: SyntaxNode, depth: number): Constant | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const node = unwrap(raw);
    switch (node.type) {
      case 'string':
      case 'template_string':
        return node.namedChildren.every((c) => c.type === 'string_fragment') ? node.text.slice(1, -1) : undefined;
      case 'number': {
        const value = Number(node.text.replace(/_/g, ''));
        return Number.isNaN(value) ? undefined : value;
      }
      case 'true':
        return true;
      case 'false':
        return false;
      case 'null':
        return null;
      case 'identifier': {
        const bindings = this.bindings.visibleAt(node.text, node);
        if (!bindings || bindings.length !== 1 || bindings[0]!.kind !== 'assign') return undefined;
        return this.constant(bindings[0]!.value, depth + 1);
      }
      default:
        return undefined;
    }
  }

  private input(raw: SyntaxNode, depth: number): InputOrigin | null {
    if (depth > MAX_DEPTH) return null;
    const node = unwrap(raw);
    // A function is code, not data: what its body reads is not its value.
    if (FUNCTION_TYPES.has(node.type)) return null;
    const parts = node.type === 'identifier' ? [node] : [node, ...node.descendantsOfType(['identifier', 'member_expression', 'subscript_expression', 'call_expression'])];
    let found: InputOrigin | null = null;
    for (const part of parts) {
      found = worse(found, this.partInput(part, depth));
      if (found === 'request') return found;
    }
    return found;
  }

  private partInput(part: SyntaxNode, depth: number): InputOrigin | null {
    switch (part.type) {
      case 'identifier':
        return this.inputName(part, depth);
      case 'member_expression':
      case 'subscript_expression':
        return originOf(part.text.slice(0, 64));
      case 'call_expression': {
        const fn = part.childForFieldName('function');
        const callee = fn ? (this.nameOf(fn) ?? '') : '';
        if (INGESTING_CALLS.has(callee)) return 'ingested';
        const path = FILE_READS.has(callee) ? part.childForFieldName('arguments')?.namedChildren[0] : undefined;
        return path && this.classify(path, depth + 1) !== 'literal' ? 'ingested' : null;
      }
      default:
        return null;
    }
  }

  private inputName(node: SyntaxNode, depth: number): InputOrigin | null {
    const bindings = this.bindings.visibleAt(node.text, node) ?? [];
    const key = bindingsKey(bindings);
    const known = this.inputNames.get(key);
    if (known !== undefined) return known;
    this.inputNames.set(key, null);
    let found: InputOrigin | null = null;
    for (const b of bindings) {
      found = worse(found, this.bindingInput(b, depth));
      if (found === 'request') break;
    }
    this.inputNames.set(key, found);
    return found;
  }

  private bindingInput(binding: Binding, depth: number): InputOrigin | null {
    if (binding.kind === 'assign' || binding.kind === 'augment') return this.input(binding.value, depth + 1);
    if (binding.kind === 'member') return this.input(binding.object, depth + 1);
    if (binding.kind !== 'param') return null;
    const handler = binding.firstOf ?? binding.partOfFirst;
    if (handler && this.receivesMessages(handler)) return 'ingested';
    const array = binding.firstOf ? elementsGiven(binding.firstOf) : undefined;
    return array ? this.input(array, depth + 1) : null;
  }

  /**
   * A callback handed what a consumer receives: kafkajs `run({ eachMessage })`, sqs-consumer's
   * `handleMessage`, amqplib's `consume(queue, cb)`, and stream, socket and readline `message`,
   * `data` and `line` events.
   */
  private receivesMessages(fn: SyntaxNode): boolean {
    if (fn.type === 'method_definition') return MESSAGE_HANDLER_KEYS.has(fn.childForFieldName('name')?.text ?? '');
    const holder = fn.parent;
    if (holder?.type === 'pair') return MESSAGE_HANDLER_KEYS.has(holder.childForFieldName('key')?.text ?? '');
    const call = holder?.type === 'arguments' ? holder.parent : undefined;
    const callee = call?.type === 'call_expression' ? call.childForFieldName('function') : null;
    if (callee?.type !== 'member_expression' || holder!.namedChildren[1]?.id !== fn.id) return false;
    const method = callee.childForFieldName('property')?.text;
    const event = holder!.namedChildren[0];
    if (method === 'consume') return true;
    return (method === 'on' || method === 'once') && event?.type === 'string' && MESSAGE_EVENTS.has(event.text.slice(1, -1));
  }
}

/**
 * The array whose elements a callback gets in its first parameter, when it is given to
 * `array.forEach(…)`, `.map(…)` and the like.
 */
function elementsGiven(fn: SyntaxNode): SyntaxNode | undefined {
  const args = fn.parent;
  const call = args?.parent;
  const callee = call?.type === 'call_expression' ? call.childForFieldName('function') : null;
  if (callee?.type !== 'member_expression' || args?.type !== 'arguments' || args.namedChildren[0]?.id !== fn.id) return undefined;
  if (!ELEMENT_CALLBACKS.has(callee.childForFieldName('property')?.text ?? '')) return undefined;
  return callee.childForFieldName('object') ?? undefined;
}

function worse(a: InputOrigin | null, b: InputOrigin | null): InputOrigin | null {
  if (!a || !b) return a ?? b;
  return ORIGIN_RANK[a] >= ORIGIN_RANK[b] ? a : b;
}

function originOf(text: string): InputOrigin | null {
  return REQUEST_INPUT.test(text) ? 'request' : COMMAND_LINE.test(text) ? 'command-line' : null;
}

/** All literal → literal; any formatted → formatted; else unknown. */
function combine(kinds: ValueKind[]): ValueKind {
  if (kinds.every((k) => k === 'literal')) return 'literal';
  return kinds.includes('formatted') ? 'formatted' : 'unknown';
}

/** A string built from parts: literal parts mixed with others make it formatted. */
function building(kinds: ValueKind[]): ValueKind {
  if (kinds.every((k) => k === 'literal')) return 'literal';
  return kinds.includes('formatted') || kinds.includes('literal') ? 'formatted' : 'unknown';
}
