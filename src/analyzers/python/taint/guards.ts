import type { Resolver } from '../resolver.js';
import type { SyntaxNode } from '../parser.js';
import type { SpanIndex } from '../../spans.js';
import { CHECKING_METHODS, MATCHERS, VALIDATING_CALLS, VALIDATING_METHODS } from './sanitizers.js';
import type { SinkFamily } from './sinks.js';

interface Range {
  start: number;
  end: number;
  /** A check that confines the value to a safe shape (allow-list, full match, isdigit…), not just a validator's say-so. */
  confining: boolean;
  /** The sink families the check makes the value safe for, when not all (a containment check: path traversal). */
  stops?: readonly SinkFamily[];
}

/** Predicates on a canonical path (`os.path.realpath(p)`, `Path(p).resolve()`) that keep it under a base: `p.startswith(BASE)`, `p.is_relative_to(BASE)`. */
const CONTAINMENT_METHODS = new Set(['startswith', 'is_relative_to']);

/** Statements that leave the block, so code after a failed check never runs. */
const EXITS = new Set(['raise_statement', 'return_statement', 'continue_statement', 'break_statement']);

/**
 * Where a value has been checked: inside `if x in ALLOWED:` or `if re.fullmatch(P, x):`, after
 * `if x not in ALLOWED: raise …`, in the true branch of `x if x in ALLOWED else …`, and after
 * `assert …`/`jsonschema.validate(x, …)` in the same function. The value is a name or a path
 * from one (`row["kind"]`, `cfg.mode`: see accessPath); a read of the same path there is validated.
 */
export class Guards {
  private readonly ranges = new Map<string, Range[]>();

  constructor(
    root: SyntaxNode,
    text: string,
    private readonly resolver: Resolver,
    private readonly functions: SpanIndex<SyntaxNode>,
    /** Whether a name or expression holds a canonical path, `..` resolved: only then does a prefix check contain it. */
    private readonly canonical: (node: SyntaxNode) => boolean,
  ) {
    // Statement-level validators are calls named `validate…`; without the word, calls need no look.
    const types = ['if_statement', 'conditional_expression', 'assert_statement', ...(text.includes('validate') ? ['call'] : [])];
    for (const node of root.descendantsOfType(types)) this.collect(node, root);
  }

  validates(path: string, read: SyntaxNode): boolean {
    return this.covering(path, read).some((r) => !r.stops);
  }

  /** The sink families a check that makes the value safe only for them (a containment check) covers the read for. */
  stopsAt(path: string, read: SyntaxNode): SinkFamily[] {
    return this.covering(path, read).flatMap((r) => r.stops ?? []);
  }

  /**
   * Whether a check around the read confines the value to an allowed set or shape, so that
   * splicing it into a command or query cannot rewrite it; a schema validator's pass does not
   * (a valid string field may hold anything).
   */
  confines(path: string, read: SyntaxNode): boolean {
    return this.covering(path, read).some((r) => r.confining && !r.stops);
  }

  private covering(path: string, read: SyntaxNode): Range[] {
    return this.ranges.get(path)?.filter((r) => r.start <= read.startIndex && read.startIndex < r.end) ?? [];
  }

  private add(checks: Check[], range: Omit<Range, 'confining' | 'stops'>): void {
    for (const { path, confining, stops } of checks) {
      const entry = { ...range, confining, ...(stops ? { stops } : {}) };
      const list = this.ranges.get(path);
      if (list) list.push(entry);
      else this.ranges.set(path, [entry]);
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
        if (validating && checked) this.add(checksOf(checked, false), { start: node.endIndex, end: this.scopeEnd(node, root) });
      }
    }
  }

  /** `os.path.commonpath([BASE, p]) == BASE`: the canonical paths in the list, kept under the base when it holds. */
  private commonPathChecks(operands: SyntaxNode[]): Check[] {
    return operands.flatMap((operand) => {
      if (operand.type !== 'call' || this.resolver.callSite(operand).name !== 'os.path.commonpath') return [];
      const list = operand.childForFieldName('arguments')?.namedChildren[0];
      const paths = list?.type === 'list' || list?.type === 'tuple' ? list.namedChildren : [];
      return paths.filter((p) => this.canonical(p)).flatMap((p) => checksOf(p, true).map((c) => ({ ...c, stops: ['path-traversal'] as const })));
    });
  }

  /** What a condition checks when true (positive) and when false (negative). */
  private checked(condition: SyntaxNode): { positive: Check[]; negative: Check[] } {
    switch (condition.type) {
      case 'parenthesized_expression':
        return condition.namedChildren[0] ? this.checked(condition.namedChildren[0]) : NOTHING;
      case 'not_operator': {
        const inner = condition.childForFieldName('argument');
        const { positive, negative } = inner ? this.checked(inner) : NOTHING;
        return { positive: negative, negative: positive };
      }
      case 'boolean_operator': {
        const parts = [condition.childForFieldName('left'), condition.childForFieldName('right')].map((p) => (p ? this.checked(p) : NOTHING));
        const and = condition.childForFieldName('operator')?.type === 'and';
        return and ? { positive: parts.flatMap((p) => p.positive), negative: [] } : { positive: [], negative: parts.flatMap((p) => p.negative) };
      }
      case 'comparison_operator': {
        const subject = condition.namedChildren[0];
        const operators = condition.children.filter((c) => !c.isNamed).map((c) => c.type);
        if (operators.length === 1 && (operators[0] === '==' || operators[0] === '!=')) {
          const contained = this.commonPathChecks(condition.namedChildren);
          return operators[0] === '==' ? { positive: contained, negative: [] } : { positive: [], negative: contained };
        }
        const checks = subject ? checksOf(subject, true) : [];
        if (checks.length === 0 || operators.length !== 1) return NOTHING;
        if (operators[0] === 'in') return { positive: checks, negative: [] };
        if (operators[0] === 'not in') return { positive: [], negative: checks };
        return NOTHING;
      }
      case 'call': {
        const call = this.resolver.callSite(condition);
        const fn = condition.childForFieldName('function');
        if (call.method && CHECKING_METHODS.has(call.method)) {
          const receiver = fn?.childForFieldName('object');
          return { positive: receiver ? checksOf(receiver, true) : [], negative: [] };
        }
        if (call.method && CONTAINMENT_METHODS.has(call.method)) {
          const receiver = fn?.childForFieldName('object');
          const contained = receiver && this.canonical(receiver) ? checksOf(receiver, true) : [];
          return { positive: contained.map((c) => ({ ...c, stops: ['path-traversal'] })), negative: [] };
        }
        const matcher = (call.name !== undefined && MATCHERS.includes(call.name)) || call.method === 'fullmatch';
        const subject = call.method === 'fullmatch' && !MATCHERS.includes(call.name ?? '') ? call.positional[0] : call.positional[1];
        // re.match only anchors the start: it checks the whole value only with a pattern that ends in $ or \Z.
        if (call.name === 're.match' && !endAnchored(call.positional[0])) return NOTHING;
        return { positive: matcher && subject ? checksOf(subject, true) : [], negative: [] };
      }
      default:
        return NOTHING;
    }
  }
}

/**
 * The text a check and a later read of the same value share: a name, or a name followed by
 * attributes and constant subscripts (`row["kind"]` and `row['kind']` alike); undefined for
 * anything else, whose value a check cannot pin down.
 */
export function accessPath(node: SyntaxNode): string | undefined {
  switch (node.type) {
    case 'identifier':
      return node.text;
    case 'attribute': {
      const object = node.childForFieldName('object');
      const base = object ? accessPath(object) : undefined;
      const attribute = node.childForFieldName('attribute')?.text;
      return base !== undefined && attribute ? `${base}.${attribute}` : undefined;
    }
    case 'subscript': {
      const value = node.childForFieldName('value');
      const base = value ? accessPath(value) : undefined;
      const key = node.childForFieldName('subscript');
      const constant = key ? constantKey(key) : undefined;
      return base !== undefined && constant !== undefined ? `${base}[${constant}]` : undefined;
    }
    default:
      return undefined;
  }
}

/** A value a check looks at, whether the check confines it to an allowed set or shape, and for which families when not all. */
interface Check {
  path: string;
  confining: boolean;
  stops?: readonly SinkFamily[];
}

const NOTHING: { positive: Check[]; negative: Check[] } = { positive: [], negative: [] };

function checksOf(node: SyntaxNode, confining: boolean): Check[] {
  const path = accessPath(node);
  return path === undefined ? [] : [{ path, confining }];
}

/** A literal pattern that must match up to the end of the text. */
function endAnchored(pattern: SyntaxNode | undefined): boolean {
  return pattern?.type === 'string' && /(?:\$|\\Z)(?:'''|"""|'|")$/.test(pattern.text);
}

/** An integer or plain one-line string key, in one spelling whatever its quotes. */
function constantKey(key: SyntaxNode): string | undefined {
  if (key.type === 'integer') return key.text;
  if (key.type !== 'string' || key.namedChildren.some((c) => c.type === 'interpolation')) return undefined;
  const quoted = /^(['"])(.*)\1$/s.exec(key.text);
  return quoted ? JSON.stringify(quoted[2]) : undefined;
}
