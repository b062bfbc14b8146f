import { exampleNotebook } from '../example-notebook.js';
import { cellPlace } from '../notebook.js';
import type { NotebookRule } from '../notebook-rule.js';
import { interpolations } from '../interpolation.js';

export const shellEscapeInjection: NotebookRule = {
  id: 'nb.shell-escape-injection',
  title: 'Python value interpolated into a notebook shell command',
  category: 'sast',
  severity: 'medium',
  confidence: 'medium',
  cwe: ['CWE-78'],
  what:
    'Finds shell escapes and shell-running magics (`!cmd {var}`, `!cmd $var`, `files = !ls {path}`, `%sx`, `%pip`) that ' +
    'splice a Python value into the command line, which IPython does textually before the shell parses it. Where the ' +
    'value comes from an ingestion point the taint analysis follows, py.taint.command-injection reports it instead, with the trace.',
  why:
    'IPython pastes the value into the command without quoting. When the value comes from data — a file name in a bucket ' +
    'listing, a column of an export, a parameter of a scheduled run — a `;`, `$( )` or backtick in it runs commands in ' +
    'the kernel with the notebook user’s credentials and data access.',
  remediation:
    'Run the program with `subprocess.run([...], check=True)` and pass the value as its own list element, or quote it ' +
    'with `shlex.quote` before building the command; validate names from data against an allow-list.',
  bad: [
    { file: 'fetch.ipynb', code: exampleNotebook(['key = listing[0]\n', '!aws s3 cp s3://landing/{key} data/\n']) },
    { file: 'count.ipynb', code: exampleNotebook(['name = dbutils.widgets.get("table")\n', 'lines = !wc -l $name\n']) },
  ],
  good: [
    {
      file: 'fetch.ipynb',
      code: exampleNotebook(['import subprocess\n', 'key = listing[0]\n', 'subprocess.run(["aws", "s3", "cp", f"s3://landing/{key}", "data/"], check=True)\n']),
    },
    { file: 'env.ipynb', code: exampleNotebook(['!echo $HOME && ls /data\n']) },
  ],
  references: [
    'https://ipython.readthedocs.io/en/stable/interactive/reference.html#system-shell-access',
    'https://cwe.mitre.org/data/definitions/78.html',
  ],
  check(ctx) {
    for (const command of ctx.shell) {
      if (!command.expands) continue;
      const spliced = interpolations(command.command);
      if (spliced.length === 0) continue;
      ctx.report(command.at, command.snippet, {
        message: `${spliced.join(', ')} ${spliced.length > 1 ? 'are' : 'is'} pasted into a shell command unquoted (${cellPlace(command.cell, command.line)})`,
      });
    }
  },
};
