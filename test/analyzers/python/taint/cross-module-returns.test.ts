import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DEPS_SETTINGS } from '../../../../src/analyzers/deps/settings.js';
import { collectImports } from '../../../../src/analyzers/python/imports.js';
import { parsePython } from '../../../../src/analyzers/python/parser.js';
import { assess } from '../../../../src/core/assess.js';
import { selectCategories } from '../../../../src/core/categories.js';
import type { Finding } from '../../../../src/core/finding.js';
import { assessTree } from '../../../helpers/assess-tree.js';
import { removeTree, tempTree } from '../../../helpers/temp-tree.js';
import { py } from '../scan.js';

/** Taint findings of one rule over a tree of Python modules. */
async function taintIn(files: Record<string, string>, rule: string): Promise<Finding[]> {
  const result = await assessTree(files, { only: ['sast'] });
  return result.findings.filter((f) => f.ruleId === `py.taint.${rule}`);
}

const traceOf = (f: Finding) => f.trace!.map((s) => `${s.file}:${s.line}:${s.label}`);

/** A SAST assessment of `root` with a result cache inside it, as repeated runs in CI would have. */
function assessCached(root: string) {
  return assess({
    root,
    categories: selectCategories(['sast'], undefined),
    maxFileSize: 5_000_000,
    exclude: ['.cache-dir'],
    threads: 1,
    fileTimeoutMs: 60_000,
    cacheDir: path.join(root, '.cache-dir'),
    historyDb: undefined,
    baselineFile: undefined,
    ignoreEntries: [],
    failOn: 'high',
    foreignMarkers: true,
    settings: { deps: { ...DEFAULT_DEPS_SETTINGS, offline: true } },
  });
}

const PANDAS_LOADER = py`
  import pandas as pd


  def fetch(path):
      frame = pd.read_csv(path)
      return frame
`;

describe('taint through values returned from other modules', () => {
  it('follows an ingestion point a function of another module returns into a sink, with the whole trace', async () => {
    const found = await taintIn(
      {
        'loaders.py': PANDAS_LOADER,
        'job.py': py`
          import sqlite3
          from loaders import fetch

          cursor = sqlite3.connect("db").cursor()
          cursor.execute(f"DELETE FROM t WHERE id = {fetch('in.csv').iloc[0, 0]}")
        `,
      },
      'sql-injection',
    );
    expect(found).toHaveLength(1);
    expect(found[0]!.confidence).toBe('high');
    expect(found[0]!.location).toMatchObject({ file: 'job.py', startLine: 5 });
    expect(found[0]!.message).toContain('pandas.read_csv (file) (line 5) in loaders.py');
    expect(traceOf(found[0]!)).toEqual([
      'loaders.py:5:source: pandas.read_csv (file)',
      'loaders.py:5:assigned to frame',
      'loaders.py:6:returned',
      'job.py:5:returned from loaders.fetch()',
      'job.py:5:sink: sqlite3.connect().cursor().execute() — the value runs as SQL',
    ]);
  });

  it('reports nothing when the other module returns only literals', async () => {
    const found = await taintIn(
      {
        'loaders.py': 'def fetch(path):\n    return "1"\n',
        'job.py': 'import sqlite3\nfrom loaders import fetch\ncursor = sqlite3.connect("db").cursor()\ncursor.execute(f"DELETE FROM t WHERE id = {fetch(\'in.csv\')}")\n',
      },
      'sql-injection',
    );
    expect(found).toEqual([]);
  });

  it('follows `import module` calls, HTTP responses and subscripts', async () => {
    const loaders = (body: string) => `import requests\n\n\ndef fetch(url):\n    ${body}\n`;
    const job = 'import os\nimport loaders\n\nos.system(loaders.fetch("https://example.com/cmd"))\n';
    const tainted = await taintIn({ 'loaders.py': loaders('return requests.get(url, timeout=5).json()["cmd"]'), 'job.py': job }, 'command-injection');
    expect(tainted).toHaveLength(1);
    expect(tainted[0]!.trace![0]).toMatchObject({ file: 'loaders.py', line: 5, label: 'source: requests.get (api)' });
    expect(tainted[0]!.trace!.at(-1)).toMatchObject({ file: 'job.py', line: 4 });
    const cast = await taintIn({ 'loaders.py': loaders('return int(requests.get(url, timeout=5).json()["n"])'), 'job.py': job }, 'command-injection');
    expect(cast).toEqual([]);
  });

  it('resolves relative imports against the importing module’s package', async () => {
    const cases: Array<[string, string]> = [
      ['pipeline/job.py', 'from .loaders import fetch'],
      ['pipeline/jobs/job.py', 'from ..loaders import fetch'],
      ['pipeline/jobs/job.py', 'from .. import loaders\nfetch = loaders.fetch'],
    ];
    for (const [job, importLine] of cases) {
      const found = await taintIn(
        {
          'pipeline/__init__.py': '',
          'pipeline/loaders.py': PANDAS_LOADER,
          'pipeline/jobs/__init__.py': '',
          [job]: `${importLine}\nimport os\n\nos.system(fetch("in.csv").iloc[0, 0])\n`,
        },
        'command-injection',
      );
      expect(found.map((f) => `${f.location.file}<-${f.trace![0]!.file}`), importLine).toEqual([`${job}<-pipeline/loaders.py`]);
    }
  });

  it('binds names imported from a package relatively with their dots, so they resolve like `from .m import x`', () => {
    const imports = collectImports(parsePython('from . import loaders\nfrom .. import util as u\nfrom .m import f\n').rootNode);
    expect(Object.fromEntries(imports)).toEqual({ loaders: '.loaders', u: '..util', f: '.m.f' });
  });

  it('follows an argument a function of another module returns, to the return there', async () => {
    const found = await taintIn(
      {
        'text.py': 'def tidy(value):\n    cleaned = value.strip()\n    return cleaned\n',
        'job.py': 'import os\nimport sys\nfrom text import tidy\n\nos.system("ls " + tidy(sys.argv[1]))\n',
      },
      'command-injection',
    );
    expect(found).toHaveLength(1);
    expect(traceOf(found[0]!)).toEqual([
      'job.py:5:source: sys.argv (argv)',
      'job.py:5:passed to text.tidy() as value',
      'text.py:3:returned',
      'job.py:5:returned from text.tidy()',
      'job.py:5:sink: os.system() — the value runs as a shell command',
    ]);
  });

  it('drops an argument the function of another module does not return, by position and by keyword', async () => {
    const files = (call: string) => ({ 'pick.py': 'def second(a, b):\n    return b\n', 'job.py': `import os\nimport sys\nfrom pick import second\n\nos.system(${call})\n` });
    expect(await taintIn(files('second(sys.argv[1], "ls")'), 'command-injection')).toEqual([]);
    expect(await taintIn(files('second(b="ls", a=sys.argv[1])'), 'command-injection')).toEqual([]);
    expect(await taintIn(files('second("ls", sys.argv[1])'), 'command-injection')).toHaveLength(1);
    expect(await taintIn(files('second(a="ls", b=sys.argv[1])'), 'command-injection')).toHaveLength(1);
    const literal = { 'pick.py': 'def second(a, b):\n    return "ls"\n', 'job.py': 'import os\nimport sys\nfrom pick import second\n\nos.system(second(sys.argv[1], sys.argv[2]))\n' };
    expect(await taintIn(literal, 'command-injection')).toEqual([]);
  });

  it('honours sanitizers inside the other module: a cast stops every flow, shlex.quote only commands', async () => {
    const job = 'import os\nimport sqlite3\nimport sys\nfrom clean import tidy\n\nv = tidy(sys.argv[1])\nos.system("ls " + v)\nsqlite3.connect("db").execute("SELECT " + v)\n';
    const cast = { 'clean.py': 'def tidy(x):\n    return int(x)\n', 'job.py': job };
    expect(await taintIn(cast, 'command-injection')).toEqual([]);
    expect(await taintIn(cast, 'sql-injection')).toEqual([]);
    const quoted = { 'clean.py': 'import shlex\n\n\ndef tidy(x):\n    return shlex.quote(x)\n', 'job.py': job };
    expect(await taintIn(quoted, 'command-injection')).toEqual([]);
    expect(await taintIn(quoted, 'sql-injection')).toHaveLength(1);
  });

  it('follows chains of returns through a third module', async () => {
    const found = await taintIn(
      {
        'source.py': PANDAS_LOADER,
        'relay.py': 'from source import fetch\nimport text\n\n\ndef load(p):\n    return text.tidy(fetch(p))\n',
        'text.py': 'def tidy(value):\n    return value.strip()\n',
        'job.py': 'import os\nfrom relay import load\n\nos.system(load("in.csv"))\n',
      },
      'command-injection',
    );
    expect(found).toHaveLength(1);
    expect(found[0]!.trace!.map((s) => s.file)).toEqual(['source.py', 'source.py', 'source.py', 'relay.py', 'relay.py', 'text.py', 'relay.py', 'relay.py', 'job.py', 'job.py']);
    const sanitised = await taintIn(
      {
        'source.py': PANDAS_LOADER,
        'relay.py': 'from source import fetch\nimport text\n\n\ndef load(p):\n    return text.tidy(fetch(p))\n',
        'text.py': 'def tidy(value):\n    return float(value)\n',
        'job.py': 'import os\nfrom relay import load\n\nos.system(load("in.csv"))\n',
      },
      'command-injection',
    );
    expect(sanitised).toEqual([]);
  });

  it('terminates on recursion and import cycles, keeping what the cycle does return', async () => {
    const cycle = {
      'a.py': 'import b\n\n\ndef f(x, n):\n    if n:\n        return b.g(x, n - 1)\n    return f(x, n - 1)\n',
      'b.py': 'import a\nimport pandas as pd\n\n\ndef g(x, n):\n    if n > 3:\n        return pd.read_csv("in.csv")\n    return a.f(x, n)\n',
      'job.py': 'import os\nimport a\n\nos.system(a.f("ls", 9))\n',
    };
    const found = await taintIn(cycle, 'command-injection');
    expect(found).toHaveLength(1);
    expect(found[0]!.trace![0]).toMatchObject({ file: 'b.py', line: 7 });
    const literal = { ...cycle, 'b.py': 'import a\n\n\ndef g(x, n):\n    return a.f(x, n)\n' };
    expect(await taintIn(literal, 'command-injection')).toEqual([]);
  });

  it('follows methods called on an instance of a class imported from another module', async () => {
    const loaders = py`
      import pandas as pd


      class Loader:
          def fetch(self, path):
              return pd.read_csv(path)

          def tidy(self, value):
              return value.strip()

          def number(self, value):
              return int(value)
    `;
    const job = (expr: string) => `import os\nimport sys\nfrom loaders import Loader\n\nloader = Loader()\nos.system(${expr})\n`;
    const run = (expr: string) => taintIn({ 'loaders.py': loaders, 'job.py': job(expr) }, 'command-injection');
    const fetched = await run('loader.fetch("in.csv")');
    expect(fetched).toHaveLength(1);
    expect(fetched[0]!.trace![0]).toMatchObject({ file: 'loaders.py', line: 6 });
    expect(await run('Loader().fetch("in.csv")')).toHaveLength(1);
    expect(await run('loader.tidy(sys.argv[1])')).toHaveLength(1);
    expect(await run('loader.number(sys.argv[1])')).toEqual([]);
  });

  it('joins untrusted data passed to a method of an imported class with a sink in that method', async () => {
    const loaders = 'import os\n\n\nclass Runner:\n    def run(self, cmd):\n        os.system(cmd)\n';
    const job = (arg: string) => `import sys\nfrom loaders import Runner\n\nrunner = Runner()\nrunner.run(${arg})\n`;
    const found = await taintIn({ 'loaders.py': loaders, 'job.py': job('sys.argv[1]') }, 'command-injection');
    expect(found.map((f) => `${f.location.file}:${f.location.startLine}`)).toEqual(['loaders.py:6']);
    expect(found[0]!.trace!.map((s) => s.label)).toContain('passed to loaders.Runner().run() as cmd');
    expect(await taintIn({ 'loaders.py': loaders, 'job.py': job('"ls"') }, 'command-injection')).toEqual([]);
  });

  it('keeps reporting flows through imported functions the repository does not define', async () => {
    const found = await taintIn({ 'job.py': 'import os\nimport sys\nfrom helpers_lib import tidy\n\nos.system(tidy(sys.argv[1]))\n' }, 'command-injection');
    expect(found).toHaveLength(1);
    expect(found[0]!.confidence).toBe('high');
    expect(traceOf(found[0]!)).toEqual(['job.py:5:source: sys.argv (argv)', 'job.py:5:sink: os.system() — the value runs as a shell command']);
  });

  it('reports flows through imported functions in notebooks at once, as nothing joins a notebook with other modules', async () => {
    const notebook = JSON.stringify({ cells: [{ cell_type: 'code', source: 'import os\nimport sys\nfrom text import tidy\n\nos.system(tidy(sys.argv[1]))', outputs: [] }], nbformat: 4, nbformat_minor: 5, metadata: {} });
    const found = await taintIn({ 'text.py': 'def tidy(value):\n    return value.strip()\n', 'explore.ipynb': notebook }, 'command-injection');
    expect(found.map((f) => f.location.file)).toEqual(['explore.ipynb']);
  });

  it('keeps a sanitizer inside a function of the same file on the flow out of it', async () => {
    const code = 'import os\nimport shlex\nimport sqlite3\nimport sys\n\n\ndef wrap(x):\n    return shlex.quote(x)\n\n\nv = wrap(sys.argv[1])\nos.system("ls " + v)\nsqlite3.connect("db").execute("SELECT " + v)\n';
    expect(await taintIn({ 'job.py': code }, 'command-injection')).toEqual([]);
    expect(await taintIn({ 'job.py': code }, 'sql-injection')).toHaveLength(1);
  });

  it('joins a return of one module with a parameter sink of another', async () => {
    const found = await taintIn(
      {
        'loaders.py': PANDAS_LOADER,
        'run.py': 'import os\n\n\ndef launch(cmd):\n    os.system(cmd)\n',
        'job.py': 'import run\nfrom loaders import fetch\n\n\ndef main(p):\n    run.launch(fetch(p))\n',
      },
      'command-injection',
    );
    expect(found.map((f) => f.location.file)).toEqual(['run.py']);
  });
});

describe('result cache and summaries of other modules', () => {
  it('finds a new flow when only the called module changed, the caller coming from the cache', async () => {
    const root = tempTree({
      'loaders.py': 'def fetch(path):\n    return "1"\n',
      'job.py': 'import os\nfrom loaders import fetch\n\nos.system(fetch("in.csv"))\n',
    });
    const run = () => assessCached(root);
    try {
      const before = await run();
      expect(before.findings.filter((f) => f.ruleId === 'py.taint.command-injection')).toEqual([]);
      fs.writeFileSync(path.join(root, 'loaders.py'), 'import pandas as pd\n\n\ndef fetch(path):\n    return pd.read_csv(path)\n');
      const after = await run();
      expect(after.stats.filesFromCache).toBe(1);
      expect(after.findings.filter((f) => f.ruleId === 'py.taint.command-injection').map((f) => f.location.file)).toEqual(['job.py']);
    } finally {
      removeTree(root);
    }
  });
});

describe('one finding per sink when only the project step proves the flow', () => {
  /** Python findings on one line of one file, as `rule confidence`. */
  const onLine = (findings: Finding[], file: string, line: number) =>
    findings.filter((f) => f.location.file === file && f.location.startLine === line && f.ruleId.startsWith('py.')).map((f) => `${f.ruleId} ${f.confidence}`);
  const evalJob = 'from loaders import fetch\n\nrules = fetch("rules.csv")\neval(rules)\n';

  it('replaces the pattern finding on a sink fed by what another module returns', async () => {
    const { findings } = await assessTree({ 'loaders.py': PANDAS_LOADER, 'job.py': evalJob }, { only: ['sast'] });
    expect(onLine(findings, 'job.py', 4)).toEqual(['py.taint.code-injection high']);
    const taint = findings.find((f) => f.ruleId === 'py.taint.code-injection')!;
    expect(traceOf(taint)[0]).toBe('loaders.py:5:source: pandas.read_csv (file)');
    expect(traceOf(taint).at(-1)).toBe('job.py:4:sink: builtins.eval() — the value runs as code');
  });

  it('keeps the pattern finding when the other module returns a literal', async () => {
    const { findings } = await assessTree({ 'loaders.py': 'def fetch(path):\n    return "1 + 1"\n', 'job.py': evalJob }, { only: ['sast'] });
    expect(onLine(findings, 'job.py', 4)).toEqual(['py.code-injection.eval-exec medium']);
  });

  it('replaces the pattern finding on a sink of an imported function that a caller hands untrusted data', async () => {
    const run = 'import os\n\n\ndef launch(cmd):\n    os.system(cmd)\n';
    const job = (arg: string) => `import sys\nfrom run import launch\n\nlaunch(${arg})\n`;
    const tainted = await assessTree({ 'run.py': run, 'job.py': job('sys.argv[1]') }, { only: ['sast'] });
    expect(onLine(tainted.findings, 'run.py', 5)).toEqual(['py.taint.command-injection high']);
    expect(tainted.findings.find((f) => f.ruleId === 'py.taint.command-injection')!.trace!.map((s) => s.label)).toContain('passed to run.launch() as cmd');
    const literal = await assessTree({ 'run.py': run, 'job.py': job('"ls"') }, { only: ['sast'] });
    expect(onLine(literal.findings, 'run.py', 5)).toEqual(['py.command-injection.os-system medium']);
  });

  it('drops the pattern finding of a file taken from the cache, and keeps the fingerprints of the rest', async () => {
    const root = tempTree({
      'loaders.py': 'def fetch(path):\n    return "1 + 1"\n',
      'job.py': `import hashlib\n${evalJob}hashlib.md5(rules.encode())\n`,
    });
    const run = () => assessCached(root);
    try {
      const before = await run();
      expect(onLine(before.findings, 'job.py', 5)).toEqual(['py.code-injection.eval-exec medium']);
      fs.writeFileSync(path.join(root, 'loaders.py'), PANDAS_LOADER);
      const after = await run();
      expect(after.stats.filesFromCache).toBe(1);
      expect(onLine(after.findings, 'job.py', 5)).toEqual(['py.taint.code-injection high']);
      const others = (r: typeof before) => r.findings.filter((f) => f.location.file === 'job.py' && f.location.startLine !== 5).map((f) => `${f.ruleId} ${f.fingerprint}`);
      expect(others(before).length).toBeGreaterThan(0);
      expect(others(after)).toEqual(others(before));
    } finally {
      removeTree(root);
    }
  });
});

describe('flows kept per expression', () => {
  it('keep an imported call that reads a file when environment values would fill every place', async () => {
    const job = py`
      import os
      from osinfo import release

      def platform():
          return (release(), os.environ["A"], os.environ["B"], os.environ.get("C"), os.environ.get("D"))

      def build_dir():
          return open(os.path.join("/srv/build", platform()[0]))
    `;
    const found = await taintIn({ 'osinfo.py': 'def release():\n    return open("/etc/os-release").read()\n', 'job.py': job }, 'path-traversal');
    const high = found.filter((f) => f.severity === 'high');
    expect(high.map((f) => [f.location.file, f.location.startLine])).toEqual([['job.py', 8]]);
    expect(high[0]!.message).toContain('builtins.open().read (file /etc/os-release)');
  });
});
