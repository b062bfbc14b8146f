import type { PythonRule } from '../python-rule.js';
import { writtenShellScripts } from '../shell-scripts.js';

/** Tools whose options can be smuggled in through file names a glob expands to. */
const OPTION_SENSITIVE = /^\s*(?:sudo\s+)?(tar|chown|chmod|rsync|zip|7z)\b/;

export const wildcardInjection: PythonRule = {
  id: 'py.command-injection.wildcard',
  title: 'Shell wildcard passed to a tool that takes options from file names',
  category: 'sast',
  severity: 'medium',
  confidence: 'high',
  cwe: ['CWE-155', 'CWE-78'],
  what: 'Finds shell commands running tar, chown, chmod, rsync or zip over a * glob (Bandit B609).',
  why:
    'The shell expands * to the names in the directory, and these tools read names that start with - as options. ' +
    'Anyone who can drop a file named "--checkpoint-action=exec=sh x.sh" into a landing directory runs code when ' +
    'the job archives it.',
  remediation: 'Put -- before the glob ("tar cf out.tar -- *"), use ./* instead of *, or list files in Python and pass them as a list without a shell.',
  bad: [{ file: 'jobs/archive.py', code: 'import os\n\nos.system("cd /data/landing && tar czf /archive/today.tgz *")\n' }],
  good: [{ file: 'jobs/archive.py', code: 'import os\n\nos.system("cd /data/landing && tar czf /archive/today.tgz -- ./*")\n' }],
  bandit: ['B609'],
  references: ['https://bandit.readthedocs.io/en/latest/plugins/b609_linux_commands_wildcard_injection.html', 'https://cwe.mitre.org/data/definitions/155.html'],
  onCall(call, ctx) {
    for (const { node, text } of writtenShellScripts(call, ctx)) {
      for (const part of text.split(/&&|\|\||;|\|/)) {
        const tool = OPTION_SENSITIVE.exec(part)?.[1];
        if (tool && /(^|\s)\*/.test(part) && !/\s--\s/.test(part)) {
          ctx.report(node, { message: `${tool} gets a bare * glob: file names starting with - become ${tool} options` });
          break;
        }
      }
    }
  },
};
