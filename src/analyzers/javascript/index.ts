import type { AnalyzerOutput, FileAnalyzer, RawFinding, SourceFile } from '../../core/analyzer.js';
import { makeFinding, nodeRange } from '../../core/make-finding.js';
import { SourceText } from '../../core/source-text.js';
import { excessSyntaxNodes, MAX_NATIVE_SYNTAX_NODES } from '../../core/syntax-node-limit.js';
import { type Bindings, collectBindings, moduleName } from './bindings.js';
import { JAVASCRIPT_ANALYZER, type ScriptFacts, type VersionBoundFinding } from './facts.js';
import type { CallSite } from './call-site.js';
import type { JsContext } from './js-rule.js';
import { dialectOf, parseScript, type SyntaxNode, unwrap } from './parser.js';
import { moduleSpecifier, Resolver } from './resolver.js';
import { jsRules } from './rules/index.js';
import { JsValues } from './values.js';

export const javascriptAnalyzer: FileAnalyzer = {
  name: JAVASCRIPT_ANALYZER,
  category: 'sast',
  rules: jsRules,
  required: (file) => file.kind === 'javascript' && !DECLARATION_FILE.test(file.path),
  analyze: analyzeScript,
};

/** TypeScript declaration files hold types only: no code runs from them, so no rule can apply. */
const DECLARATION_FILE = /\.d\.[cm]?ts$/i;

const MAX_SYNTAX_ERRORS_LISTED = 3;

function analyzeScript(file: SourceFile): AnalyzerOutput {
  const tree = parseScript(file.text, dialectOf(file.path));
  const excess = excessSyntaxNodes(tree, MAX_NATIVE_SYNTAX_NODES);
  if (excess) return { findings: [], problems: [excess] };
  const root = tree.rootNode;
  const source = new SourceText(file.text);
  const bindings = collectBindings(root);
  const resolver = new Resolver(bindings);
  const nameOf = (n: SyntaxNode) => resolver.nameOf(n);
  const values = new JsValues(bindings, nameOf);
  const modules = importedModules(root);
  const findings: RawFinding[] = [];
  const versionBound: VersionBoundFinding[] = [];
  const checks = jsRules.map((rule) => {
    const ctx: JsContext = {
      kindOf: (n) => values.kindOf(n),
      constantOf: (n) => values.constantOf(n),
      inputOf: (n) => values.inputOf(n),
      nameOf,
      assignedValues: (n) => assignedValues(bindings, n),
      imports: (m) => modules.has(m),
      report: (at, options) => findings.push(makeFinding(rule, file.path, source, nodeRange(at), options)),
      reportBelow: (at, bound, options) => {
        const finding = makeFinding(rule, file.path, source, nodeRange(at), options);
        findings.push(finding);
        versionBound.push({ ruleId: rule.id, line: finding.location.startLine, column: finding.location.startColumn, ...bound });
      },
    };
    return { rule, ctx };
  });
  const uses = new Map<string, number>();
  for (const node of root.descendantsOfType(['call_expression', 'new_expression'])) {
    const call = callSite(node, nameOf);
    if (!call) continue;
    if (call.name !== undefined && !uses.has(call.name)) uses.set(call.name, node.startPosition.row + 1);
    for (const { rule, ctx } of checks) rule.onCall(call, ctx);
  }
  const facts: ScriptFacts = {
    imports: [...modules].sort(),
    uses: [...uses].map(([name, line]) => ({ name, line })),
    ...(versionBound.length > 0 ? { versionBound } : {}),
  };
  return { findings, problems: root.hasError ? [syntaxProblem(root, dialectOf(file.path))] : [], facts };
}

function assignedValues(bindings: Bindings, name: SyntaxNode): SyntaxNode[] | undefined {
  const visible = bindings.visibleAt(name.text, name) ?? [];
  const values = visible.flatMap((b) => (b.kind === 'assign' ? [b.value] : []));
  return values.length > 0 && values.length === visible.length ? values : undefined;
}

function callSite(node: SyntaxNode, nameOf: (n: SyntaxNode) => string | undefined): CallSite | undefined {
  const fn = node.childForFieldName(node.type === 'call_expression' ? 'function' : 'constructor');
  if (!fn) return undefined;
  const args = node.childForFieldName('arguments');
  const callee = unwrap(fn);
  const member = callee.type === 'member_expression';
  return {
    node,
    name: nameOf(fn),
    method: member ? callee.childForFieldName('property')?.text : undefined,
    receiver: member ? (callee.childForFieldName('object') ?? undefined) : undefined,
    args: args?.type === 'arguments' ? args.namedChildren.filter((a) => a.type !== 'comment') : [],
    tagged: args?.type === 'template_string',
  };
}

/** Every module the file imports or requires, normalized. */
function importedModules(root: SyntaxNode): Set<string> {
  const modules = new Set<string>();
  for (const node of root.descendantsOfType(['import_statement', 'call_expression'])) {
    const specifier = node.type === 'call_expression' ? moduleSpecifier(node) : importSource(node);
    if (specifier !== undefined) modules.add(moduleName(specifier));
  }
  return modules;
}

function importSource(node: SyntaxNode): string | undefined {
  const source = node.childForFieldName('source') ?? node.descendantsOfType('import_require_clause')[0]?.childForFieldName('source');
  return source ? source.text.slice(1, -1) : undefined;
}

/** Tree-sitter recovers from syntax errors; the analysis goes on, but the user hears where. */
function syntaxProblem(root: SyntaxNode, dialect: string): string {
  const lines = new Set<number>();
  for (const node of root.descendantsOfType('ERROR')) {
    lines.add(node.startPosition.row + 1);
    if (lines.size === MAX_SYNTAX_ERRORS_LISTED) break;
  }
  const where = lines.size > 0 ? ` near line ${[...lines].join(', ')}` : '';
  const language = dialect === 'javascript' ? 'JavaScript' : 'TypeScript';
  return `${language} syntax error${where}; the rest of the file was analysed`;
}

