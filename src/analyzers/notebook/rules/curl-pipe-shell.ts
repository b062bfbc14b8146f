import { downloadedScriptRuns } from '../../shell/downloaded-script.js';
import { exampleNotebook } from '../example-notebook.js';
import type { NotebookRule } from '../notebook-rule.js';

export const notebookCurlPipeShell: NotebookRule = {
  id: 'nb.curl-pipe-shell',
  title: 'Notebook runs a downloaded script without verification (curl | sh)',
  category: 'sast',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-494'],
  what:
    'Finds shell escapes (`!curl … | bash`) and `%%bash`/`%%sh` cells (Databricks `%sh` cells too) that pipe curl or wget output into a ' +
    'shell or interpreter, hand it to one through `sh -c "$(curl …)"` or `bash <(wget …)`, or download a file and run it, ' +
    'on the same line or a later one, with no digest or signature check in between (`!wget -q …/Miniconda3.sh` then ' +
    '`!bash Miniconda3.sh -b`).',
  why:
    'The script runs with the kernel’s user, environment and mounted credentials, and it is whatever the server sends on ' +
    'the day the notebook runs: a compromised host, DNS entry or CDN runs its code inside the team’s data environment, and ' +
    'nothing in the repository shows that anything changed.',
  remediation:
    'Download to a file, check its SHA-256 against a pinned value (`echo "<sha256>  install.sh" | sha256sum -c -`), then ' +
    'run it; better, install a pinned package (`%pip install tool==1.4.2`) or bake the tool into the kernel’s image.',
  bad: [
    { file: 'setup.ipynb', code: exampleNotebook(['!curl -fsSL https://get.example.com/install.sh | bash\n']) },
    { file: 'spark.ipynb', code: exampleNotebook(['%%bash\nset -e\nwget -qO- https://example.com/setup.py | python3 -\n']) },
    { file: 'tools.ipynb', code: exampleNotebook(['%sh\nsh -c "$(curl -fsSL https://example.com/install.sh)"\n']) },
    {
      file: 'conda.ipynb',
      code: exampleNotebook(['!wget -q https://repo.example.com/Miniconda3-latest-Linux-x86_64.sh\n', '!bash Miniconda3-latest-Linux-x86_64.sh -b -p /opt/conda\n']),
    },
  ],
  good: [
    {
      file: 'setup.ipynb',
      code: exampleNotebook([
        '%%bash\ncurl -fsSLo /tmp/install.sh https://get.example.com/install.sh\n' +
          'echo "3f5e0c6d…  /tmp/install.sh" | sha256sum -c -\nbash /tmp/install.sh\n',
      ]),
    },
    { file: 'fetch.ipynb', code: exampleNotebook(['!curl -fsSL https://example.com/data.csv | gzip > data.csv.gz\n']) },
  ],
  references: ['https://cwe.mitre.org/data/definitions/494.html', 'https://ipython.readthedocs.io/en/stable/interactive/magics.html#cellmagic-bash'],
  check(ctx) {
    for (const run of downloadedScriptRuns(ctx.script.text, ctx.script.commands)) ctx.reportInScript(run.start, { message: run.message });
  },
};
