import type { PythonRule } from '../python-rule.js';

/** World-writable directories shared by every user of the host. */
const SHARED_DIRS = ['/tmp', '/var/tmp', '/dev/shm'];
/** The shared temporary directory as Python finds it ($TMPDIR, else /tmp on Linux). */
const TEMP_DIR_CALLS = new Set(['tempfile.gettempdir', 'tempfile.gettempdirb']);
const JOINS = new Set(['os.path.join', 'posixpath.join']);

export const hardcodedTmp: PythonRule = {
  id: 'py.tempfile.hardcoded-tmp',
  title: 'Fixed path in a world-writable temporary directory',
  category: 'sast',
  severity: 'medium',
  confidence: 'medium',
  cwe: ['CWE-377', 'CWE-379'],
  what:
    'Finds calls given a literal path under /tmp, /var/tmp or /dev/shm (Bandit B108), and fixed names joined to the ' +
    'shared temporary directory: `os.path.join(tempfile.gettempdir(), "lookup.pkl")`.',
  why:
    'Every user of a shared worker or CI host can create /tmp/extract.csv first — as a symlink to a file of theirs ' +
    'or of the pipeline\'s — and so read staged extracts or make the job overwrite something else.',
  remediation:
    'Create private temporary files and directories with tempfile.mkstemp(), NamedTemporaryFile() or ' +
    'TemporaryDirectory(), or write under a directory the job owns.',
  bad: [
    {
      file: 'jobs/stage.py',
      code: 'def stage(frame) -> None:\n    frame.to_csv("/tmp/customers.csv", index=False)\n',
    },
    {
      file: 'jobs/stage.py',
      code: 'STAGING = "/var/tmp/pipeline/batch.parquet"\n\n\ndef stage(frame) -> None:\n    frame.to_parquet(STAGING)\n',
    },
    {
      file: 'jobs/lookup.py',
      code: 'import os\nimport pickle\nimport tempfile\n\nCACHE = os.path.join(tempfile.gettempdir(), "channel_lookup.pkl")\n\n\ndef load():\n    with open(CACHE, "rb") as fh:\n        return pickle.load(fh)\n',
    },
  ],
  good: [
    {
      file: 'jobs/stage.py',
      code:
        'import os\nimport tempfile\n\n\n' +
        'def stage(frame) -> str:\n' +
        '    fd, path = tempfile.mkstemp(suffix=".csv")\n' +
        '    with os.fdopen(fd, "w") as fh:\n' +
        '        frame.to_csv(fh, index=False)\n' +
        '    return path\n',
    },
  ],
  bandit: ['B108'],
  references: ['https://bandit.readthedocs.io/en/latest/plugins/b108_hardcoded_tmp_directory.html', 'https://cwe.mitre.org/data/definitions/377.html'],
  onCall(call, ctx) {
    const [first, ...names] = call.positional;
    if (JOINS.has(call.name ?? '') && first?.type === 'call' && TEMP_DIR_CALLS.has(ctx.nameOf(first.childForFieldName('function')!) ?? '')) {
      const parts = names.map((n) => ctx.constantOf(n));
      if (parts.length > 0 && parts.every((p) => typeof p === 'string')) {
        ctx.report(call.node, { message: `"${parts.join('/')}" is a fixed name in the shared temporary directory (tempfile.gettempdir()), which every user of the host can write` });
      }
      return;
    }
    for (const arg of [...call.positional, ...call.keywords.values()]) {
      const value = ctx.constantOf(arg);
      if (typeof value !== 'string') continue;
      const dir = SHARED_DIRS.find((d) => value.startsWith(`${d}/`));
      if (dir) ctx.report(arg, { message: `"${value}" is a fixed name in ${dir}, which every user of the host can write` });
    }
  },
};
