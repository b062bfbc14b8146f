import { describe, expect, it } from 'vitest';
import { analysisOf, lastValueOf } from './parse.js';

/** The classifier of `code`, with the value last assigned to `v` there. */
function lastV(code: string) {
  const { root, values } = analysisOf(code);
  return { values, v: lastValueOf(root, 'v') };
}

const kindOfV = (code: string) => {
  const { values, v } = lastV(code);
  return values.kindOf(v);
};

const constantOfV = (code: string) => {
  const { values, v } = lastV(code);
  return values.constantOf(v);
};

describe('ValueClassifier.kindOf', () => {
  it.each([
    ['v = "text"', 'literal'],
    ['v = 42', 'literal'],
    ['v = ("a" "b")', 'literal'],
    ['v = f"{1 + 2} rows"', 'literal'],
    ['v = ["ls", "-l"]', 'literal'],
    ['v = {"a": 1}', 'literal'],
    ['v = -1', 'literal'],
    ['v = "a" if flag else "b"', 'literal'],
    ['v = "SELECT 1".strip()', 'literal'],
    ['import json\nDEFAULTS = \'{"cmd": "ls"}\'\nv = json.loads(DEFAULTS)["cmd"]', 'literal'],
    ['def f(a, *, n: int, when: Optional[datetime] = None):\n    v = f"{n} {when}"', 'literal'],
    ['def f(a, *, n: int, cmd):\n    v = f"{n} {cmd}"', 'formatted'],
    ['def f(name: str = "x"):\n    v = f"{name}"', 'formatted'],
    ['v = ", ".join(["a", "b"])', 'literal'],
    ['T = "t"\nv = f"SELECT * FROM {T}"', 'literal'],
    ['v = f"SELECT {x}"', 'formatted'],
    ['v = "SELECT %s" % x', 'formatted'],
    ['v = "SELECT " + x', 'formatted'],
    ['BASE = "SELECT * FROM t WHERE "\nv = BASE + cond', 'formatted'],
    ['v = "a = {}".format(x)', 'formatted'],
    ['TEMPLATE = "DELETE FROM {t}"\nv = TEMPLATE.format(t=name)', 'formatted'],
    ['v = ",".join(cols)', 'formatted'],
    ['v = f"x {y}".upper()', 'formatted'],
    ['v = "SELECT {t}".replace("{t}", table)', 'formatted'],
    ['import textwrap\nv = textwrap.dedent(f"""\n    SELECT {x}\n""")', 'formatted'],
    ['v = str(f"{x}")', 'formatted'],
    ['v = f"{x}" if flag else "default"', 'formatted'],
    ['q = "q"\nq += f" AND x = {x}"\nv = q', 'formatted'],
    ['q = "q"\nq += " LIMIT 10"\nv = q', 'literal'],
    ['v = x', 'unknown'],
    ['v = x + y', 'unknown'],
    ['v = x * 2', 'unknown'],
    ['v = load()', 'unknown'],
    ['v = df.replace(a, b)', 'unknown'],
    ['v = [a, "b"]', 'unknown'],
    ['v = x or "default"', 'unknown'],
    ['def f(q):\n    return q\nq = "x"\nv = q', 'literal'],
    ['q = f"{x}"\ndef f():\n    q = "x"\n    v = q', 'literal'],
    ['q = "x"\ndef f():\n    v = q\nq = f"{x}"', 'formatted'],
    ['q = "x"\nv = q\nq = f"{x}"', 'literal'],
    ['n = int(x)\nv = f"SELECT * FROM t LIMIT {n}"', 'literal'],
    ['v = "WHERE id IN (%s)" % ",".join([str(int(i)) for i in ids])', 'literal'],
    ['v = f"{len(rows)} rows, mean {float(m)}"', 'literal'],
    ['v = ",".join([str(i) for i in ids])', 'formatted'],
    ['v = f"flag {bool(x)}"', 'formatted'],
    ['if kind in {"a", "b"}:\n    v = f"process {kind}"', 'literal'],
    ['if row["kind"] in ALLOWED:\n    v = f"process {row[\'kind\']}"', 'literal'],
    ['if row["kind"] in ALLOWED:\n    v = f"process {row[\'path\']}"', 'formatted'],
    ['if cfg.mode.isidentifier():\n    v = "run " + cfg.mode', 'literal'],
    ['jsonschema.validate(doc, SCHEMA)\nv = f"SELECT {doc}"', 'formatted'],
    ['import re\nif re.match(r"[a-z]+", x):\n    v = "run " + x', 'formatted'],
    ['import re\nif re.match(r"[a-z]+$", x):\n    v = "run " + x', 'literal'],
    ['import re\nif re.fullmatch(r"[a-z]+", x):\n    v = "run " + x', 'literal'],
    ['v = " " * depth + "select x from t"', 'literal'],
    ['v = ["?"] * len(ids)', 'literal'],
    ['v = x * 3 + "select"', 'formatted'],
    ['v = QUERY % "sumint"', 'unknown'],
    ['v = "select %s" % "sumint"', 'literal'],
    ['for n in range(500):\n    v = f"select {n}"', 'literal'],
    ['for statement in ("INSERT OR REPLACE", "REPLACE"):\n    v = "{} INTO t".format(statement)', 'literal'],
    ['for name, kind in [("a", 1), ("b", 2)]:\n    v = f"select {name}"', 'literal'],
    ['for name in names:\n    v = f"select {name}"', 'formatted'],
    ['for i, name in enumerate(["a", "b"]):\n    v = f"select {name} -- {i}"', 'literal'],
    ['QUERIES = {"daily": "SELECT 1", "weekly": "SELECT 7"}\nfor name, sql in QUERIES.items():\n    v = f"{sql} /* {name} */"', 'literal'],
    ['for a, b in zip(["x"], ["y"]):\n    v = a + b', 'literal'],
    ['for name in sorted(names):\n    v = f"select {name}"', 'formatted'],
    ['for key in config.keys():\n    v = f"select {key}"', 'formatted'],
    ['for i, name in enumerate(names):\n    v = f"select {name}"', 'formatted'],
    ['for c in [a, "b"]:\n    v = f"select {c}"', 'formatted'],
  ])('%j is %s', (code, kind) => {
    expect(kindOfV(code)).toBe(kind);
  });

  it.each([
    // A helper nested in the DAG function, called only with constants: its parameters are constants.
    ['SCHEMA = "public"\ndef dag():\n    def load(df, table, schema):\n        v = f"DROP TABLE {schema}.{table}"\n    load(a, "dates", SCHEMA)\n    load(b, table="holidays", schema=SCHEMA)', 'literal'],
    ['def _load(table, schema="public"):\n    v = f"DROP TABLE {schema}.{table}"\n_load("dates")\n_load(table="holidays")', 'literal'],
    ['def dag():\n    def load(table, *, schema):\n        v = f"DROP TABLE {schema}.{table}"\n    def task():\n        load("dates", schema="public")\n    task()', 'literal'],
    // One call passing a value from elsewhere is enough to leave it open.
    ['def dag():\n    def load(table):\n        v = f"DROP TABLE {table}"\n    load("dates")\n    load(conf["table"])', 'formatted'],
    ['def _load(table):\n    v = f"DROP TABLE {table}"\n_load(f"t_{suffix}")', 'formatted'],
    // Other modules may import a public function; a callback, a decorated or a splatted call is called with what the caller has.
    ['def load(table):\n    v = f"DROP TABLE {table}"\nload("dates")', 'formatted'],
    ['def dag():\n    def load(table):\n        v = f"DROP TABLE {table}"\n    load("dates")\n    PythonOperator(task_id="l", python_callable=load)', 'formatted'],
    ['def dag():\n    @task\n    def load(table):\n        v = f"DROP TABLE {table}"\n    load("dates")', 'formatted'],
    ['def dag():\n    def load(table):\n        v = f"DROP TABLE {table}"\n    load(*names)', 'formatted'],
    ['def dag():\n    def load(*tables):\n        v = f"DROP TABLE {tables}"\n    load("dates")', 'formatted'],
    ['def dag():\n    def load(table):\n        v = f"DROP TABLE {table}"', 'formatted'],
    ['class Loader:\n    def _load(self, table):\n        v = f"DROP TABLE {table}"\n    def run(self):\n        self._load("dates")', 'formatted'],
  ])('a parameter of a helper only this file calls: %j is %s', (code, kind) => {
    expect(kindOfV(code)).toBe(kind);
  });

  it('takes shell-quoted parts as harmless only in a shell command, and HTML-escaped ones only in markup', () => {
    const { root, values, contextValues } = analysisOf('import html, shlex\nv = "ls " + shlex.quote(path) + " | wc -l"\nw = f"<td>{html.escape(cell)}</td>"\n');
    const v = lastValueOf(root, 'v');
    const w = lastValueOf(root, 'w');
    expect(contextValues.shell.kindOf(v)).toBe('literal');
    expect(values.kindOf(v)).toBe('formatted');
    expect(contextValues.html.kindOf(v)).toBe('formatted');
    expect(contextValues.html.kindOf(w)).toBe('literal');
    expect(contextValues.shell.kindOf(w)).toBe('formatted');
  });

  it('reads the value before the statement in a self-referencing assignment', () => {
    expect(kindOfV('q = "SELECT 1"\nq = q + " LIMIT 10"\nq = q.strip()\nv = q')).toBe('literal');
    expect(kindOfV('q = "SELECT 1"\nq = q + f" WHERE id = {i}"\nv = q')).toBe('formatted');
  });

  it('follows values around loops to a fixed point', () => {
    expect(kindOfV('q = "SELECT 1"\nwhile more():\n    q = q.strip() + " "\nv = q')).toBe('literal');
    expect(kindOfV('q = "SELECT * FROM t WHERE 1 = 1"\nfor c in cols:\n    q = q.strip()\n    q = q + " AND " + c\nv = q')).toBe('formatted');
    expect(kindOfV('q = "x"\nfor c in cols:\n    w = q\n    q = c\nv = w')).toBe('unknown');
  });

  it('settles cycles with nothing outside them as literal: no value can enter', () => {
    expect(kindOfV('while True:\n    a = b\n    b = a\nv = a')).toBe('literal');
  });

  it('stays fast on exponentially branching chains of names', () => {
    const lines = ['n0 = x'];
    for (let i = 1; i <= 200; i++) lines.push('if c:', `    n${i} = n${i - 1} + n${i - 1}`, 'else:', `    n${i} = n${i - 1} % n${i - 1}`);
    lines.push('n0 = n200', 'v = n200');
    const started = performance.now();
    expect(kindOfV(lines.join('\n'))).toBe('unknown');
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('ValueClassifier.constantOf and truthOf', () => {
  it.each([
    ['v = "data"', 'data'],
    ["v = 'a' 'b'", 'ab'],
    ['v = r"C:\\tmp"', 'C:\\tmp'],
    ['v = 0x1F', 31],
    ['v = 1_000', 1000],
    ['v = True', true],
    ['v = None', null],
    ['v = (False)', false],
    ['FLAG = True\nv = FLAG', true],
    ['FLAG = True\nFLAG = True\nv = FLAG', true],
    ['def f(FLAG):\n    pass\nFLAG = True\nv = FLAG', true],
    ['FLAG = False\nif debug:\n    FLAG = False\nv = FLAG', false],
  ])('%j is %j', (code, value) => {
    expect(constantOfV(code)).toBe(value);
  });

  it.each([
    ['v = f"{x}"'],
    ['v = "tab\\there"'],
    ['v = x'],
    ['FLAG = True\nif debug:\n    FLAG = False\nv = FLAG'],
    ['v = 1.5'],
  ])('%j is not a known constant', (code) => {
    expect(constantOfV(code)).toBeUndefined();
  });

  it('follows Python truthiness', () => {
    const { root, values } = analysisOf('a = ""\nb = "x"\nc = 0\nd = 2\ne = None\nf = False\ng = flag\n');
    const truth = (name: string) => values.truthOf(lastValueOf(root, name));
    expect(['a', 'b', 'c', 'd', 'e', 'f', 'g'].map(truth)).toEqual([false, true, false, true, false, false, undefined]);
  });
});

describe('ValueClassifier.piecesOf and sequenceOf', () => {
  const piecesOfV = (code: string) => {
    const { values, v } = lastV(code);
    return values.piecesOf(v)?.map((p) => (p.fixed ? p.text : `<${p.text}>`)).join('');
  };

  it.each([
    ['v = "run " + image + " now"', 'run <{image}> now'],
    ['OPTS = "--privileged"\nv = f"docker run {OPTS} {image!r}"', 'docker run --privileged <{image}>'],
    ['CMD = "docker run"\nv = "{} {{x}} {img} {n:>3} {0}".format(CMD, img=image, n=count)', 'docker run {x} <{image}> <{…}> docker run'],
    ['v = "{}".format(*args)', undefined],
    ['v = image', undefined],
    ['CMD = f"ssh {host} uptime"\nv = CMD', 'ssh <{host}> uptime'],
    ['CMD = f"ssh {host} uptime"\nCMD = other\nv = CMD', undefined],
  ])('%s → %s', (code, expected) => {
    expect(piecesOfV(code)).toBe(expected);
  });

  it('takes a list from the one assignment of a name, not from one filled later or assigned twice', () => {
    const items = (code: string) => {
      const { root, values } = analysisOf(code);
      const call = root.descendantsOfType('call').at(-1)!;
      return values.sequenceOf(call.childForFieldName('arguments')!.namedChildren[0]!)?.map((n) => n.text);
    };
    expect(items('cmd = ["docker", "run", img]\nrun(cmd)')).toEqual(['"docker"', '"run"', 'img']);
    expect(items('cmd = ["docker", "run"]\ncmd.append(img)\nrun(cmd)')).toBeUndefined();
    expect(items('cmd = ["a"] if x else ["b"]\nrun(cmd)')).toBeUndefined();
    expect(items('if x:\n    cmd = ["a"]\nelse:\n    cmd = ["b"]\nrun(cmd)')).toBeUndefined();
  });
});
