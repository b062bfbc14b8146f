import { withoutReplaced, type AnalyzerOutput, type FileAnalyzer, type FindingPlace, type RawFinding } from '../../core/analyzer.js';
import { makeFinding, nodeRange } from '../../core/make-finding.js';
import { SourceText } from '../../core/source-text.js';
import { collectBindings } from './bindings.js';
import { collectImports, importScopes } from './imports.js';
import { parsePython, type SyntaxNode, type Tree, UnparseableSource } from './parser.js';
import type { PythonContext, PythonRule } from './python-rule.js';
import { Resolver } from './resolver.js';
import { pythonRules } from './rules/index.js';
import { ValueClassifier } from './values.js';
import { PYTHON_ANALYZER, type PythonFacts, type PythonLineage } from './facts.js';
import { containerStarts } from './container-starts.js';
import type { CallSite } from './call-site.js';
import { TaintChecker } from './taint/checker.js';
import { TaintEngine } from './taint/engine.js';
import { HTML_ESCAPING, SHELL_QUOTING } from './taint/sanitizers.js';
import { lineageOf, meetNameSources } from './taint/lineage.js';
import { isTaintRule, type TaintRule } from './taint/rules/taint-rule.js';
import { taintSummary } from './taint/summary.js';

export const pythonAnalyzer: FileAnalyzer = {
  name: PYTHON_ANALYZER,
  category: 'sast',
  rules: pythonRules,
  required: (file) => file.kind === 'python' && !STUB_FILE.test(file.path),
  analyze: (file) => analyzePythonSource(file.text, file.path),
};

/** Type stubs hold signatures only: no code runs from them, so no rule can apply (the secret scan still reads them). */
const STUB_FILE = /\.pyi$/i;

const MAX_SYNTAX_ERRORS_LISTED = 3;

/** The per-file machinery every rule works through: names, imports, value kinds and the taint engine. */
export function fileAnalysis(root: SyntaxNode, text: string, path: string) {
  const bindings = collectBindings(root);
  const imports = collectImports(root);
  const resolver = new Resolver(imports, bindings, importScopes(root, (node) => bindings.scopeOf(node)));
  // The engine's checks of names confine values for the classifier; it asks only once both exist.
  const values: ValueClassifier = new ValueClassifier(bindings, (fn) => resolver.nameOf(fn), (read): boolean => engine.confines(read));
  // Shell commands also take shell-quoted parts as harmless, and markup HTML-escaped ones, which SQL or code would not.
  const quotedValues = (quoting: readonly string[]) => new ValueClassifier(bindings, (fn) => resolver.nameOf(fn), (read): boolean => engine.confines(read), quoting);
  const contextValues = { shell: quotedValues(SHELL_QUOTING), html: quotedValues(HTML_ESCAPING) };
  const engine: TaintEngine = new TaintEngine(root, path, text, bindings, resolver, values, imports);
  return { bindings, imports, resolver, values, contextValues, engine };
}

/**
 * Analyses Python source as if it were the file at `path` (relative to the scanned root); other
 * analyzers that hold Python code (notebooks) call this with the code they extracted.
 */
export function analyzePythonSource(text: string, path: string): AnalyzerOutput {
  const file = { path, text };
  let tree: Tree;
  try {
    tree = parsePython(file.text);
  } catch (err) {
    if (err instanceof UnparseableSource) return { findings: [], problems: [err.message] };
    throw err;
  }
  const root = tree.rootNode;
  const source = new SourceText(file.text);
  const { imports, resolver, values, contextValues, engine } = fileAnalysis(root, file.text, file.path);
  const findings: RawFinding[] = [];
  const byFamily = new Map(pythonRules.filter(isTaintRule).map((r) => [r.family, r]));
  const taint = new TaintChecker(engine, values, file.path, (family, at, options) => {
    const rule = byFamily.get(family as TaintRule['family']);
    if (rule) findings.push(makeFinding(rule, file.path, source, nodeRange(at), options));
  });
  // Taint rules go first so that, per call, they see the call before the pattern rules they cover.
  const ordered = [...pythonRules.filter(isTaintRule), ...pythonRules.filter((r) => !isTaintRule(r))];
  // What the file's facts read, reporting nothing; each rule's context reports as that rule.
  const reading: PythonContext = {
    file,
    kindOf: (n, context) => (context ? contextValues[context] : values).kindOf(n),
    constantOf: (n) => values.constantOf(n),
    truthOf: (n) => values.truthOf(n),
    piecesOf: (n) => values.piecesOf(n),
    sequenceOf: (n) => values.sequenceOf(n),
    nameOf: (n) => resolver.nameOf(n),
    callSite: (n) => resolver.callSite(n),
    lineageOf: (n) => resolver.lineageOf(n),
    report: () => undefined,
    taint,
  };
  const checks = ordered.map((rule): [PythonRule, PythonContext] => [
    rule,
    { ...reading, report: (at: SyntaxNode, options) => findings.push(makeFinding(rule, file.path, source, nodeRange(at), options)) },
  ]);
  const containers: NonNullable<PythonLineage['containers']> = [];

  const uses = new Map<string, number>();
  const use = (name: string | undefined, line: number) => {
    if (name && !uses.has(name)) uses.set(name, line);
  };
  const callSites: CallSite[] = [];
  const callsByFunction = new Map<string, string[]>();
  for (const node of root.descendantsOfType('call')) {
    const call = resolver.callSite(node);
    callSites.push(call);
    const line = node.startPosition.row + 1;
    use(call.name, line);
    // Callables and classes handed over as arguments are used too (`Loader=yaml.FullLoader`).
    for (const arg of [...call.positional, ...call.keywords.values()]) {
      if (arg.type === 'attribute' || arg.type === 'identifier') use(resolver.nameOf(arg), line);
    }
    const caller = engine.functionAt(node);
    if (caller && call.name) callsByFunction.set(caller, [...new Set([...(callsByFunction.get(caller) ?? []), call.name])]);
    taint.visit(call);
    for (const [rule, ctx] of checks) rule.onCall?.(call, ctx);
    containers.push(...containerStarts(call, reading));
  }
  const nodeChecks = checks.filter(([rule]) => rule.onNode);
  const nodeTypes = [...new Set(nodeChecks.flatMap(([rule]) => rule.onNode!.types))];
  if (nodeTypes.length > 0) {
    for (const node of root.descendantsOfType(nodeTypes)) {
      for (const [rule, ctx] of nodeChecks) if (rule.onNode!.types.includes(node.type)) rule.onNode!.check(node, ctx);
    }
  }
  taint.finish();
  meetNameSources(root, file.text, engine);
  const summary = taintSummary(root, taint, callSites, imports, source);
  const facts: PythonFacts = {
    imports: [...new Set(imports.values())].sort(),
    uses: [...uses].map(([name, line]) => ({ name, line })),
    lineage: { ...lineageOf(root, file.text, taint, resolver, values, callsByFunction), ...(containers.length > 0 ? { containers } : {}) },
    taint: summary,
  };
  return { findings: withoutCovered(findings), problems: root.hasError ? [syntaxProblem(root)] : [], facts };
}

/**
 * The pattern rules' findings a taint finding replaces: those of the rules it covers on the same
 * call. It says the same with a trace and more certainty, and one sink should not be reported
 * twice — whether the flow is proven in the file or, by the project step, across modules.
 */
export function coveredBy(finding: Pick<RawFinding, 'ruleId' | 'location' | 'severity'>): FindingPlace[] {
  const rule = pythonRules.find((r) => r.id === finding.ruleId);
  const { file, startLine: line, startColumn: column, endLine, endColumn } = finding.location;
  // The sink call's whole text: a pattern finding on the query built inside it (`execute(text(f"…"))`) is the same flaw.
  const through = { line: endLine, column: endColumn };
  return rule && isTaintRule(rule) ? rule.covers.map((ruleId) => ({ ruleId, file, line, column, through, severity: finding.severity })) : [];
}

function withoutCovered(findings: RawFinding[]): RawFinding[] {
  return withoutReplaced(findings, findings.flatMap(coveredBy));
}

/** Tree-sitter recovers from syntax errors; the analysis goes on, but the user hears where. */
function syntaxProblem(root: SyntaxNode): string {
  const lines: number[] = [];
  for (const node of root.descendantsOfType('ERROR')) {
    lines.push(node.startPosition.row + 1);
    if (lines.length === MAX_SYNTAX_ERRORS_LISTED) break;
  }
  if (lines.length === 0 && root.hasError) {
    // Only MISSING nodes: find the first by walking down the branch that has the error.
    let node: SyntaxNode | null = root;
    while (node && !node.isMissing) node = node.children.find((c) => c.hasError) ?? null;
    if (node) lines.push(node.startPosition.row + 1);
  }
  const where = lines.length > 0 ? ` near line ${lines.join(', ')}` : '';
  return `Python syntax error${where}; the rest of the file was analysed`;
}

