import { argument, type CallSite } from '../call-site.js';
import type { SyntaxNode } from '../parser.js';
import type { PythonRule } from '../python-rule.js';

const WORLD_WRITE = 0o002;
const WORLD_READ = 0o004;

export const chmodPermissive: PythonRule = {
  id: 'py.permissions.chmod-permissive',
  title: 'File made writable (or readable) by every user',
  category: 'sast',
  severity: 'medium',
  confidence: 'high',
  cwe: ['CWE-732'],
  what: 'Finds os.chmod, os.fchmod, os.lchmod and Path.chmod calls with a literal mode granting other users write or read access (Bandit B103).',
  why:
    'Extracts, model artefacts and credential files a job makes world-writable can be replaced by any local user ' +
    'before the next task reads them; world-readable ones leak the data they hold.',
  remediation: 'Grant only the owner (0o600 for files, 0o700 for directories) or the owning group where a service needs it.',
  bad: [
    {
      file: 'jobs/publish.py',
      code: 'import os\n\n\ndef publish(path: str) -> None:\n    os.chmod(path, 0o777)\n',
    },
  ],
  good: [
    {
      file: 'jobs/publish.py',
      code: 'import os\n\n\ndef publish(path: str) -> None:\n    os.chmod(path, 0o640)\n',
    },
  ],
  bandit: ['B103'],
  references: ['https://docs.python.org/3/library/os.html#os.chmod', 'https://bandit.readthedocs.io/en/latest/plugins/b103_set_bad_file_permissions.html'],
  onCall(call, ctx) {
    const modeArg = modeArgument(call);
    const mode = modeArg ? ctx.constantOf(modeArg) : undefined;
    if (typeof mode !== 'number') return;
    if (mode & WORLD_WRITE) ctx.report(call.node, { message: `mode ${octal(mode)} lets every user of the host modify the file` });
    else if (mode & WORLD_READ) ctx.report(call.node, { message: `mode ${octal(mode)} lets every user of the host read the file`, severity: 'low' });
  },
};

function modeArgument(call: CallSite): SyntaxNode | undefined {
  if (call.name === 'os.chmod' || call.name === 'os.fchmod' || call.name === 'os.lchmod') return argument(call, 1, 'mode');
  // Path.chmod(mode): the receiver is a Path, so its own argument comes first.
  if (call.method === 'chmod' && call.name?.startsWith('pathlib.')) return argument(call, 0, 'mode');
  return undefined;
}

function octal(mode: number): string {
  return `0o${mode.toString(8)}`;
}
