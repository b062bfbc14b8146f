import { taintRule } from './taint-rule.js';

export const commandInjection = taintRule(
  {
  id: 'py.taint.command-injection',
  title: "Untrusted data reaches a shell command",
  severity: 'critical',
  cwe: ["CWE-78"],
  what: "Follows ingested data into os.system, os.popen, subprocess calls with shell=True, the script of a shell an argv list starts with -c ([\"bash\", \"-c\", cmd]), and a notebook's shell escapes (!cmd {value}), which IPython runs through get_ipython().system.",
  why: "A file name or partition value from upstream data with ; or $( ) in it starts commands on the worker.",
  remediation: "Pass an argument list without shell=True, or quote each value with shlex.quote.",
  bad: [
    {
      file: "jobs/sync.py",
      code: "import os\nimport subprocess\n\nprefix = os.environ[\"SYNC_PREFIX\"]\nsubprocess.run(\"aws s3 sync s3://landing/\" + prefix + \" /data\", shell=True)\n",
    },
  ],
  good: [
    {
      file: "jobs/sync.py",
      code: "import os\nimport shlex\nimport subprocess\n\nprefix = os.environ[\"SYNC_PREFIX\"]\nsubprocess.run([\"aws\", \"s3\", \"sync\", \"s3://landing/\" + prefix, \"/data\"])\nsubprocess.run(\"ls \" + shlex.quote(prefix), shell=True)\n",
    },
  ],
  bandit: ['B602', 'B604', 'B605'],
  references: ["https://cwe.mitre.org/data/definitions/78.html"],
  },
  'command-injection',
  ["py.command-injection.subprocess-shell", "py.command-injection.os-system", "nb.shell-escape-injection"],
);
