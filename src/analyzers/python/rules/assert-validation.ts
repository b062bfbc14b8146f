import type { SyntaxNode } from '../parser.js';
import type { PythonRule } from '../python-rule.js';

/** Test code asserts by design; `python -O` does not run it in production anyway. */
const TEST_PATH = /(^|\/)(tests?|testing)\/|(^|\/)test_[^/]*\.py$|_test\.py$|(^|\/)conftest\.py$/;

export const assertValidation: PythonRule = {
  id: 'py.validation.assert',
  title: 'assert used to validate data',
  category: 'sast',
  severity: 'low',
  confidence: 'medium',
  cwe: ['CWE-617', 'CWE-703'],
  what:
    'Finds `assert` statements in pipeline code outside tests, except those that only narrow a type for the type ' +
    'checker (`assert isinstance(x, str)`, `assert x is not None`).',
  why:
    'Python drops every assert when it runs with -O or PYTHONOPTIMIZE, which some images and schedulers set: checks on ' +
    'ingested data written as asserts then silently stop existing, and malformed or poisoned records flow on. Where they ' +
    'do run, a failed assert kills the whole batch instead of rejecting one record.',
  remediation: 'Raise a specific exception (`ValueError`) or route the record to a rejects table; keep assert for invariants in tests.',
  bad: [
    {
      file: 'jobs/load_events.py',
      code: 'def load(event):\n    assert event["amount"] >= 0, "negative amount"\n    return event\n',
    },
    { file: 'jobs/load_rows.py', code: 'def load(row):\n    assert row is not None and isinstance(row["id"], int) and row["id"] > 0\n    return row\n' },
  ],
  good: [
    {
      file: 'jobs/load_events.py',
      code: 'def load(event):\n    if event["amount"] < 0:\n        raise ValueError("negative amount")\n    return event\n',
    },
    { file: 'tests/test_load_events.py', code: 'def test_load():\n    assert load({"amount": 1}) == {"amount": 1}\n' },
    { file: 'jobs/read_frame.py', code: 'def read(handle):\n    assert handle is not None and not isinstance(handle, str)\n    return handle.read()\n' },
  ],
  bandit: ['B101'],
  references: ['https://docs.python.org/3/reference/simple_stmts.html#the-assert-statement', 'https://cwe.mitre.org/data/definitions/617.html'],
  onNode: {
    types: ['assert_statement'],
    check(node, ctx) {
      if (TEST_PATH.test(ctx.file.path)) return;
      const condition = node.namedChildren[0];
      if (condition && narrowsType(condition)) return;
      ctx.report(node, { message: `assert ${condition?.text.slice(0, 60) ?? ''} is removed under python -O; raise an exception instead` });
    },
  },
};

/**
 * A condition that only tells the type checker what it may assume: isinstance/issubclass checks
 * and None tests, negated or joined with `and`. They guard no data; python -O dropping them
 * changes nothing a record can reach.
 */
function narrowsType(condition: SyntaxNode): boolean {
  switch (condition.type) {
    case 'parenthesized_expression':
      return condition.namedChildren.length === 1 && narrowsType(condition.namedChildren[0]!);
    case 'not_operator': {
      const operand = condition.childForFieldName('argument');
      return operand !== null && narrowsType(operand);
    }
    case 'boolean_operator':
      return condition.childForFieldName('operator')?.type === 'and' && [condition.childForFieldName('left'), condition.childForFieldName('right')].every((c) => c !== null && narrowsType(c));
    case 'call': {
      const callee = condition.childForFieldName('function')?.text;
      return callee === 'isinstance' || callee === 'issubclass';
    }
    case 'comparison_operator': {
      const [left, right] = condition.namedChildren;
      const operators = condition.children.filter((c) => !c.isNamed).map((c) => c.type);
      return condition.namedChildren.length === 2 && operators.every((o) => o === 'is' || o === 'is not') && (left?.type === 'none' || right?.type === 'none');
    }
    default:
      return false;
  }
}
