import type { PythonLineage } from '../facts.js';
import type { SyntaxNode } from '../parser.js';
import type { Resolver } from '../resolver.js';
import type { ValueClassifier } from '../values.js';
import { airflowStructure } from './airflow.js';
import type { TaintChecker } from './checker.js';
import type { TaintEngine } from './engine.js';
import type { SinkKind } from './sinks.js';
import { schemaValidatedSources } from './schema-validation.js';

/**
 * Words that name-shaped sources (`sys.argv`, `os.environ[…]`, `request.args`, `dag_run.conf`,
 * `context["params"]`) contain. Only the nodes around these words are looked at, found by
 * offset, rather than every attribute and name in the file.
 */
const NAME_SOURCE_WORD = /\b(argv|environ|request|dag_run|params|stdin)\b/g;
/** How far up from the word a source node can be: `os.environ` ← `os.environ["K"]`. */
const SOURCE_NODE_HEIGHT = 3;
const SOURCE_NODE_TYPES = new Set(['identifier', 'attribute', 'subscript']);
/** Sink kinds that are places data goes to, in the lineage whether or not a flow reaches them. */
const DESTINATIONS: ReadonlySet<SinkKind> = new Set<SinkKind>(['file', 'table', 'bucket', 'api', 'queue']);

/**
 * Has the engine meet the name-shaped ingestion points no sink's flow led it to (`sys.argv`
 * read into a variable nothing dangerous uses), so that the lineage and the module's summary
 * know every one of them.
 */
export function meetNameSources(root: SyntaxNode, text: string, engine: TaintEngine): void {
  for (const match of text.matchAll(NAME_SOURCE_WORD)) {
    let node: SyntaxNode | null = root.namedDescendantForIndex(match.index, match.index + match[0].length);
    for (let up = 0; node && up < SOURCE_NODE_HEIGHT; up++, node = node.parent) {
      if (SOURCE_NODE_TYPES.has(node.type) && engine.sourceAt(node)) break;
    }
  }
}

/**
 * The module's lineage: its ingestion points, sinks and writes, functions and Airflow tasks.
 * Built last, once the summary has followed the arguments of calls into other modules, which can
 * meet ingestion points no sink here reaches (`for line in f: other.parse(line)`).
 */
export function lineageOf(root: SyntaxNode, text: string, checker: TaintChecker, resolver: Resolver, values: ValueClassifier, calls: Map<string, string[]>): PythonLineage {
  const engine = checker.engine;
  // A sink that is no data destination (a shell command, eval, a regex…) belongs in the lineage
  // only as the end of a flow; reached by nothing, `re.compile("[0-9]+")` would be a node of noise.
  // Nor is a call that is also an ingestion point (pandas.read_sql runs its query, but reads), or
  // a constant SELECT run through a cursor: the rows it fetches are the ingestion point. Files
  // opened for reading and loaded objects stay, drawn as what their job reads.
  const read = engine.sources.filter((s) => !s.discarded);
  const readIds = new Set(read.map((s) => s.id));
  const sinks = [...checker.sinks.values()].filter((s) => (DESTINATIONS.has(s.kind) && !readIds.has(s.id) && !(s.reads && s.kind === 'table')) || s.sources.size > 0);
  const validatedSources = new Set<string>();
  for (const sink of sinks) if (sink.validated) for (const s of sink.sources) validatedSources.add(s);
  const schemaChecked = schemaValidatedSources(checker.calls, engine, resolver);
  const sources = read.map(({ credential: _, discarded: __, ...hit }) => ({ ...hit, validated: validatedSources.has(hit.id), schemaValidated: schemaChecked.has(hit.id) }));
  const functions = root.descendantsOfType('function_definition').map((fn) => {
    const name = engine.functionAt(fn.childForFieldName('body') ?? fn) ?? fn.childForFieldName('name')?.text ?? '';
    return { name, line: fn.startPosition.row + 1, calls: calls.get(name) ?? [] };
  });
  return {
    sources,
    sinks: sinks.map(({ family: _, reads, sources: reaching, ...sink }) => ({ ...sink, ...(reads ? { reads } : {}), sources: [...reaching] })),
    functions,
    ...(/airflow/.test(text) ? airflowStructure(root, resolver, values) : { tasks: [], taskEdges: [] }),
  };
}
