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
  what: 'Finds `assert` statements in pipeline code outside tests.',
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
  ],
  good: [
    {
      file: 'jobs/load_events.py',
      code: 'def load(event):\n    if event["amount"] < 0:\n        raise ValueError("negative amount")\n    return event\n',
    },
    { file: 'tests/test_load_events.py', code: 'def test_load():\n    assert load({"amount": 1}) == {"amount": 1}\n' },
  ],
  references: ['https://docs.python.org/3/reference/simple_stmts.html#the-assert-statement', 'https://cwe.mitre.org/data/definitions/617.html'],
  onNode: {
    types: ['assert_statement'],
    check(node, ctx) {
      if (TEST_PATH.test(ctx.file.path)) return;
      const condition = node.namedChildren[0];
      ctx.report(node, { message: `assert ${condition?.text.slice(0, 60) ?? ''} is removed under python -O; raise an exception instead` });
    },
  },
};
