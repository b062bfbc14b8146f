import type { TraceStep } from '../../../core/finding.js';
import { type Binding, type Bindings, bindingsKey, type ItemPosition } from '../bindings.js';
import { argument, calleeName, type CallSite, receiverOf, unpackedArguments } from '../call-site.js';
import { BASH_TASK_DECORATOR, decoratorNames, returnedValues } from '../decorators.js';
import { budgetFor, NameMemo } from '../name-memo.js';
import type { SyntaxNode } from '../parser.js';
import type { Resolver } from '../resolver.js';
import { SpanIndex } from '../../spans.js';
import { fixedUrlPart } from '../url-prefix.js';
import { declaredInert, type ValueClassifier } from '../values.js';
import { type Flow, type ImportedCall, joinFlows, lineOf, markValidated, mergeFlows, type SourceHit, withStep } from './flow.js';
import { accessPath, Guards } from './guards.js';
import { matchSanitizer, SANITIZING_NAME, VALIDATING_BASES } from './sanitizers.js';
import { AIRFLOW_CONTEXT_KEYS, CREDENTIAL_NAME, FILE_HANDLES, LAMBDA_HANDLER, matchReadSource, matchSource, MESSAGE_CALLBACKS, ROUTE_APPS, ROUTE_DECORATOR, type SourceKind, type SourceSpec, SPARK_READ, SPARK_UDF } from './sources.js';
import { type TemplatedParameter, templatedParameters } from './airflow.js';
import { opensForWriting, type SinkFamily } from './sinks.js';
import { importRootsOf, mayBeRepoFunction, rootOf } from './repo-imports.js';
import { readsOnly, selectsOnlyAggregates, tableOfStatement } from './sql-table.js';

const MAX_DEPTH = 40;
/** Expressions whose value is the union of their parts'. */
const COMPOSITE = new Set([
  'binary_operator',
  'boolean_operator',
  'unary_operator',
  'concatenated_string',
  'list',
  'tuple',
  'set',
  'dictionary',
  'pair',
  'parenthesized_expression',
  'expression_list',
  'await',
  'interpolation',
  'keyword_argument',
  'list_splat',
  'dictionary_splat',
  'argument_list',
  'string',
  'format_expression',
]);
/** Expressions that build a string from parts, which may start with a fixed URL. */
const BUILT_STRINGS = new Set(['string', 'concatenated_string', 'binary_operator', 'call']);
const COMPREHENSIONS = new Set(['list_comprehension', 'set_comprehension', 'dictionary_comprehension', 'generator_expression']);
/** Functions whose result says nothing of their arguments' text. */
const OPAQUE_RESULTS = new Set(['builtins.print', 'builtins.type', 'builtins.callable', 'builtins.hasattr', 'builtins.issubclass', 'builtins.range']);

/** Attributes of a stream object that describe the stream rather than carry its data. */
const STREAM_METADATA: ReadonlySet<string> = new Set(['name', 'encoding', 'errors', 'mode', 'closed', 'newlines']);
/**
 * An attribute of a reader that says what the reader is or where it stands, not what it read:
 * `sys.stdin.name` is "<stdin>" and `.encoding` the locale's; a csv reader's `line_num` counts lines.
 */
function describesReader(attr: string, source: SourceHit): boolean {
  return (source.kind === 'stdin' && STREAM_METADATA.has(attr)) || (attr === 'line_num' && source.api.startsWith('csv.'));
}

/** Functions that return a path with `..` and symbolic links resolved (normpath: `..` only). */
const CANONICAL_PATHS: ReadonlySet<string> = new Set(['os.path.realpath', 'os.path.abspath', 'os.path.normpath']);

/** Attributes of a pathlib path that are its final component alone. */
const FINAL_COMPONENT: ReadonlySet<string> = new Set(['name', 'stem']);

/** Streams over text or bytes already in memory. */
const IN_MEMORY_STREAMS: ReadonlySet<string> = new Set(['io.StringIO', 'io.BytesIO', 'StringIO.StringIO', 'cStringIO.StringIO']);
/** Calls that return an open stream: a file, a buffer, a temporary file, a fetched response. */
const STREAM_OPENERS: ReadonlySet<string> = new Set([
  ...IN_MEMORY_STREAMS,
  ...FILE_HANDLES.map((h) => h.slice(0, -'()'.length)),
  'lzma.open',
  'tempfile.TemporaryFile',
  'tempfile.NamedTemporaryFile',
  'tempfile.SpooledTemporaryFile',
  'urllib.request.urlopen',
]);
/** Methods that open a member or a connection as a stream (`zf.open(name)`, `tar.extractfile(m)`, `sock.makefile()`). */
const STREAM_METHODS: ReadonlySet<string> = new Set(['open', 'extractfile', 'makefile']);
/** Fields that hold a stream: boto3's `obj["Body"]`, requests' `resp.raw`, a process's `stdout`, a text stream's `buffer`. */
const STREAM_FIELDS: ReadonlySet<string> = new Set(['Body', 'raw', 'stdout', 'buffer']);
/** Fields of an HTTP response that hold its body as text or bytes (requests, httpx). */
const DOCUMENT_FIELDS: ReadonlySet<string> = new Set(['text', 'content']);
/** Methods that give a document's text: a stream's or file's contents, bytes decoded, a buffer's value, a frame or tree serialised. */
const DOCUMENT_METHODS: ReadonlySet<string> = new Set(['read', 'read_text', 'read_bytes', 'decode', 'getvalue', 'to_json', 'to_xml', 'to_html']);
/** Serialisers whose output is a document. */
const DOCUMENT_MAKERS: ReadonlySet<string> = new Set(['json.dumps', 'orjson.dumps', 'ujson.dumps', 'simplejson.dumps', 'xml.etree.ElementTree.tostring', 'lxml.etree.tostring']);

/**
 * Follows attacker-controlled data through one Python file: which ingestion points (and which
 * parameters of the enclosing function) may reach an expression, by what steps, and whether a
 * sanitizer or validator sits on the way. Answers are computed on demand and memoised per set
 * of reaching bindings, so a file costs time only where a sink or source is.
 */
export class TaintEngine {
  private readonly augments = new Map<number, Flow[]>();
  private readonly names: NameMemo<Flow[]>;
  private readonly exprMemo = new Map<number, Flow[]>();
  private readonly summaries = new Map<number, Flow[] | undefined>();
  private readonly hits = new Map<number, SourceHit>();
  private readonly functions: SpanIndex<SyntaxNode>;
  private readonly classes: SpanIndex<SyntaxNode>;
  private guardIndex: Guards | undefined;
  private readonly selfAttributes = new Map<string, SyntaxNode[]>();
  private instanceStores?: Map<string, SyntaxNode[]>;
  private readonly importsAirflow: boolean;
  private readonly importRoots: ReadonlySet<string>;
  private readonly functionNames = new Map<number, string | undefined>();
  /** The local paths this file fills with ingested data, each with the flow of what was written there; built on first need. */
  private downloads?: Map<string, Flow>;
  private callbackIndex: ReadonlySet<number> | undefined;
  private udfIndex: ReadonlySet<number> | undefined;
  private templatedIndex: ReadonlyMap<number, ReadonlyMap<string, TemplatedParameter>> | undefined;
  private readonly executeCalls = new Map<number, SyntaxNode[]>();

  constructor(
    private readonly root: SyntaxNode,
    private readonly path: string,
    private readonly text: string,
    private readonly bindings: Bindings,
    private readonly resolver: Resolver,
    private readonly values: ValueClassifier,
    imports: Map<string, string>,
  ) {
    this.names = new NameMemo<Flow[]>({ guess: [], iterate: false, giveUp: [] }, budgetFor(bindings.count));
    this.functions = SpanIndex.of(root, ['function_definition', 'lambda']);
    this.classes = SpanIndex.of(root, ['class_definition']);
    this.importsAirflow = [...imports.values()].some((m) => m === 'airflow' || m.startsWith('airflow.'));
    this.importRoots = importRootsOf(imports);
  }

  /** Every ingestion point evaluated so far, for lineage. */
  get sources(): SourceHit[] {
    return [...this.hits.values()];
  }

  flowsOf(node: SyntaxNode): Flow[] {
    return this.expr(node, 0);
  }

  /** The dotted name an expression resolves to. */
  nameOf(node: SyntaxNode): string | undefined {
    return this.resolver.nameOf(node);
  }

  /** The names a class expression resolves to, its bases included (a loader class derived from yaml.SafeLoader). */
  lineageOf(node: SyntaxNode): string[] {
    return this.resolver.lineageOf(node);
  }

  /** Whether a resolved name starts at one of the file's imports or a builtin, rather than at a name the file binds. */
  isImportedName(name: string): boolean {
    const root = rootOf(name);
    return root === 'builtins' || this.importRoots.has(root);
  }

  /** The ingestion point a node is, if it is one (`pandas.read_csv(...)`, `sys.argv`); `call` spares recomputing a call's site. */
  sourceAt(node: SyntaxNode, call?: CallSite): SourceHit | undefined {
    const cached = this.hits.get(node.id);
    if (cached) return cached;
    const hit = this.detectSource(node, call);
    if (hit) this.hits.set(node.id, hit);
    return hit;
  }

  /**
   * A path, written out or held in a name, that this file fills with data from an ingestion
   * point (`s3.download_file(bucket, key, "/tmp/model.pkl")`, `out.write(resp.content)` to a file
   * opened for writing): the file there is the sender's content, whatever reads it later
   * (`joblib.load("/tmp/model.pkl")`, `open(local)`), so it flows from there as a download.
   */
  private downloadedFile(node: SyntaxNode): Flow | undefined {
    if (node.type !== 'identifier' && node.type !== 'string') return undefined;
    const downloads = this.downloadedPaths();
    if (downloads.size === 0) return undefined;
    const path = this.constantString(node);
    const flow = path === undefined ? undefined : downloads.get(path);
    // A download's or an opened file's own argument names where it writes, before anything is there.
    const around = node.parent?.parent;
    return flow && !(around?.type === 'call' && this.writesPath(this.resolver.callSite(around))) ? flow : undefined;
  }

  private downloadedPaths(): Map<string, Flow> {
    if (this.downloads) return this.downloads;
    this.downloads = new Map();
    if (!DOWNLOAD_TO_PATH.test(this.text)) return this.downloads;
    for (const node of this.root.descendantsOfType('call')) {
      const call = this.resolver.callSite(node);
      const written = this.fileWritten(call);
      if (written) this.downloads.set(written.path, written.flow);
    }
    return this.downloads;
  }

  private writesPath(call: CallSite): boolean {
    return downloadDestination(call) !== undefined || (FILE_HANDLES.includes(`${call.name}()`) && opensForWriting(call, this.values));
  }

  /**
   * The local path a call fills with data from an ingestion point, and the flow of what it
   * writes there, as a download (whatever was read, a bucket object or a response, a file now
   * holds it): a download told where to write, or `write()` to a file opened for writing.
   */
  private fileWritten(call: CallSite): { path: string; flow: Flow } | undefined {
    const destination = downloadDestination(call);
    if (destination) {
      const path = this.constantString(destination);
      const hit = path === undefined ? undefined : this.sourceAt(call.node, call);
      return hit && path !== undefined ? { path, flow: sourceFlow({ ...hit, kind: 'download' }, [this.step(hit.line, `source: ${hit.api} (download)`)]) } : undefined;
    }
    if (call.method !== 'write' && call.method !== 'writelines') return undefined;
    const opener = this.boundValue(receiverOf(call.node));
    const open = opener?.type === 'call' ? this.resolver.callSite(opener) : undefined;
    const path = open && this.writesPath(open) ? this.constantString(argument(open, 0, 'file')) : undefined;
    const data = call.positional[0];
    const flow = path !== undefined && data ? this.flowsOf(data).find((f) => 'source' in f.origin && !f.validated) : undefined;
    if (path === undefined || !flow || !('source' in flow.origin)) return undefined;
    const steps = [...flow.steps, this.step(lineOf(call.node), `written to ${path}`)];
    return { path, flow: sourceFlow({ ...flow.origin.source, kind: 'download' }, steps) };
  }

  /** The function (`Class.method`) a node is in, if any. */
  functionAt(node: SyntaxNode): string | undefined {
    const innermost = this.enclosingFunction(node);
    if (!innermost) return undefined;
    if (!this.functionNames.has(innermost.id)) this.functionNames.set(innermost.id, this.qualifiedName(node));
    return this.functionNames.get(innermost.id);
  }

  private qualifiedName(node: SyntaxNode): string | undefined {
    const names: string[] = [];
    for (let fn: SyntaxNode | undefined = this.enclosingFunction(node); fn; fn = this.enclosingFunction(fn)) {
      names.unshift(fn.childForFieldName('name')?.text ?? '<lambda>');
    }
    const cls = this.classes.around(node).next().value;
    if (cls && names.length > 0) names.unshift(cls.childForFieldName('name')?.text ?? '');
    return names.length > 0 ? names.join('.') : undefined;
  }

  enclosingFunction(node: SyntaxNode): SyntaxNode | undefined {
    for (const fn of this.functions.around(node)) if (fn.type === 'function_definition') return fn;
    return undefined;
  }

  /** The function definition in this file a call invokes, and how many leading parameters the call fills implicitly (self). */
  localCallee(call: CallSite): { fn: SyntaxNode; offset: number } | undefined {
    const callee = call.node.childForFieldName('function');
    if (callee?.type === 'identifier') {
      const only = this.onlyBinding(callee);
      return only?.kind === 'function' ? { fn: only.node, offset: 0 } : undefined;
    }
    const object = callee?.type === 'attribute' ? callee.childForFieldName('object') : undefined;
    if (object?.type !== 'identifier' || (object.text !== 'self' && object.text !== 'cls') || !call.method) return undefined;
    const cls = this.classes.around(call.node).next().value;
    for (const member of cls?.childForFieldName('body')?.namedChildren ?? []) {
      const method = definitionIn(member);
      if (method?.type !== 'function_definition' || method.childForFieldName('name')?.text !== call.method) continue;
      // A static method takes no self; a class method's cls is filled like self.
      const isStatic = member.type === 'decorated_definition' && member.namedChildren.some((d: SyntaxNode) => d.type === 'decorator' && d.text === '@staticmethod');
      return { fn: method, offset: isStatic ? 0 : 1 };
    }
    return undefined;
  }

  /**
   * A call that hands each element of something to a function: `df.apply(f, axis=1)`,
   * `series.map(os.system)`, `map(f, rows)`, `pool.map(f, rows)`. The callback is the first
   * argument; the elements are those of the second, or else of the receiver.
   */
  callbackSite(call: CallSite): { callback: SyntaxNode; elements: SyntaxNode } | undefined {
    const callback = call.positional[0];
    if (!callback) return undefined;
    if (call.method === undefined) return ELEMENT_FUNCTIONS.has(call.name ?? '') && call.positional[1] ? { callback, elements: call.positional[1] } : undefined;
    if (!CALLBACK_METHODS.has(call.method)) return undefined;
    const fn = call.node.childForFieldName('function');
    const receiver = fn?.type === 'attribute' ? fn.childForFieldName('object') : undefined;
    const elements = call.positional[1] ?? receiver;
    return elements ? { callback, elements } : undefined;
  }

  /**
   * Item `item.index` of each element of a container: of the tuples `rejects.append((…, …, …))`
   * put in, when that is all that fills it; of a parameter, kept in its origin for the callers to
   * resolve (see TaintChecker). Undefined when the container holds anything else.
   */
  itemFlows(container: SyntaxNode, item: ItemPosition, depth = 0): Flow[] | undefined {
    const bindings = container.type === 'identifier' ? this.bindings.visibleAt(container.text, container) : undefined;
    if (!bindings) return undefined;
    const [only] = bindings;
    if (bindings.length === 1 && only?.kind === 'param') {
      return this.parameter(container.text, only.fn, only.index).map((f) => ('param' in f.origin ? { ...f, origin: { param: { ...f.origin.param, item } } } : f));
    }
    const items: SyntaxNode[] = [];
    for (const b of bindings) {
      if (b.kind === 'assign' && EMPTY_CONTAINERS.has(b.value.text.replace(/\s/g, ''))) continue;
      const tuple = b.kind === 'augment' && b.operator === '.append()' ? unparenthesized(b.value) : undefined;
      const parts = tuple?.type === 'tuple' ? tuple.namedChildren.filter((c: SyntaxNode) => c.type !== 'comment') : [];
      if (parts.length !== item.of) return undefined;
      items.push(parts[item.index]!);
    }
    return mergeFlows(items.map((part) => withStep(this.expr(part, depth), this.step(lineOf(part), `added to ${container.text} by .append()`))));
  }

  /** The function of this file a callback argument is: a lambda, or a name bound only to a def. */
  localFunction(node: SyntaxNode): SyntaxNode | undefined {
    if (node.type === 'lambda') return node;
    const only = node.type === 'identifier' ? this.onlyBinding(node) : undefined;
    return only?.kind === 'function' ? only.node : undefined;
  }

  /**
   * The arguments a call passes for parameter `index` of `fn`: one for a plain parameter; for
   * `*args` the positional ones left over, for `**kwargs` the keywords no other parameter names
   * and any `**mapping` unpacked into the call.
   */
  argumentsFor(call: CallSite, fn: SyntaxNode, index: number, offset: number): SyntaxNode[] {
    const params = parametersOf(fn);
    const param = params[index];
    if (param?.splat === 'args') return call.positional.slice(Math.max(0, index - offset));
    if (param?.splat === 'kwargs') {
      const named = new Set(params.map((p) => p.name));
      return [...[...call.keywords].flatMap(([key, value]) => (named.has(key) ? [] : [value])), ...unpackedArguments(call, 'dictionary_splat')];
    }
    const arg = call.positional[index - offset] ?? (param ? call.keywords.get(param.name) : undefined);
    return arg ? [arg] : [];
  }

  /** The resolved call at a `call` node. */
  callSiteAt(node: SyntaxNode): CallSite {
    return this.resolver.callSite(node);
  }

  /** The call a name read was assigned from, when that is the name's only binding there (`PAT` after `PAT = re.compile(…)`). */
  assignedCall(read: SyntaxNode): CallSite | undefined {
    const value = this.assignedValue(read);
    return value?.type === 'call' ? this.resolver.callSite(value) : undefined;
  }

  /** The expression a name holds where one assignment alone reaches the read. */
  assignedValue(read: SyntaxNode): SyntaxNode | undefined {
    const only = read.type === 'identifier' ? this.onlyBinding(read) : undefined;
    return only?.kind === 'assign' ? only.value : undefined;
  }

  private onlyBinding(node: SyntaxNode): Binding | undefined {
    const list = this.bindings.visibleAt(node.text, node);
    return list?.length === 1 ? list[0] : undefined;
  }

  private get guards(): Guards {
    this.guardIndex ??= new Guards(this.root, this.text, this.resolver, this.functions, (n) => this.holdsCanonicalPath(n));
    return this.guardIndex;
  }

  private expr(node: SyntaxNode, depth: number): Flow[] {
    if (depth > MAX_DEPTH) return [];
    const cached = this.exprMemo.get(node.id);
    if (cached) return cached;
    const flows = this.confinedToHost(node, this.compute(node, depth + 1));
    this.exprMemo.set(node.id, flows);
    return flows;
  }

  /**
   * A URL built on a written-out scheme and host (`f"https://api.example.com/{key}"`): what is
   * spliced in cannot choose the host; nor can it make a URL of a local path (`"data/" + name`).
   */
  private confinedToHost(node: SyntaxNode, flows: Flow[]): Flow[] {
    if (flows.length === 0 || !BUILT_STRINGS.has(node.type)) return flows;
    const fixed = fixedUrlPart(node, (n) => this.values.constantOf(n));
    return fixed === 'host' || fixed === 'local-path' ? this.sanitized(flows, ['ssrf']) : flows;
  }

  private compute(node: SyntaxNode, depth: number): Flow[] {
    const hit = node.type === 'identifier' || node.type === 'attribute' || node.type === 'subscript' || node.type === 'call' ? this.sourceAt(node) : undefined;
    if (hit) return [sourceFlow(hit, [this.step(hit.line, `source: ${hit.api} (${hit.kind})`)])];
    const downloaded = this.downloadedFile(node);
    if (downloaded) return [downloaded];
    switch (node.type) {
      case 'identifier':
        return this.identifier(node, depth);
      case 'attribute': {
        const object = node.childForFieldName('object');
        const selfFlows = object?.type === 'identifier' && object.text === 'self' ? this.selfAttribute(node, depth) : [];
        const instance = object?.type === 'identifier' && object.text !== 'self' ? object : undefined;
        const whole = () => mergeFlows([selfFlows, object ? this.expr(object, depth) : []]);
        const flows = instance ? mergeFlows([this.storedInInstance(node, instance, depth), this.instanceField(node, instance, depth) ?? whole()]) : whole();
        const attr = node.childForFieldName('attribute')?.text ?? '';
        const read = this.checkedPath(node, flows.filter((f) => !('source' in f.origin && describesReader(attr, f.origin.source))));
        // A pathlib path's last component (`Path(name).name`) has no directory left to climb out of.
        return FINAL_COMPONENT.has(attr) && object && this.nameOf(object)?.startsWith('pathlib.') ? this.sanitized(read, ['path-traversal']) : read;
      }
      case 'subscript': {
        const value = node.childForFieldName('value');
        return this.checkedPath(node, value ? this.expr(value, depth) : []);
      }
      case 'call':
        return this.call(node, depth);
      case 'conditional_expression':
        return mergeFlows(node.namedChildren.filter((_, i) => i !== 1).map((c) => this.expr(c, depth)));
      default:
        if (COMPREHENSIONS.has(node.type)) return node.namedChildren[0] ? this.expr(node.namedChildren[0], depth) : [];
        if (COMPOSITE.has(node.type)) return mergeFlows(node.namedChildren.map((c) => this.expr(c, depth)));
        return [];
    }
  }

  private identifier(node: SyntaxNode, depth: number): Flow[] {
    const name = node.text;
    const bindings = this.bindings.visibleAt(name, node);
    if (!bindings) return [];
    const flows = this.names.get(bindingsKey(bindings), () => mergeFlows(bindings.map((b) => this.binding(name, b, depth))));
    return this.guarded(name, node, flows);
  }

  /** Flows of a read that a check of that very name or path covers: validated, or safe for the families a containment check stops. */
  private guarded(path: string, node: SyntaxNode, flows: Flow[]): Flow[] {
    if (flows.length === 0) return flows;
    if (this.guards.validates(path, node)) return markValidated(flows);
    const stops = this.guards.stopsAt(path, node);
    return stops.length > 0 ? this.sanitized(flows, stops) : flows;
  }

  /**
   * A path with `..` resolved — `os.path.realpath/abspath/normpath(…)`, `Path(…).resolve()` — or a
   * name bound once to one: a prefix check on it keeps it under the base, one on the raw text does not.
   */
  holdsCanonicalPath(node: SyntaxNode): boolean {
    const value = this.boundValue(node) ?? node;
    if (value.type !== 'call') return false;
    const site = this.resolver.callSite(value);
    return CANONICAL_PATHS.has(site.name ?? '') || site.method === 'resolve';
  }

  /** Whether an allow-list or shape check of this very name or path covers the read (see Guards.confines). */
  confines(node: SyntaxNode): boolean {
    const path = accessPath(node);
    return path !== undefined && this.guards.confines(path, node);
  }

  /** A path's flows, validated where a check of that very path (`if row["kind"] in ALLOWED:`) covers the read. */
  private checkedPath(node: SyntaxNode, flows: Flow[]): Flow[] {
    const path = accessPath(node);
    return path === undefined ? flows : this.guarded(path, node, flows);
  }

  private binding(name: string, b: Binding, depth: number): Flow[] {
    switch (b.kind) {
      case 'assign':
      case 'with':
      case 'element': {
        if (b.kind === 'element' && FILE_HANDLES.includes(this.resolver.nameOf(b.value) ?? '')) {
          const hit = this.hitFor(b.value, { kind: 'file', opened: true }, 'iteration over a file', undefined);
          this.hits.set(b.value.id, hit);
          return [{ origin: { source: hit }, steps: [this.step(hit.line, `source: lines of ${b.value.text} (file)`), this.step(lineOf(b.value), `iterated into ${name}`)], validated: false }];
        }
        const verb = b.kind === 'assign' ? 'assigned to' : b.kind === 'with' ? 'bound by with to' : 'unpacked or iterated into';
        const flows = (b.kind === 'element' && b.item && this.itemFlows(b.value, b.item, depth)) || this.expr(b.value, depth);
        return withStep(flows, this.step(lineOf(b.value), `${verb} ${name}`));
      }
      case 'augment': {
        // In a loop an augmented assignment sees itself among the earlier bindings, and long
        // chains of `x += …` would recurse once per link: each one is computed once.
        const done = this.augments.get(b.value.id);
        if (done) return done;
        this.augments.set(b.value.id, []);
        const earlier = this.bindings.visibleAt(name, b.value) ?? [];
        const parts = [this.expr(b.value, depth), ...earlier.map((e) => this.binding(name, e, depth))];
        const how = b.operator === '[]=' ? `stored in ${name}[…]` : b.operator.startsWith('.') ? `added to ${name} by ${b.operator}` : `appended to ${name} (${b.operator})`;
        const flows = withStep(mergeFlows(parts), this.step(lineOf(b.value), how));
        this.augments.set(b.value.id, flows);
        return flows;
      }
      case 'param':
        return this.parameter(name, b.fn, b.index);
      default:
        return [];
    }
  }

  private parameter(name: string, fn: SyntaxNode, index: number): Flow[] {
    const line = lineOf(fn);
    const delivered = this.deliveredAs(name, fn, index);
    if (delivered) {
      const hit = this.hitFor(fn, { kind: delivered.kind }, delivered.api, undefined);
      return [sourceFlow(hit, [this.step(line, `source: ${hit.api} (${hit.kind})`)])];
    }
    const step = this.step(line, `parameter ${name} of ${fn.childForFieldName('name')?.text ?? 'function'}()`);
    return [{ origin: { param: { fn, index, name } }, steps: [step], validated: false }];
  }

  /** What a parameter receives from outside, if its function is an entry point: a web route, an Airflow callable, a message callback, a Lambda handler. */
  private deliveredAs(name: string, fn: SyntaxNode, index: number): { kind: SourceKind; api: string } | undefined {
    // FastAPI converts a parameter declared as a number, boolean, date or UUID before the route runs, or answers 422.
    if (this.isRoute(fn) && name !== 'self') return declaredInert(fn, name) ? undefined : { kind: 'request', api: `request parameter ${name}` };
    if (this.importsAirflow && AIRFLOW_CONTEXT_KEYS.has(name) && name !== 'conf') return { kind: 'airflow-conf', api: `Airflow context ${name}` };
    const templated = this.templatedParameters.get(fn.id)?.get(name);
    if (templated) return { kind: 'airflow-conf', api: `{{ ${templated.expression} }} rendered into ${name} by the operator at line ${templated.line}` };
    if (this.sparkUdfs.has(fn.id)) return { kind: 'table', api: `DataFrame column given to the Spark UDF ${fn.childForFieldName('name')?.text ?? ''}()` };
    if (index !== 0) return undefined;
    if (this.messageCallbacks.has(fn.id)) return { kind: 'queue', api: `message delivered to ${fn.childForFieldName('name')?.text ?? 'callback'}()` };
    const params = parameterNames(fn);
    if (name === 'event' && params.length === 2 && params[1] === 'context' && LAMBDA_HANDLER.test(fn.childForFieldName('name')?.text ?? '')) {
      return { kind: 'request', api: 'AWS Lambda event' };
    }
    return undefined;
  }

  private get templatedParameters(): ReadonlyMap<number, ReadonlyMap<string, TemplatedParameter>> {
    const namedFunction = (node: SyntaxNode) => (node.type === 'identifier' ? this.localFunction(node) : undefined);
    this.templatedIndex ??= this.importsAirflow ? templatedParameters(this.root, this.resolver, this.values, namedFunction, parameterNames) : new Map();
    return this.templatedIndex;
  }

  private get sparkUdfs(): ReadonlySet<number> {
    this.udfIndex ??= this.findSparkUdfs();
    return this.udfIndex;
  }

  /**
   * Functions of this file Spark runs on column values: decorated with `udf`/`pandas_udf`, or
   * wrapped by them or registered with `spark.udf.register(name, fn)`.
   */
  private findSparkUdfs(): Set<number> {
    const found = new Set<number>();
    if (!this.text.includes('udf')) return found;
    const isUdf = (callee: SyntaxNode | null | undefined) => SPARK_UDF.test(callee ? (this.resolver.nameOf(callee) ?? '') : '');
    for (const node of this.root.descendantsOfType(['decorated_definition', 'call'])) {
      if (node.type === 'decorated_definition') {
        const fn = node.childForFieldName('definition');
        if (fn?.type === 'function_definition' && this.decoratorsOf(fn).some((n) => SPARK_UDF.test(n))) found.add(fn.id);
        continue;
      }
      const call = this.resolver.callSite(node);
      const wrapped = isUdf(node.childForFieldName('function')) ? call.positional[0] : call.method === 'register' && call.name?.includes('.udf.') ? call.positional[1] : undefined;
      const target = wrapped?.type === 'identifier' ? this.localFunction(wrapped) : undefined;
      if (target) found.add(target.id);
    }
    return found;
  }

  private get messageCallbacks(): ReadonlySet<number> {
    this.callbackIndex ??= this.findMessageCallbacks();
    return this.callbackIndex;
  }

  /** Functions of this file handed to a call that delivers messages to them (Pub/Sub's subscribe(callback=…)). */
  private findMessageCallbacks(): Set<number> {
    const found = new Set<number>();
    if (!MESSAGE_CALLBACKS.some((m) => this.text.includes(`.${m.method}(`))) return found;
    for (const node of this.root.descendantsOfType('call')) {
      const call = this.resolver.callSite(node);
      const spec = MESSAGE_CALLBACKS.find((m) => m.method === call.method && m.under.some((u) => call.name?.startsWith(`${u}.`)));
      const callback = spec ? (call.keywords.get(spec.callback.keyword) ?? call.positional[spec.callback.index]) : undefined;
      const target = callback?.type === 'identifier' ? this.onlyBinding(callback) : undefined;
      if (target?.kind === 'function') found.add(target.node.id);
    }
    return found;
  }

  private isRoute(fn: SyntaxNode): boolean {
    return this.decoratorsOf(fn).some((name) => ROUTE_DECORATOR.test(name) && ROUTE_APPS.some((a) => name.startsWith(a)));
  }

  private decoratorsOf(fn: SyntaxNode): string[] {
    return decoratorNames(fn, (node) => this.resolver.nameOf(node));
  }

  /** The values `@task.bash` functions return: Airflow runs each as a bash command. */
  bashTaskCommands(): Array<{ fn: SyntaxNode; value: SyntaxNode }> {
    if (!this.importsAirflow) return [];
    return this.root.descendantsOfType('function_definition').flatMap((fn) =>
      this.decoratorsOf(fn).some((n) => BASH_TASK_DECORATOR.test(n)) ? returnedValues(fn).map((value) => ({ fn, value })) : [],
    );
  }

  private call(node: SyntaxNode, depth: number): Flow[] {
    const call = this.resolver.callSite(node);
    const name = call.name ?? '';
    const args = () => mergeFlows([...call.positional, ...call.keywords.values(), ...unpackedArguments(call)].map((a) => this.expr(a, depth)));
    const sanitizer = matchSanitizer(name, call.method);
    if (sanitizer?.stops === 'all' || this.constructsValidator(node)) return markValidated(args());
    if (sanitizer) return this.sanitized(mergeFlows([args(), this.receiverFlows(node, depth)]), sanitizer.stops);
    const local = this.localCallee(call);
    if (local) {
      const through = this.throughFunction(call, local.fn, local.offset, depth);
      // The team's own `neutralise()`/`sanitize_path()` is trusted like a library one of that name.
      return call.method === undefined && SANITIZING_NAME.test(name) ? markValidated(through) : through;
    }
    if (OPAQUE_RESULTS.has(name)) return [];
    const flows = mayBeRepoFunction(name, this.importRoots) ? this.throughImported(call, name, depth) : mergeFlows([this.receiverFlows(node, depth), args()]);
    return call.method === undefined && SANITIZING_NAME.test(name) ? markValidated(flows) : flows;
  }

  /** Flows a sanitizer for only some families passes on, marked so sink checks of those families drop them. */
  private sanitized(flows: Flow[], stops: readonly SinkFamily[]): Flow[] {
    return flows.map((f) => ({ ...f, stoppedFor: [...(f.stoppedFor ?? []), ...stops] }));
  }

  private receiverFlows(node: SyntaxNode, depth: number): Flow[] {
    const object = receiverOf(node);
    return object ? this.expr(object, depth) : [];
  }

  /** `Model(**data)` for a pydantic model defined here: construction validates the data. */
  private constructsValidator(node: SyntaxNode): boolean {
    const fn = node.childForFieldName('function');
    return fn !== null && this.resolver.lineageOf(fn).some((n) => VALIDATING_BASES.includes(n));
  }

  /** A call of a function in this file: its return value carries what its summary says. */
  private throughFunction(call: CallSite, fn: SyntaxNode, offset: number, depth: number): Flow[] {
    const fname = fn.childForFieldName('name')?.text ?? 'function';
    const callLine = lineOf(call.node);
    const results: Flow[][] = [];
    for (const flow of this.returnFlows(fn, depth)) {
      if (!('param' in flow.origin) || flow.origin.param.fn.id !== fn.id) {
        results.push([flow]);
        continue;
      }
      const bridge = [this.step(callLine, `passed to ${fname}() as ${flow.origin.param.name}`)];
      for (const arg of this.argumentsFor(call, fn, flow.origin.param.index, offset)) results.push(this.expr(arg, depth).map((p) => joinFlows(p, bridge, flow)));
    }
    return withStep(mergeFlows(results), this.step(callLine, `returned from ${fname}()`));
  }

  /**
   * A call of a function imported from what may be another module of the repository. Its result
   * may be what the callee returns of its own (an ingestion point there), and the arguments and
   * receiver as far as the callee passes them on; each is marked with the call, and the project
   * step keeps or drops it by the callee's summary — or keeps it as is for a library.
   */
  private throughImported(call: CallSite, callee: string, depth: number): Flow[] {
    const imported: ImportedCall = { node: call.node, callee };
    const through = (flows: Flow[], arg: number | string) => flows.map((f) => ({ ...f, via: [...(f.via ?? []), { call: imported, arg, at: f.steps.length }] }));
    return mergeFlows([
      [{ origin: { call: imported }, steps: [this.step(lineOf(call.node), `returned from ${callee}()`)], validated: false }],
      through(this.receiverFlows(call.node, depth), -1),
      ...call.positional.map((a, i) => through(this.expr(a, depth), i)),
      ...[...call.keywords].map(([k, a]) => through(this.expr(a, depth), k)),
    ]);
  }

  /**
   * What a function's return statements carry, and a generator's `yield`s (iterating its result
   * gives what it yields); parameters appear as param origins.
   */
  returnFlows(fn: SyntaxNode, depth: number): Flow[] {
    if (this.summaries.has(fn.id)) return this.summaries.get(fn.id) ?? [];
    this.summaries.set(fn.id, undefined);
    const exits = fn.descendantsOfType(['return_statement', 'yield']).filter((r) => this.enclosingFunction(r)?.id === fn.id);
    const flows = mergeFlows(
      exits.map((r) => (r.namedChildren[0] ? withStep(this.expr(r.namedChildren[0], depth), this.step(lineOf(r), r.type === 'yield' ? 'yielded' : 'returned')) : [])),
    );
    this.summaries.set(fn.id, flows);
    return flows;
  }

  /**
   * `job.path` where `job = Job(…)` builds a class of this file whose `__init__` alone sets
   * `self.path`: what `__init__` stores there, its parameters filled from the call — not every
   * argument of it (`Job("/srv/in.csv", body).path` is the literal). Undefined when another
   * method or a base class may set the field, and the whole object's flows stand.
   */
  private instanceField(node: SyntaxNode, object: SyntaxNode, depth: number): Flow[] | undefined {
    const built = this.assignedValue(object);
    const classRef = built?.type === 'call' ? built.childForFieldName('function') : null;
    const cls = classRef?.type === 'identifier' ? this.onlyBinding(classRef) : undefined;
    const attr = node.childForFieldName('attribute')?.text;
    const bases = cls?.kind === 'class' ? (cls.node.childForFieldName('superclasses')?.namedChildren ?? []) : [];
    if (cls?.kind !== 'class' || !attr || bases.some((b: SyntaxNode) => b.text !== 'object')) return undefined;
    const stores = this.selfStores(cls.node, attr);
    const init = (cls.node.childForFieldName('body')?.namedChildren ?? []).map(definitionIn).find((d) => d?.childForFieldName('name')?.text === '__init__');
    if (!init || stores.length === 0 || stores.some((a: SyntaxNode) => this.enclosingFunction(a)?.id !== init.id)) return undefined;
    const call = this.resolver.callSite(built!);
    const bridge = [this.step(lineOf(built!), `passed to ${cls.node.childForFieldName('name')?.text ?? 'class'}()`)];
    return mergeFlows(
      stores.map((store: SyntaxNode) => {
        const stored = withStep(this.expr(store, depth), this.step(lineOf(store), `stored in self.${attr}`));
        return mergeFlows(
          stored.map((flow) => {
            if (!('param' in flow.origin) || flow.origin.param.fn.id !== init.id) return [flow];
            return this.argumentsFor(call, init, flow.origin.param.index, 1).flatMap((arg) => this.expr(arg, depth).map((p) => joinFlows(p, bridge, flow)));
          }),
        );
      }),
    );
  }

  /** `job.path = …` in the scope that reads `job.path`: what is stored in the instance's field there. */
  private storedInInstance(node: SyntaxNode, instance: SyntaxNode, depth: number): Flow[] {
    const target = `${instance.text}.${node.childForFieldName('attribute')?.text ?? ''}`;
    this.instanceStores ??= storesByTarget(this.root, (left) => left.type === 'attribute' && left.childForFieldName('object')?.text !== 'self');
    const scope = this.enclosingFunction(node)?.id;
    const values = (this.instanceStores.get(target) ?? []).filter((v) => this.enclosingFunction(v)?.id === scope);
    return mergeFlows(values.map((v) => withStep(this.expr(v, depth), this.step(lineOf(v), `stored in ${target}`))));
  }

  /** `self.x` read in a method: whatever any method of the class assigns to `self.x`. */
  private selfAttribute(node: SyntaxNode, depth: number): Flow[] {
    const cls = this.classes.around(node).next().value;
    const attr = node.childForFieldName('attribute')?.text;
    if (!cls || !attr) return [];
    return mergeFlows(this.selfStores(cls, attr).map((v) => withStep(this.expr(v, depth), this.step(lineOf(v), `stored in self.${attr}`))));
  }

  /** The values any method of a class assigns to `self.<attr>`. */
  private selfStores(cls: SyntaxNode, attr: string): SyntaxNode[] {
    const key = `${cls.id}.${attr}`;
    const values =
      this.selfAttributes.get(key) ??
      cls
        .descendantsOfType('assignment')
        .filter((a: SyntaxNode) => a.childForFieldName('left')?.text === `self.${attr}`)
        .flatMap((a: SyntaxNode) => a.childForFieldName('right') ?? []);
    this.selfAttributes.set(key, values);
    return values;
  }

  private detectSource(node: SyntaxNode, known?: CallSite): SourceHit | undefined {
    if (node.type === 'subscript') return this.subscriptSource(node);
    if (node.type !== 'call') {
      // The callee of a call is no ingestion point of its own: the call is (one at a time, or
      // `urllib.request.urlopen(u)` would be two, met once through the word `request`).
      if (node.parent?.type === 'call' && node.parent.childForFieldName('function')?.id === node.id) return undefined;
      // `from flask import request` names the source; it reads nothing.
      if (node.parent?.type === 'dotted_name' || node.parent?.type === 'aliased_import') return undefined;
      const name = this.resolver.nameOf(node);
      const spec = name ? matchReadSource(name) : undefined;
      if (spec && name) return this.hitFor(node, spec, name, undefined);
      if (node.type === 'attribute' && node.childForFieldName('attribute')?.text === 'conf' && /dag_run\W*$/.test(node.childForFieldName('object')?.text ?? '')) {
        return this.hitFor(node, { kind: 'airflow-conf' }, 'dag_run.conf', undefined);
      }
      return undefined;
    }
    const call = known ?? this.resolver.callSite(node);
    const name = call.name ?? '';
    if (SPARK_READ.test(name) && !this.readsJdbc(call)) return this.hitFor(node, { kind: 'file', dataset: { index: 0, keyword: 'path' } }, name, call);
    const spec = matchSource(name, call.method);
    // `self.get_object()` where the class defines get_object is the project's own method, followed as such.
    if (!spec || this.localCallee(call)) return undefined;
    if (spec.parsesArgument && this.isInMemoryText(argument(call, 0, ''))) return undefined;
    if (spec.parsesText && this.knownText(argument(call, 0, 's'))) return undefined;
    if (spec.kind === 'file' && call.method && this.readsOwnCode(call, spec)) return undefined;
    // `download_blob().readall()` goes on reading what its receiver, an ingestion point, began.
    const receiver = receiverOf(call.node);
    if (receiver?.type === 'call' && this.sourceAt(receiver)) return undefined;
    return this.hitFor(node, spec, calleeName(call), call);
  }

  /**
   * A read of a file the path names as code — `open("schema.sql").read()`, `(Path(__file__).parent /
   * "seed.sql").read_text()` — is the project's own script or template, run on purpose, not data.
   */
  private readsOwnCode(call: CallSite, spec: SourceSpec): boolean {
    const bound = this.boundValue(receiverOf(call.node));
    // A handle's path is its opener's first argument; a pathlib path is the receiver itself.
    const path = spec.opened ? (bound?.type === 'call' ? argument(this.resolver.callSite(bound), 0, 'file') : undefined) : bound;
    return path !== undefined && CODE_FILE.test(path.text);
  }

  /** Text whose origin is known: a literal, or a value that flows from an ingestion point (and is followed from there). */
  private knownText(node: SyntaxNode | undefined): boolean {
    return node !== undefined && (this.values.kindOf(node) === 'literal' || this.flowsOf(node).some((f) => 'source' in f.origin));
  }

  /** `io.StringIO(s)`, `s.splitlines()`, a literal list of lines: text the program already holds. */
  private isInMemoryText(node: SyntaxNode | undefined): boolean {
    if (!node) return false;
    if (node.type === 'list' || node.type === 'tuple' || node.type === 'list_comprehension') return true;
    if (node.type !== 'call') return false;
    const site = this.resolver.callSite(node);
    return IN_MEMORY_STREAMS.has(site.name ?? '') || site.method === 'splitlines';
  }

  /** `os.environ["KEY"]`, and Airflow's `context["params"]` / `kwargs["dag_run"]`. */
  private subscriptSource(node: SyntaxNode): SourceHit | undefined {
    const value = node.childForFieldName('value');
    const key = node.childForFieldName('subscript');
    const keyValue = key ? this.values.constantOf(key) : undefined;
    if (this.importsAirflow && typeof keyValue === 'string' && AIRFLOW_CONTEXT_KEYS.has(keyValue) && value?.type === 'identifier') {
      return this.hitFor(node, { kind: 'airflow-conf' }, `context["${keyValue}"]`, undefined);
    }
    const name = value ? this.resolver.nameOf(value) : undefined;
    if (name !== 'os.environ') return undefined;
    const hit = this.hitFor(node, { kind: 'env' }, 'os.environ', undefined);
    return { ...hit, credential: typeof keyValue === 'string' && CREDENTIAL_NAME.test(keyValue), ...(typeof keyValue === 'string' ? { dataset: keyValue } : {}) };
  }

  private hitFor(node: SyntaxNode, spec: Pick<SourceSpec, 'kind' | 'dataset' | 'key' | 'queried' | 'opened'>, api: string, call: CallSite | undefined): SourceHit {
    const line = lineOf(node);
    const dataset = this.sourceDataset(node, spec, call);
    const query = call && spec.kind === 'table' ? this.sourceQuery(call, spec) : undefined;
    const key = call && spec.key ? this.constantString(argument(call, spec.key.index, spec.key.keyword)) : undefined;
    const fn = this.functionAt(node);
    return {
      id: `${this.path}#L${line}:${node.startPosition.column + 1}`,
      kind: spec.kind,
      api,
      line,
      ...(dataset !== undefined ? { dataset } : key !== undefined ? { dataset: key } : {}),
      ...(fn ? { function: fn } : {}),
      credential: key !== undefined && CREDENTIAL_NAME.test(key),
      ...(query !== undefined && selectsOnlyAggregates(query) ? { aggregates: true as const } : {}),
      ...(call && this.isDiscarded(node) ? { discarded: true as const } : {}),
    };
  }

  /** The constant SQL a table read runs: its own query argument, or the query run on the cursor it fetches from. */
  private sourceQuery(call: CallSite, spec: Pick<SourceSpec, 'dataset' | 'queried'>): string | undefined {
    if (spec.dataset) return this.constantString(argument(call, spec.dataset.index, spec.dataset.keyword));
    if (!spec.queried) return undefined;
    const receiver = receiverOf(call.node);
    const query = receiver?.type === 'call' ? receiver : receiver ? this.lastExecuteOn(receiver.text, call.node) : undefined;
    return this.constantString(query?.childForFieldName('arguments')?.namedChildren[0]);
  }

  /**
   * The table whose rows a fetch returns: the one the query run on its receiver reads, either
   * chained (`conn.execute("SELECT … FROM t").fetchall()`) or the receiver's last `execute()`
   * before the fetch in the same function.
   */
  private queriedTable(fetch: CallSite): string | undefined {
    const sql = this.sourceQuery(fetch, { queried: true });
    return sql !== undefined ? tableOfStatement(sql) : undefined;
  }

  /** What a source reads, where the code names it: an argument, the table a cursor queried, the path a handle was opened with. */
  private sourceDataset(node: SyntaxNode, spec: Pick<SourceSpec, 'kind' | 'dataset' | 'queried' | 'opened'>, call: CallSite | undefined): string | undefined {
    if (call && spec.dataset) return this.datasetOf(call, spec.dataset, spec.kind);
    if (call && spec.queried) return this.queriedTable(call);
    if (!spec.opened) return undefined;
    return this.openedPath(call ? receiverOf(call.node) : node);
  }

  /** The path a file handle was opened with: `open("a.csv")` itself, or a name bound once to it (`with open("a.csv") as f`). */
  private openedPath(handle: SyntaxNode | undefined): string | undefined {
    const opener = this.boundValue(handle);
    if (opener?.type !== 'call') return undefined;
    const call = this.resolver.callSite(opener);
    return FILE_HANDLES.includes(`${call.name}()`) ? this.constantString(argument(call, 0, 'file')) : undefined;
  }

  /** Whether an expression is an open stream rather than text: what a reader handed it reads where it is, and fetches nothing. */
  holdsStream(node: SyntaxNode): boolean {
    const value = this.boundValue(node) ?? node;
    switch (value.type) {
      case 'parenthesized_expression':
        return value.namedChildren.length === 1 && this.holdsStream(value.namedChildren[0]!);
      case 'call': {
        const site = this.resolver.callSite(value);
        return STREAM_OPENERS.has(site.name ?? '') || STREAM_METHODS.has(site.method ?? '');
      }
      case 'attribute':
        return this.nameOf(value) === 'sys.stdin' || STREAM_FIELDS.has(value.childForFieldName('attribute')?.text ?? '');
      case 'subscript': {
        const key = value.childForFieldName('subscript');
        const field = key ? this.values.constantOf(key) : undefined;
        return typeof field === 'string' && STREAM_FIELDS.has(field);
      }
      default:
        return false;
    }
  }

  /** A Spark read through `format("jdbc")`: the JDBC sink records it, with the table or query it sends as its dataset. */
  private readsJdbc(call: CallSite): boolean {
    for (let link = receiverOf(call.node); link?.type === 'call'; link = receiverOf(link)) {
      const step = this.resolver.callSite(link);
      const format = step.method === 'format' ? step.positional[0] : undefined;
      if (format && String(this.values.constantOf(format)).toLowerCase() === 'jdbc') return true;
    }
    return false;
  }

  /** Whether an expression is a document's text rather than where to find one: a response's `.text`/`.content`, what a stream's `read()` or a bytes `decode()` gives, a serialiser's output. */
  holdsDocumentText(node: SyntaxNode): boolean {
    const value = this.boundValue(node) ?? node;
    if (value.type === 'attribute') return DOCUMENT_FIELDS.has(value.childForFieldName('attribute')?.text ?? '');
    if (value.type !== 'call') return false;
    const site = this.resolver.callSite(value);
    return DOCUMENT_MAKERS.has(site.name ?? '') || DOCUMENT_METHODS.has(site.method ?? '');
  }

  /** What a name bound once (`f = open(…)`, `with open(…) as f`) stands for; any other expression itself. */
  private boundValue(node: SyntaxNode | undefined): SyntaxNode | undefined {
    const only = node?.type === 'identifier' ? this.onlyBinding(node) : undefined;
    return only && (only.kind === 'assign' || only.kind === 'with') ? only.value : node;
  }

  private lastExecuteOn(receiver: string, before: SyntaxNode): SyntaxNode | undefined {
    let last: SyntaxNode | undefined;
    for (const call of this.executeCallsIn(this.enclosingFunction(before) ?? this.root)) {
      if (call.startIndex >= before.startIndex) break;
      if (call.endIndex <= before.startIndex && receiverOf(call)?.text === receiver) last = call;
    }
    return last;
  }

  /** The `….execute(…)` calls in a scope, in document order: found once per scope however many fetches it has. */
  private executeCallsIn(scope: SyntaxNode): SyntaxNode[] {
    let calls = this.executeCalls.get(scope.id);
    if (!calls) {
      calls = scope.descendantsOfType('call').filter((c: SyntaxNode) => {
        const callee = c.childForFieldName('function');
        return callee?.type === 'attribute' && callee.childForFieldName('attribute')?.text === 'execute';
      });
      this.executeCalls.set(scope.id, calls);
    }
    return calls;
  }

  /**
   * The dataset a call names, when it is a literal or a constant: a path, URL, table or
   * `s3://bucket/key`; for tables, the one a SQL statement given there writes or reads.
   */
  datasetOf(call: CallSite, where: { index: number; keyword: string }, kind: string): string | undefined {
    const bucket = this.constantString(call.keywords.get('Bucket'));
    const key = this.constantString(call.keywords.get('Key'));
    if (bucket !== undefined) return key !== undefined ? `s3://${bucket}/${key}` : `s3://${bucket}`;
    const given = argument(call, where.index, where.keyword);
    const named = this.constantString(given);
    if (named !== undefined) return kind === 'table' ? (tableOfStatement(named) ?? named) : named;
    const template = given ? this.values.templateOf(given) : undefined;
    if (kind !== 'table' || template === undefined) return template;
    // A templated statement names its table or nothing (its text is no dataset name), and a table
    // the run fills in whole (`{table}`) is none in particular.
    const table = tableOfStatement(template) ?? (/\s/.test(template) ? undefined : template);
    return table === undefined || /^(?:\{[^{}]*\}\.?)+$/.test(table) ? undefined : table;
  }

  /** Whether the SQL a call runs is a constant query that writes nowhere (`cur.execute("SELECT …")`). */
  runsReadOnlyQuery(call: CallSite, where: { index: number; keyword: string }): boolean {
    const sql = this.constantString(argument(call, where.index, where.keyword));
    return sql !== undefined && readsOnly(sql);
  }

  private constantString(node: SyntaxNode | undefined): string | undefined {
    const value = node ? this.values.constantOf(node) : undefined;
    return typeof value === 'string' ? value : undefined;
  }

  /** A call standing alone as a statement, awaited or not, or whose response is read only for its status: it brings nothing in. */
  private isDiscarded(call: SyntaxNode): boolean {
    const parent = call.parent?.type === 'await' ? call.parent.parent : call.parent;
    return parent?.type === 'expression_statement' || this.onlyStatusRead(call);
  }

  /**
   * A response the code reads only for how the call went: `r = requests.post(…)` then
   * `r.raise_for_status()`, or `if r.status_code != 200: raise ValueError(r.text)` — its body shown
   * only in the error a failure raises.
   */
  private onlyStatusRead(call: SyntaxNode): boolean {
    const assignment = call.parent;
    if (assignment?.type !== 'assignment' || assignment.parent?.type !== 'expression_statement' || assignment.childForFieldName('right')?.id !== call.id) return false;
    const target = assignment.childForFieldName('left');
    if (target?.type !== 'identifier') return false;
    const scope = this.bindings.scopeOf(assignment);
    const reads = this.bindings.mentionsOf(target.text, scope).filter((i) => i.startIndex > target.endIndex);
    // A name never read here may still be read where this cannot see (a notebook's display, a global).
    return reads.length > 0 && reads.every((read) => {
      const access = read.parent?.type === 'attribute' && read.parent.childForFieldName('object')?.id === read.id ? read.parent : undefined;
      const field = access?.childForFieldName('attribute')?.text;
      if (field === undefined) return false;
      if (STATUS_FIELDS.has(field)) return true;
      for (let up: SyntaxNode | null = access!.parent; up && up.id !== scope.id; up = up.parent) if (up.type === 'raise_statement') return true;
      return false;
    });
  }

  step(line: number, label: string): TraceStep {
    return { file: this.path, line, label };
  }
}

/** Response fields that tell how a call went, not what it brought. */
const STATUS_FIELDS = new Set(['status_code', 'status', 'ok', 'raise_for_status', 'reason', 'elapsed', 'is_success', 'is_error', 'url']);

/**
 * The flow an ingestion point starts. What a download returns is the local file it wrote, named
 * by urllib's temporary file, the caller or the URL's base name: the file's content is the
 * sender's, its path is not, so the path is no traversal (reading the file is its own source).
 */
function sourceFlow(hit: SourceHit, steps: TraceStep[]): Flow {
  return { origin: { source: hit }, steps, validated: false, ...(hit.kind === 'download' ? { stoppedFor: ['path-traversal'] } : {}) };
}

/** Calls that write what they download to a local path they are given, and writes to an opened file. */
const DOWNLOAD_TO_PATH = /\b(?:download_file|download_to_filename|write|writelines)\b/;

/**
 * Where a download call takes its local path: boto3's `download_file` as `Filename` (third on a
 * client, second on a Bucket, first on an Object), GCS's `download_to_filename` first.
 */
function downloadDestination(call: CallSite): SyntaxNode | undefined {
  if (call.method === 'download_to_filename') return argument(call, 0, 'filename');
  if (call.method !== 'download_file') return undefined;
  const receiver = call.name?.slice(0, -'.download_file'.length) ?? '';
  return argument(call, receiver.endsWith('Object()') ? 0 : receiver.endsWith('Bucket()') ? 1 : 2, 'Filename');
}

/** Whether a flow still endangers a sink of `family`. */
export function reaches(flow: Flow, family: SinkFamily): boolean {
  return !flow.validated && !(flow.stoppedFor ?? []).includes(family);
}

/** The right-hand sides of the assignments in `root` whose target passes `wanted`, by the target's text. */
function storesByTarget(root: SyntaxNode, wanted: (left: SyntaxNode) => boolean): Map<string, SyntaxNode[]> {
  const stores = new Map<string, SyntaxNode[]>();
  for (const assignment of root.descendantsOfType('assignment')) {
    const left = assignment.childForFieldName('left');
    const right = assignment.childForFieldName('right');
    if (!left || !right || !wanted(left)) continue;
    const list = stores.get(left.text);
    if (list) list.push(right);
    else stores.set(left.text, [right]);
  }
  return stores;
}

export function definitionIn(node: SyntaxNode): SyntaxNode | undefined {
  return node.type === 'decorated_definition' ? (node.childForFieldName('definition') ?? undefined) : node;
}

/** A function's parameter names in order, `self` included. */
/** What an empty list, tuple or set starts as. */
const EMPTY_CONTAINERS: ReadonlySet<string> = new Set(['[]', '()', 'list()', 'tuple()', 'set()']);

function unparenthesized(node: SyntaxNode): SyntaxNode {
  return node.type === 'parenthesized_expression' && node.namedChildren.length === 1 ? unparenthesized(node.namedChildren[0]!) : node;
}

/** Builtins that call their first argument with each element of their second. */
const ELEMENT_FUNCTIONS: ReadonlySet<string> = new Set(['builtins.map', 'builtins.filter']);
/**
 * Methods that call their first argument with each element (row, value, record) of their receiver
 * — pandas, Spark RDDs and DataFrames — or, given a second argument, of that (pools, executors).
 */
const CALLBACK_METHODS: ReadonlySet<string> = new Set(['apply', 'map', 'applymap', 'transform', 'agg', 'aggregate', 'foreach', 'foreachPartition', 'mapPartitions', 'flatMap', 'filter', 'imap', 'imap_unordered', 'map_async', 'submit']);

/** A path expression ending in the name of a SQL, Python, shell or template file. */
const CODE_FILE = /["'][^"']*\.(?:sql|hql|py|sh|bash|j2|jinja2?|tmpl|tpl)["']\s*\)?\s*$/i;

/** A parameter of a function; `splat` for `*args` (which takes the positional arguments left over) and `**kwargs`. */
export interface Parameter {
  name: string;
  splat?: 'args' | 'kwargs';
}

export function parametersOf(fn: SyntaxNode): Parameter[] {
  const params: Parameter[] = [];
  for (const p of fn.childForFieldName('parameters')?.namedChildren ?? []) {
    // `*args: str` is a typed parameter around the splat; its type is no name.
    const inner = p.type === 'typed_parameter' ? (p.namedChildren[0] ?? p) : p;
    const splat = inner.type === 'list_splat_pattern' ? 'args' : inner.type === 'dictionary_splat_pattern' ? 'kwargs' : undefined;
    const id = inner.type === 'identifier' ? inner : (inner.childForFieldName('name') ?? inner.namedChildren.find((c) => c.type === 'identifier'));
    if (id) params.push(splat ? { name: id.text, splat } : { name: id.text });
  }
  return params;
}

export function parameterNames(fn: SyntaxNode): string[] {
  return parametersOf(fn).map((p) => p.name);
}
