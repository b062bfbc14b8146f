import type { Resolver } from '../resolver.js';
import type { SyntaxNode } from '../parser.js';
import type { SpanIndex } from '../../spans.js';
import { CHECKING_METHODS, MATCHERS, VALIDATING_CALLS, VALIDATING_METHODS } from './sanitizers.js';

interface Range {
  start: number;
  end: number;
}

/** Statements that leave the block, so code after a failed check never runs. */
const EXITS = new Set(['raise_statement', 'return_statement', 'continue_statement', 'break_statement']);

/**
 * Where a name has been checked: inside `if x in ALLOWED:` or `if re.fullmatch(P, x):`, after
 * `if x not in ALLOWED: raise …`, in the true branch of `x if x in ALLOWED else …`, and after
 * `assert …`/`jsonschema.validate(x, …)` in the same function. A read there is validated.
 */
export class Guards {
  private readonly ranges = new Map<string, Range[]>();

  constructor(
    root: SyntaxNode,
    text: string,
    private readonly resolver: Resolver,
    private readonly functions: SpanIndex<SyntaxNode>,
  ) {
    // Statement-level validators are calls named `validate…`; without the word, calls need no look.
    const types = ['if_statement', 'conditional_expression', 'assert_statement', ...(text.includes('validate') ? ['call'] : [])];
    for (const node of root.descendantsOfType(types)) this.collect(node, root);
  }

  validates(name: string, read: SyntaxNode): boolean {
    return this.ranges.get(name)?.some((r) => r.start <= read.startIndex && read.startIndex < r.end) ?? false;
  }

  private add(names: string[], range: Range): void {
    for (const name of names) {
      const list = this.ranges.get(name);
      if (list) list.push(range);
      else this.ranges.set(name, [range]);
    }
  }

  private scopeEnd(node: SyntaxNode, root: SyntaxNode): number {
    return (this.functions.around(node).next().value ?? root).endIndex;
  }

  private collect(node: SyntaxNode, root: SyntaxNode): void {
    switch (node.type) {
      case 'if_statement': {
        const condition = node.childForFieldName('condition');
        const body = node.childForFieldName('consequence');
        if (!condition || !body) return;
        const { positive, negative } = this.checked(condition);
        this.add(positive, { start: body.startIndex, end: body.endIndex });
        const last = body.namedChildren.at(-1);
        if (last && EXITS.has(last.type)) this.add(negative, { start: node.endIndex, end: this.scopeEnd(node, root) });
        return;
      }
      case 'conditional_expression': {
        const [value, condition] = node.namedChildren;
        if (value && condition) this.add(this.checked(condition).positive, { start: value.startIndex, end: value.endIndex });
        return;
      }
      case 'assert_statement': {
        const condition = node.namedChildren[0];
        if (condition) this.add(this.checked(condition).positive, { start: node.endIndex, end: this.scopeEnd(node, root) });
        return;
      }
      default: {
        const call = this.resolver.callSite(node);
        const validating =
          (call.name !== undefined && VALIDATING_CALLS.includes(call.name)) || (call.method !== undefined && VALIDATING_METHODS.includes(call.method));
        const checked = call.positional[0] ?? call.keywords.get('instance');
        if (validating && checked?.type === 'identifier') this.add([checked.text], { start: node.endIndex, end: this.scopeEnd(node, root) });
      }
    }
  }

  /** Names a condition confines when true (positive) and when false (negative). */
  private checked(condition: SyntaxNode): { positive: string[]; negative: string[] } {
    switch (condition.type) {
      case 'parenthesized_expression':
        return condition.namedChildren[0] ? this.checked(condition.namedChildren[0]) : { positive: [], negative: [] };
      case 'not_operator': {
        const inner = condition.childForFieldName('argument');
        const { positive, negative } = inner ? this.checked(inner) : { positive: [], negative: [] };
        return { positive: negative, negative: positive };
      }
      case 'boolean_operator': {
        const parts = [condition.childForFieldName('left'), condition.childForFieldName('right')].map((p) => (p ? this.checked(p) : { positive: [], negative: [] }));
        const and = condition.childForFieldName('operator')?.type === 'and';
        return and ? { positive: parts.flatMap((p) => p.positive), negative: [] } : { positive: [], negative: parts.flatMap((p) => p.negative) };
      }
      case 'comparison_operator': {
        const subject = condition.namedChildren[0];
        const operators = condition.children.filter((c) => !c.isNamed).map((c) => c.type);
        if (subject?.type !== 'identifier' || operators.length !== 1) return { positive: [], negative: [] };
        if (operators[0] === 'in') return { positive: [subject.text], negative: [] };
        if (operators[0] === 'not in') return { positive: [], negative: [subject.text] };
        return { positive: [], negative: [] };
      }
      case 'call': {
        const call = this.resolver.callSite(condition);
        const fn = condition.childForFieldName('function');
        if (call.method && CHECKING_METHODS.has(call.method)) {
          const receiver = fn?.childForFieldName('object');
          return { positive: receiver?.type === 'identifier' ? [receiver.text] : [], negative: [] };
        }
        const matcher = (call.name !== undefined && MATCHERS.includes(call.name)) || call.method === 'fullmatch';
        const subject = call.method === 'fullmatch' && !MATCHERS.includes(call.name ?? '') ? call.positional[0] : call.positional[1];
        return { positive: matcher && subject?.type === 'identifier' ? [subject.text] : [], negative: [] };
      }
      default:
        return { positive: [], negative: [] };
    }
  }
}
