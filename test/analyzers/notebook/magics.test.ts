import { describe, expect, it } from 'vitest';
import { translateCell } from '../../../src/analyzers/notebook/magics.js';
import { findingsOf, notebook, scanNotebook } from './scan.js';

const lines = (text: string) => text.split('\n');

describe('IPython syntax in code cells', () => {
  const cells: Array<[string, string]> = [
    ['a shell escape', '!ls -la /data'],
    ['a double-bang escape', '!!ls'],
    ['a line magic', '%matplotlib inline\nimport os'],
    ['a pip magic', '%pip install -U requests==2.32.3'],
    ['an assignment from an escape', 'files = !ls *.csv\nprint(files)'],
    ['an assignment from a magic', 'out = %sx ls\nt = %timeit -o sum(range(10))'],
    ['help lines', 'os.path?\n??os.path.join\nlen??'],
    ['escapes inside blocks', 'for p in ["a", "b"]:\n    !echo {p}\n    %time print(p)\nif True:\n    !ls'],
    ['a continued escape', '!pip install \\\n    pandas==2.2.2 \\\n    numpy==2.0.0\nx = 1'],
    ['a %%bash cell', '%%bash\nfor f in *.csv; do\n  wc -l "$f"\ndone'],
    ['a %%sh cell', '%%sh\necho "(not python"'],
    ['a %%script cell', '%%script bash --bg\nsleep 10 &'],
    ['a %%capture cell', '%%capture out\nimport os\nprint(os.getcwd())'],
    ['a %%time cell', '%%time\ntotal = sum(range(10))'],
    ['a %%html cell', '%%html\n<div class="x">'],
    ['a %%writefile cell', '%%writefile job.py\ndef broken(:\n'],
    ['a Databricks %sql cell', '%sql\nSELECT * FROM t WHERE'],
    ['a Databricks %sh cell', '%sh ls /dbfs\necho done'],
    ['a cell magic after blank lines', '\n  \n%%bash\necho "(not python"'],
    ['%sql lines with splices', "%sql SELECT * FROM t WHERE id = {i}\nr = %sql SELECT '{{ x }}'\n%sql duckdb://"],
    ['a %%sql cell with a splice', "%%sql\nSELECT *\nFROM {{table}}\nWHERE c = '$v'"],
    ['timed statements', '%time df = (load(1,\n    2))\n%timeit -n 10 f()\n%prun f()'],
  ];

  it.each(cells)('accepts %s without a syntax error', (_what, source) => {
    const result = scanNotebook(notebook(['import os\n', source, 'x = (1,\n     2)\n']));
    expect(result.errors).toEqual([]);
  });

  it.each(cells)('keeps the line count of %s', (_what, source) => {
    expect(translateCell(lines(source)).python).toHaveLength(lines(source).length);
  });

  it('keeps Python that only looks like an escape: continuation lines and strings', () => {
    const source = lines('ok = (a\n      != b)\nr = (x\n     % y)\ns = """\n!not a command\n%not a magic\n"""');
    expect(translateCell(source)).toEqual({ python: source, commands: [], queries: [] });
  });

  it('keeps the statement a timing magic runs, so its bindings and calls are analysed', () => {
    expect(translateCell(['%time df = load()', '  %timeit x', '%timeit -n 3 y', 't = %time z']).python).toEqual([
      'df = load()',
      '  x',
      'pass',
      't = __ipython_output__',
    ]);
    const json = notebook(['import pickle\n', '%time obj = pickle.loads(b)\n']);
    expect(findingsOf(json).map((f) => /\(cell \d+, line \d+\)$/.exec(f.message)?.[0])).toEqual(['(cell 2, line 1)']);
  });

  it('binds the targets of an assignment from an escape, to an unknown value', () => {
    expect(translateCell(['files, n = !ls']).python).toEqual(['files, n = __ipython_output__']);
  });

  it('collects shell commands with where they start and whether IPython expands them', () => {
    const translated = translateCell(lines('import os\n!pip install \\\n  pandas\nx = !ls {path}\n%pip install numpy\n%sx cat $f\n%cd /tmp'));
    expect(translated.commands).toEqual([
      { line: 2, command: 'pip install pandas', expands: true },
      { line: 4, command: 'ls {path}', expands: true },
      { line: 5, command: 'pip install numpy', expands: true },
      { line: 6, command: 'cat $f', expands: true },
    ]);
    expect(translateCell(lines('%%bash\n# comment\npip install x \\\n  y\n')).commands).toEqual([
      { line: 3, command: 'pip install x y', expands: false },
    ]);
    expect(translateCell(lines('%sh pip install a\npip install b')).commands.map((c) => c.command)).toEqual(['pip install a', 'pip install b']);
    expect(translateCell(lines('%%script python3\nprint(1)')).commands).toEqual([]);
    expect(translateCell(lines('%%html\n<b>x</b>')).commands).toEqual([]);
  });

  it('stands a %sql query with splices in for the call jupysql makes, and lists every query with its line', () => {
    const line = translateCell(lines("%load_ext sql\nrows = %sql SELECT * FROM {{ table }} WHERE id = :id\n%sql SELECT 1"));
    expect(line.python).toEqual(['pass', "rows = get_ipython().run_line_magic('sql', f'SELECT * FROM {table} WHERE id = :id')", 'pass']);
    expect(line.queries).toEqual([
      { line: 2, command: 'SELECT * FROM {{ table }} WHERE id = :id', expands: true },
      { line: 3, command: 'SELECT 1', expands: true },
    ]);
    const cell = translateCell(lines('%%sql\nDELETE FROM {{t}}\nWHERE ds = $day'));
    expect(cell.python).toEqual(["get_ipython().run_cell_magic('sql', '', f'DELETE FROM {t} WHERE ds = {day}')", 'pass', 'pass']);
    expect(cell.queries).toEqual([{ line: 1, command: 'DELETE FROM {{t}} WHERE ds = $day', expands: true }]);
  });
});
