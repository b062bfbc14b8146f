import type { SyntaxNode } from '../parser.js';
import type { PythonContext, PythonRule } from '../python-rule.js';

const BROAD = new Set(['Exception', 'BaseException', 'builtins.Exception', 'builtins.BaseException']);
const SILENT = new Set(['pass_statement', 'continue_statement', 'expression_statement']);
/** Calls in the try body that suggest it validates or parses input, by the function's own name. */
const VALIDATING = /(valid|check|verify|pars|schema|clean|sanit|convert|coerce|load)/i;
/** Modules whose functions merely share those words: `subprocess.check_output` runs a program. */
const NOT_VALIDATING = ['subprocess.', 'os.'];

export const exceptPass: PythonRule = {
  id: 'py.error-handling.except-pass',
  title: 'Broad exception silently swallowed',
  category: 'sast',
  severity: 'low',
  confidence: 'medium',
  cwe: ['CWE-390', 'CWE-703'],
  what:
    'Finds `except:` / `except Exception:` handlers whose body only passes or continues. A try that only converts a name ' +
    'in place (`value = json.loads(value)`) keeps the unconverted value on failure and is ranked low.',
  why:
    'Around parsing and validation this turns every malformed or poisoned record into a silent skip — or, worse, lets it ' +
    'through half-processed — and leaves no trace in the logs. A pipeline then loses or corrupts data without anyone ' +
    'noticing, and an attacker can probe the validation freely.',
  remediation:
    'Catch the specific exceptions you expect, and quarantine the record with a logged reason (a rejects file or table) ' +
    'instead of dropping it; count rejects and alert when they spike.',
  bad: [
    {
      file: 'jobs/clean_orders.py',
      code:
        'def clean(rows):\n' +
        '    kept = []\n' +
        '    for row in rows:\n' +
        '        try:\n' +
        '            kept.append(validate_order(row))\n' +
        '        except Exception:\n' +
        '            continue\n' +
        '    return kept\n',
    },
  ],
  good: [
    {
      file: 'jobs/clean_orders.py',
      code:
        'import logging\n\nlog = logging.getLogger(__name__)\n\n\n' +
        'def clean(rows, rejects):\n' +
        '    kept = []\n' +
        '    for row in rows:\n' +
        '        try:\n' +
        '            kept.append(validate_order(row))\n' +
        '        except ValueError as err:\n' +
        '            log.warning("rejected order %s: %s", row.get("id"), err)\n' +
        '            rejects.append((row, str(err)))\n' +
        '    return kept\n',
    },
  ],
  bandit: ['B110', 'B112'],
  references: ['https://cwe.mitre.org/data/definitions/390.html', 'https://docs.python.org/3/tutorial/errors.html#handling-exceptions'],
  onNode: {
    types: ['except_clause'],
    check(node, ctx) {
      const block = node.namedChildren.find((c) => c.type === 'block');
      const caught = node.namedChildren.find((c) => c.type !== 'block');
      if (!block || !isSilent(block)) return;
      const type = caught?.type === 'as_pattern' ? caught.namedChildren[0] : caught;
      if (type && !BROAD.has(ctx.nameOf(type) ?? type.text)) return;
      const body = node.parent?.namedChildren.find((c) => c.type === 'block');
      const validates = body?.descendantsOfType('call').some((c) => isValidating(c, ctx)) ?? false;
      const caughtText = type ? `except ${type.text}` : 'bare except';
      if (body && keepsOriginal(body)) {
        ctx.report(node, { message: `${caughtText} keeps the unconverted value when conversion fails, without logging why`, severity: 'low', confidence: 'low' });
        return;
      }
      ctx.report(node, {
        message: `${caughtText} swallows every error${validates ? ' around validation or parsing: bad records vanish without a trace' : ' without logging it'}`,
        severity: validates ? 'medium' : 'low',
        confidence: validates ? 'high' : 'medium',
      });
    },
  },
};

/**
 * `try: value = loads(value)` and nothing else: on failure the name still holds what it held, so
 * the record is kept unconverted (a deliberate fallback), not lost.
 */
function keepsOriginal(body: SyntaxNode): boolean {
  const [only, ...rest] = body.namedChildren;
  const assignment = only?.type === 'expression_statement' && rest.length === 0 ? only.namedChildren[0] : undefined;
  if (assignment?.type !== 'assignment') return false;
  const target = assignment.childForFieldName('left');
  const value = assignment.childForFieldName('right');
  if (target?.type !== 'identifier' || value?.type !== 'call') return false;
  return value.childForFieldName('arguments')?.namedChildren.some((arg) => arg.type === 'identifier' && arg.text === target.text) ?? false;
}

/** A call named for validating or parsing (`validate_order(row)`, `json.loads(raw)`), judged by the function's own name. */
function isValidating(call: SyntaxNode, ctx: PythonContext): boolean {
  const fn = call.childForFieldName('function');
  if (!fn) return false;
  const name = ctx.nameOf(fn) ?? fn.text;
  if (NOT_VALIDATING.some((module) => name.startsWith(module))) return false;
  return VALIDATING.test(name.slice(name.lastIndexOf('.') + 1));
}

/** Only `pass`, `continue` or `...`: nothing logged, re-raised or recorded. */
function isSilent(block: SyntaxNode): boolean {
  return block.namedChildren.every((s) => SILENT.has(s.type) && (s.type !== 'expression_statement' || s.text.trim() === '...'));
}
