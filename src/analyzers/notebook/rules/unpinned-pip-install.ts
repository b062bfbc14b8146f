import { exampleNotebook } from '../example-notebook.js';
import { cellPlace } from '../notebook.js';
import type { NotebookRule } from '../notebook-rule.js';
import { unpinnedPipRequirements } from '../pip-install.js';

export const unpinnedPipInstall: NotebookRule = {
  id: 'nb.unpinned-pip-install',
  title: 'Notebook installs packages without pinned versions',
  category: 'sast',
  severity: 'medium',
  confidence: 'high',
  cwe: ['CWE-829', 'CWE-1357'],
  what:
    'Finds `!pip install`, `%pip install` and `pip install` in `%%bash` cells that name packages without an exact `==` ' +
    'version. Installing from a requirements file (`-r`) is left to the dependency analysis of that file.',
  why:
    'Every run of the notebook installs whatever is newest on PyPI that day, into the kernel that holds the team’s data ' +
    'and credentials. A hijacked or typo-squatted release, or a broken one, runs on the next execution with nothing in ' +
    'the repository changed, and nobody can tell later which version produced a result.',
  remediation:
    'Pin exact versions (`%pip install pandas==2.2.2`), or better install from a locked requirements file ' +
    '(`%pip install -r requirements.lock --require-hashes`) kept beside the notebook, or put the packages in the kernel’s ' +
    'environment instead of installing from the notebook.',
  bad: [
    { file: 'explore.ipynb', code: exampleNotebook(['!pip install pandas matplotlib\n', 'import pandas as pd\n']) },
    { file: 'setup.ipynb', code: exampleNotebook(['%pip install -U "requests>=2.31"\n']) },
    { file: 'shell.ipynb', code: exampleNotebook(['%%bash\npython -m pip install --quiet pyarrow\n']) },
  ],
  good: [
    { file: 'explore.ipynb', code: exampleNotebook(['%pip install pandas==2.2.2 matplotlib==3.9.0\n', 'import pandas as pd\n']) },
    { file: 'setup.ipynb', code: exampleNotebook(['!pip install -r requirements.lock --require-hashes\n']) },
  ],
  references: [
    'https://ipython.readthedocs.io/en/stable/interactive/magics.html#magic-pip',
    'https://pip.pypa.io/en/stable/topics/repeatable-installs/',
    'https://cwe.mitre.org/data/definitions/829.html',
  ],
  check(ctx) {
    for (const command of ctx.shell) {
      const unpinned = unpinnedPipRequirements(command.command);
      if (unpinned.length === 0) continue;
      ctx.report(command.at, command.snippet, {
        message: `pip install of ${unpinned.join(', ')} without an exact version (${cellPlace(command.cell, command.line)})`,
      });
    }
  },
};
