import { runInputIn } from '../airflow-templated-operators.js';
import type { PythonLineage } from '../facts.js';
import type { SyntaxNode } from '../parser.js';
import type { Resolver } from '../resolver.js';
import type { ValueClassifier } from '../values.js';

type Task = PythonLineage['tasks'][number];
type Edge = PythonLineage['taskEdges'][number];

const OPERATOR = /(Operator|Sensor)$/;
const TASK_DECORATORS = /^airflow\.(decorators|sdk)\.task(\.\w+)?$/;

/**
 * Airflow DAG structure of a module: tasks (operator instances with a task_id, and TaskFlow
 * `@task` functions) and the dependencies `>>`, `<<`, `set_downstream/set_upstream` and
 * `chain()` declare between them.
 */
export function airflowStructure(root: SyntaxNode, resolver: Resolver, values: ValueClassifier): Pick<PythonLineage, 'tasks' | 'taskEdges'> {
  const tasks: Task[] = [];
  const byVariable = new Map<string, string>();
  const byFunction = new Map<string, string>();
  const byCall = new Map<number, string>();

  for (const def of root.descendantsOfType('decorated_definition')) {
    const fn = def.childForFieldName('definition');
    const name = fn?.type === 'function_definition' ? fn.childForFieldName('name')?.text : undefined;
    if (!fn || !name) continue;
    const decorator = def.namedChildren.find((d) => d.type === 'decorator' && isTaskDecorator(d, resolver));
    if (!decorator) continue;
    const taskId = keywordConstant(decorator.namedChildren[0], 'task_id', values) ?? name;
    byFunction.set(name, taskId);
    const image = imageOf(decorator.namedChildren[0], values);
    tasks.push({ taskId, operator: '@task', callable: name, line: fn.startPosition.row + 1, ...(image ? { image } : {}) });
  }

  for (const call of root.descendantsOfType('call')) {
    const fn = call.childForFieldName('function');
    const name = fn ? resolver.nameOf(fn) : undefined;
    const taskId = keywordConstant(call, 'task_id', values);
    if (!name || taskId === undefined || !OPERATOR.test(name)) continue;
    const callable = keywordNode(call, 'python_callable')?.text;
    const image = imageOf(call, values);
    tasks.push({ taskId, operator: name.split('.').at(-1) ?? name, ...(callable ? { callable } : {}), line: call.startPosition.row + 1, ...(image ? { image } : {}) });
    byCall.set(call.id, taskId);
    const parent = call.parent;
    const target = parent?.type === 'assignment' ? parent.childForFieldName('left') : undefined;
    if (target?.type === 'identifier') byVariable.set(target.text, taskId);
  }
  if (tasks.length === 0) return { tasks, taskEdges: [] };

  const tasksOf = (node: SyntaxNode | null | undefined): string[] => {
    if (!node) return [];
    switch (node.type) {
      case 'identifier':
        return byVariable.has(node.text) ? [byVariable.get(node.text)!] : [];
      case 'call': {
        const fn = node.childForFieldName('function');
        const own = byCall.get(node.id) ?? (fn?.type === 'identifier' ? byFunction.get(fn.text) : undefined);
        return own ? [own] : [];
      }
      case 'list':
      case 'tuple':
      case 'parenthesized_expression':
        return node.namedChildren.flatMap(tasksOf);
      case 'binary_operator':
        return isShift(node) ? tasksOf(node.childForFieldName('right')) : [];
      default:
        return [];
    }
  };

  const edges: Edge[] = [];
  const link = (from: string[], to: string[], line: number) => {
    for (const f of from) for (const t of to) edges.push({ from: f, to: t, line });
  };
  for (const op of root.descendantsOfType('binary_operator')) {
    if (!isShift(op)) continue;
    const left = tasksOf(op.childForFieldName('left'));
    const right = tasksOf(op.childForFieldName('right'));
    const line = op.startPosition.row + 1;
    if (op.childForFieldName('operator')?.type === '>>') link(left, right, line);
    else link(right, left, line);
  }
  for (const call of root.descendantsOfType('call')) {
    const fn = call.childForFieldName('function');
    const line = call.startPosition.row + 1;
    const args = call.childForFieldName('arguments')?.namedChildren ?? [];
    if (fn?.type === 'attribute') {
      const method = fn.childForFieldName('attribute')?.text;
      const self = tasksOf(fn.childForFieldName('object'));
      const other = args.flatMap(tasksOf);
      if (method === 'set_downstream') link(self, other, line);
      if (method === 'set_upstream') link(other, self, line);
    } else if (fn && /(^|\.)chain$/.test(resolver.nameOf(fn) ?? '')) {
      for (let i = 0; i + 1 < args.length; i++) link(tasksOf(args[i]), tasksOf(args[i + 1]), line);
    }
  }
  return { tasks, taskEdges: edges };
}

function isShift(node: SyntaxNode): boolean {
  const op = node.childForFieldName('operator')?.type;
  return op === '>>' || op === '<<';
}

function isTaskDecorator(decorator: SyntaxNode, resolver: Resolver): boolean {
  const expr = decorator.namedChildren[0];
  const callee = expr?.type === 'call' ? expr.childForFieldName('function') : expr;
  const name = callee ? resolver.nameOf(callee) : undefined;
  return name !== undefined && TASK_DECORATORS.test(name);
}

function keywordNode(call: SyntaxNode | undefined, keyword: string): SyntaxNode | undefined {
  if (call?.type !== 'call') return undefined;
  const arg = call.childForFieldName('arguments')?.namedChildren.find((a) => a.type === 'keyword_argument' && a.childForFieldName('name')?.text === keyword);
  return arg?.childForFieldName('value') ?? undefined;
}

function keywordConstant(call: SyntaxNode | undefined, keyword: string, values: ValueClassifier): string | undefined {
  const node = keywordNode(call, keyword);
  const value = node ? values.constantOf(node) : undefined;
  return typeof value === 'string' ? value : undefined;
}

/** The literal `image=` of an operator or a `@task.docker`/`@task.kubernetes` decorator; a Jinja template names no image until the run. */
function imageOf(call: SyntaxNode | undefined, values: ValueClassifier): Task['image'] {
  const reference = keywordConstant(call, 'image', values)?.trim();
  if (!reference || reference.includes('{{')) return undefined;
  return { reference, line: keywordNode(call, 'image')!.startPosition.row + 1 };
}

export interface TemplatedParameter {
  expression: string;
  line: number;
}

/** Operators that call a Python function of the DAG's with `op_args`/`op_kwargs`, rendered as templates first. */
const PYTHON_OPERATOR = /\.(?:Python|BranchPython|ShortCircuit|PythonVirtualenv|ExternalPython)Operator$/;

/**
 * The parameters that Python operators fill with templates splicing run input
 * (`op_kwargs={"table": "{{ dag_run.conf['table'] }}"}`), by the function node's id and parameter
 * name, with the Jinja expression and the operator's line. `callableOf` resolves `python_callable=`
 * to a function of this file.
 */
export function templatedParameters(
  root: SyntaxNode,
  resolver: Resolver,
  values: ValueClassifier,
  callableOf: (node: SyntaxNode) => SyntaxNode | undefined,
  parameterNames: (fn: SyntaxNode) => string[],
): Map<number, Map<string, TemplatedParameter>> {
  const found = new Map<number, Map<string, TemplatedParameter>>();
  for (const call of root.descendantsOfType('call')) {
    const name = resolver.nameOf(call.childForFieldName('function') ?? call);
    const callable = name && PYTHON_OPERATOR.test(name) ? keywordNode(call, 'python_callable') : undefined;
    const fn = callable ? callableOf(callable) : undefined;
    if (!fn) continue;
    const filled = new Map<string, TemplatedParameter>();
    const note = (param: string | undefined, value: SyntaxNode | null | undefined) => {
      const text = value ? values.constantOf(value) : undefined;
      const input = typeof text === 'string' ? runInputIn(text) : undefined;
      if (param && input) filled.set(param, { expression: input.expression, line: call.startPosition.row + 1 });
    };
    const params = parameterNames(fn);
    for (const [i, arg] of (keywordNode(call, 'op_args')?.namedChildren ?? []).entries()) note(params[i], arg);
    const kwargs = keywordNode(call, 'op_kwargs');
    for (const pair of kwargs?.type === 'dictionary' ? kwargs.namedChildren : []) {
      const key = pair.type === 'pair' ? pair.childForFieldName('key') : null;
      const param = key ? values.constantOf(key) : undefined;
      if (typeof param === 'string') note(param, pair.childForFieldName('value'));
    }
    if (filled.size > 0) found.set(fn.id, filled);
  }
  return found;
}
