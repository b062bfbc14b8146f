import { errorOutput, exampleNotebook, streamOutput } from '../example-notebook.js';
import type { NotebookRule } from '../notebook-rule.js';
import type { CellOutput, OutputText } from '../notebook.js';
import { lineAround } from '../output-lines.js';

// Roots that say whose machine and which mounts ran the code: home directories (with the user
// name), /root, /mnt, /opt, /srv, and Windows profiles. The lookbehind keeps URL paths out.
const REVEALING_PATH = /(?<![\w.~-])(?:\/(?:home|Users)\/[^/\s'"]+|\/(?:root|mnt|opt|srv)|[A-Za-z]:\\(?:Users|Documents and Settings)\\[^\\\s'"]+)(?=[/\\])/g;
const USER_DIRECTORY = /(\/(?:home|Users)\/|[A-Za-z]:\\(?:Users|Documents and Settings)\\)[^/\\\s'"]+/g;
const TRACEBACK = 'Traceback (most recent call last)';

export const outputStackTrace: NotebookRule = {
  id: 'nb.output-stack-trace',
  title: 'Notebook output keeps a stack trace that reveals file-system paths',
  category: 'sast',
  severity: 'low',
  confidence: 'high',
  cwe: ['CWE-209'],
  what:
    'Finds saved error outputs, and tracebacks printed to stderr, that show absolute paths of home directories, mounts ' +
    'and install locations (/home/…, /Users/…, /mnt, /opt, /srv, C:\\Users\\…).',
  why:
    'A traceback saved in a committed notebook tells every reader the user names, mount points, environment layout and ' +
    'library versions of the machines that run the pipeline: a map for whoever wants to attack them.',
  remediation:
    'Clear outputs before committing (`jupyter nbconvert --clear-output --inplace`, or nbstripout as a git filter); keep ' +
    'failures in the run logs of the pipeline, not in the notebook.',
  bad: [
    {
      file: 'explore.ipynb',
      code: exampleNotebook([
        {
          source: 'pd.read_csv(path)\n',
          outputs: [
            errorOutput('FileNotFoundError', "[Errno 2] No such file or directory: '/mnt/landing/feedback.csv'", [
              'FileNotFoundError                         Traceback (most recent call last)',
              '/home/dana/envs/feedback/lib/python3.9/site-packages/pandas/io/common.py in get_handle()',
            ]),
          ],
        },
      ]),
    },
    {
      file: 'stderr.ipynb',
      code: exampleNotebook([
        { source: 'run()\n', outputs: [streamOutput(`${TRACEBACK}:\n  File "C:\\Users\\dana\\jobs\\run.py", line 3\n`, 'stderr')] },
      ]),
    },
  ],
  good: [
    {
      file: 'explore.ipynb',
      code: exampleNotebook([{ source: 'pd.read_csv(path)\n', outputs: [errorOutput('KeyError', "'rating'", ["KeyError: 'rating'"])] }]),
    },
    { file: 'warn.ipynb', code: exampleNotebook([{ source: 'fit()\n', outputs: [streamOutput('converged after 12 steps\n', 'stderr')] }]) },
  ],
  references: ['https://cwe.mitre.org/data/definitions/209.html', 'https://github.com/kynan/nbstripout'],
  check(ctx) {
    for (const cell of ctx.notebook.cells) {
      for (const output of cell.outputs) {
        if (!isTraceback(output)) continue;
        const roots = new Set<string>();
        let first: { text: OutputText; index: number } | undefined;
        for (const text of output.texts) {
          for (const match of text.text.matchAll(REVEALING_PATH)) {
            roots.add(withoutUserName(match[0]));
            first ??= { text, index: match.index };
          }
        }
        if (!first) continue;
        ctx.report(first.text.at, withoutUserName(lineAround(first.text.text, first.index)), {
          message: `Output ${output.number} of cell ${cell.number} keeps a stack trace showing paths under ${[...roots].join(', ')}`,
        });
      }
    }
  },
};

function isTraceback(output: CellOutput): boolean {
  return output.type === 'error' || (output.stream === 'stderr' && output.texts.some((t) => t.text.includes(TRACEBACK)));
}

/** Findings are read widely; the user name in a home directory is personal data of its own. */
function withoutUserName(text: string): string {
  return text.replace(USER_DIRECTORY, '$1…');
}
