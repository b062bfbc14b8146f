import type { AnalyzerOutput, FileAnalyzer, RawFinding, SourceFile } from '../../core/analyzer.js';
import { makeFinding } from '../../core/make-finding.js';
import { SourceText } from '../../core/source-text.js';
import { collectBindings } from './bindings.js';
import { collectImports } from './imports.js';
import { parsePython, type SyntaxNode, type Tree, UnparseableSource } from './parser.js';
import type { PythonContext, PythonRule } from './python-rule.js';
import { Resolver } from './resolver.js';
import { pythonRules } from './rules/index.js';
import { ValueClassifier } from './values.js';
import { PYTHON_ANALYZER, type PythonFacts } from './facts.js';

export const pythonAnalyzer: FileAnalyzer = {
  name: PYTHON_ANALYZER,
  category: 'sast',
  rules: pythonRules,
  required: (file) => file.kind === 'python',
  analyze: analyzePython,
};

const MAX_SYNTAX_ERRORS_LISTED = 3;

function analyzePython(file: SourceFile): AnalyzerOutput {
  let tree: Tree;
  try {
    tree = parsePython(file.text);
  } catch (err) {
    if (err instanceof UnparseableSource) return { findings: [], problems: [err.message] };
    throw err;
  }
  const root = tree.rootNode;
  const source = new SourceText(file.text);
  const bindings = collectBindings(root);
  const imports = collectImports(root);
  const resolver = new Resolver(imports, bindings);
  const values = new ValueClassifier(bindings, (fn) => resolver.nameOf(fn));
  const findings: RawFinding[] = [];
  const checks = pythonRules.map((rule): [PythonRule, PythonContext] => [
    rule,
    {
      file,
      kindOf: (n) => values.kindOf(n),
      constantOf: (n) => values.constantOf(n),
      truthOf: (n) => values.truthOf(n),
      nameOf: (n) => resolver.nameOf(n),
      lineageOf: (n) => resolver.lineageOf(n),
      report: (at: SyntaxNode, options) => findings.push(makeFinding(rule, file.path, source, rangeOf(at), options)),
    },
  ]);

  const uses = new Map<string, number>();
  const use = (name: string | undefined, line: number) => {
    if (name && !uses.has(name)) uses.set(name, line);
  };
  for (const node of root.descendantsOfType('call')) {
    const call = resolver.callSite(node);
    const line = node.startPosition.row + 1;
    use(call.name, line);
    // Callables and classes handed over as arguments are used too (`Loader=yaml.FullLoader`).
    for (const arg of [...call.positional, ...call.keywords.values()]) {
      if (arg.type === 'attribute' || arg.type === 'identifier') use(resolver.nameOf(arg), line);
    }
    for (const [rule, ctx] of checks) rule.onCall(call, ctx);
  }
  const facts: PythonFacts = {
    imports: [...new Set(imports.values())].sort(),
    uses: [...uses].map(([name, line]) => ({ name, line })),
  };
  return { findings, problems: root.hasError ? [syntaxProblem(root)] : [], facts };
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

function rangeOf(node: SyntaxNode) {
  return {
    startLine: node.startPosition.row + 1,
    startColumn: node.startPosition.column + 1,
    endLine: node.endPosition.row + 1,
    endColumn: node.endPosition.column + 1,
  };
}
