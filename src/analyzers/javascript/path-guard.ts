import type { JsContext } from './js-rule.js';
import { type SyntaxNode, unwrap } from './parser.js';

/** Calls whose result is a normalised path, with every `..` already applied: a prefix test on it means what it says. */
const CANONICAL = new Set([
  ...['resolve', 'normalize', 'join'].flatMap((f) => [`path.${f}`, `path.posix.${f}`, `path.win32.${f}`]),
  'fs.realpathSync',
  'fs.realpathSync.native',
  'fs.realpath',
  'fs.promises.realpath',
]);
const EXITS = new Set(['throw_statement', 'return_statement', 'continue_statement', 'break_statement']);

/**
 * Whether the path `arg` names is checked to stay under a base before `use` runs: a name that only
 * ever holds a normalised path (`path.resolve(base, name)`, `fs.realpathSync(…)`) and is tested
 * with `startsWith` — either `if (!p.startsWith(base)) throw/return …` earlier in a block around
 * the use, or the use inside `if (p.startsWith(base)) { … }` —, or whose `path.relative(base, p)`
 * is tested for a leading `..` the same way. A prefix test on an unnormalised path is no check:
 * `base/../etc` starts with `base`.
 */
export function checkedUnderBase(ctx: JsContext, use: SyntaxNode, arg: SyntaxNode): boolean {
  const name = unwrap(arg);
  if (name.type !== 'identifier' || !holdsOnly(ctx, name, (v) => CANONICAL.has(calleeName(ctx, v) ?? ''))) return false;
  for (let node = use; node.parent; node = node.parent) {
    const parent = node.parent;
    if (parent.type === 'if_statement' && parent.childForFieldName('consequence')?.id === node.id && testsContainment(ctx, parent, name.text, true)) return true;
    if (parent.type !== 'statement_block' && parent.type !== 'program') continue;
    for (let before = node.previousNamedSibling; before; before = before.previousNamedSibling) {
      if (before.type === 'if_statement' && exits(before.childForFieldName('consequence')) && testsContainment(ctx, before, name.text, false)) return true;
    }
  }
  return false;
}

/**
 * Whether an if statement's condition tests `name` for containment: `inside` wants a test that
 * holds for a contained path (`p.startsWith(base)`, alone or in `&&`), otherwise one that holds
 * for an escaping path (`!p.startsWith(base)`, `rel.startsWith('..')`, alone or in `||`).
 */
function testsContainment(ctx: JsContext, ifStatement: SyntaxNode, name: string, inside: boolean): boolean {
  const condition = ifStatement.childForFieldName('condition');
  return condition !== null && terms(unwrap(condition), inside ? '&&' : '||').some((term) => (inside ? prefixTest(term, name) : escapeTest(ctx, term, name)));
}

function escapeTest(ctx: JsContext, term: SyntaxNode, name: string): boolean {
  if (term.type === 'unary_expression' && term.childForFieldName('operator')?.text === '!') {
    const argument = term.childForFieldName('argument');
    return argument !== null && prefixTest(unwrap(argument), name);
  }
  // `path.relative(base, p).startsWith('..')`, directly or through a name holding it.
  const subject = startsWithSubject(term);
  if (!subject || unwrap(term.childForFieldName('arguments')?.namedChildren[0] ?? term).text.replace(/['"`]/g, '') !== '..') return false;
  const relativeOf = (v: SyntaxNode) => calleeName(ctx, v) === 'path.relative' && unwrap(v.childForFieldName('arguments')?.namedChildren[1] ?? v).text === name;
  return relativeOf(subject) || (subject.type === 'identifier' && holdsOnly(ctx, subject, relativeOf));
}

/** `name.startsWith(…)`. */
function prefixTest(term: SyntaxNode, name: string): boolean {
  return startsWithSubject(term)?.text === name;
}

function startsWithSubject(term: SyntaxNode): SyntaxNode | undefined {
  const fn = term.type === 'call_expression' ? term.childForFieldName('function') : null;
  if (fn?.type !== 'member_expression' || fn.childForFieldName('property')?.text !== 'startsWith') return undefined;
  const object = fn.childForFieldName('object');
  return object ? unwrap(object) : undefined;
}

/** The operands of a chain of one logical operator: `a || b || c` → a, b, c. */
function terms(condition: SyntaxNode, operator: string): SyntaxNode[] {
  if (condition.type !== 'binary_expression' || condition.childForFieldName('operator')?.text !== operator) return [condition];
  return [condition.childForFieldName('left'), condition.childForFieldName('right')].flatMap((side) => (side ? terms(unwrap(side), operator) : []));
}

/** A branch that leaves: throw, return, continue or break, alone or last in its block. */
function exits(branch: SyntaxNode | null): boolean {
  const last = branch?.type === 'statement_block' ? branch.lastNamedChild : branch;
  return last !== null && last !== undefined && EXITS.has(last.type);
}

/** Whether every value the file assigns `name` passes `test` (`await` looked through). */
function holdsOnly(ctx: JsContext, name: SyntaxNode, test: (value: SyntaxNode) => boolean): boolean {
  return ctx.assignedValues(name)?.every((v) => test(unwrap(v))) ?? false;
}

function calleeName(ctx: JsContext, node: SyntaxNode): string | undefined {
  const fn = node.type === 'call_expression' ? node.childForFieldName('function') : null;
  return fn ? ctx.nameOf(fn) : undefined;
}
