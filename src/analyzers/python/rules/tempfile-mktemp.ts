import { calls } from '../call-site.js';
import type { PythonRule } from '../python-rule.js';

export const tempfileMktemp: PythonRule = {
  id: 'py.tempfile.mktemp',
  title: 'tempfile.mktemp() returns a name another process can claim first',
  category: 'sast',
  severity: 'medium',
  confidence: 'high',
  cwe: ['CWE-377'],
  what: 'Finds calls of tempfile.mktemp() (and os.tempnam/os.tmpnam on Python 2).',
  why:
    'mktemp only picks a name; the file is created later by whoever opens it. On a shared worker or build host, ' +
    'another user can create a symlink of that name in between, so the pipeline writes extracts or credentials to a ' +
    'file the attacker reads — or overwrites a file the attacker chose.',
  remediation:
    'Use tempfile.NamedTemporaryFile(delete=False), tempfile.mkstemp() or tempfile.TemporaryDirectory(), which create ' +
    'the file or directory atomically with private permissions.',
  bad: [
    {
      file: 'export/stage.py',
      code:
        'import tempfile\n\n\n' +
        'def stage(frame) -> str:\n' +
        '    path = tempfile.mktemp(suffix=".csv")\n' +
        '    frame.to_csv(path, index=False)\n' +
        '    return path\n',
    },
  ],
  good: [
    {
      file: 'export/stage.py',
      code:
        'import tempfile\n\n\n' +
        'def stage(frame) -> str:\n' +
        '    with tempfile.NamedTemporaryFile(suffix=".csv", delete=False, mode="w") as fh:\n' +
        '        frame.to_csv(fh, index=False)\n' +
        '    return fh.name\n',
    },
  ],
  bandit: ['B306'],
  references: ['https://docs.python.org/3/library/tempfile.html#tempfile.mktemp', 'https://cwe.mitre.org/data/definitions/377.html'],
  onCall(call, ctx) {
    if (calls(call, ['tempfile.mktemp', 'os.tempnam', 'os.tmpnam'])) {
      ctx.report(call.node, { message: `${call.name}() names a temporary file without creating it, so another process can create it first` });
    }
  },
};
