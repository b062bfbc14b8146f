import { describe, expect, it } from 'vitest';
import { analysisOf, lastCall } from './parse.js';
import { py } from './scan.js';

/** The resolved callee of the file's last call. */
function calleeOf(code: string) {
  const { root, resolver } = analysisOf(code);
  return resolver.callSite(lastCall(root)).name;
}

describe('Resolver', () => {
  it.each([
    ['import pickle as p\np.loads(b)', 'pickle.loads'],
    ['from yaml import load as l\nl(f)', 'yaml.load'],
    ['import os.path\nos.path.join(a, b)', 'os.path.join'],
    ['import tarfile\nt = tarfile.open(f)\nt.extractall()', 'tarfile.open().extractall'],
    ['import tarfile\nwith tarfile.open(f) as t:\n    t.extractall()', 'tarfile.open().extractall'],
    ['import tarfile\n(tarfile.open(f)).extractall()', 'tarfile.open().extractall'],
    ['import subprocess\nrun = subprocess.run\nrun(cmd)', 'subprocess.run'],
    ['import requests\ns = requests.Session()\nalias = s\nalias.get(u)', 'requests.Session().get'],
    ['cursor.execute(q)', 'cursor.execute'],
    ['eval(x)', 'builtins.eval'],
    ['def eval(x):\n    pass\neval(x)', 'eval'],
    ['eval = safe_eval\neval(x)', 'safe_eval'],
    ['def f(open):\n    open(p)', 'open'],
    ['transform(x)', 'transform'],
  ])('%j calls %s', (code, name) => {
    expect(calleeOf(code)).toBe(name);
  });

  it('gives up on a name bound to different objects, keeping its own text', () => {
    expect(calleeOf('import tarfile, zipfile\nif a:\n    t = tarfile.open(a)\nelse:\n    t = zipfile.ZipFile(b)\nt.extractall()')).toBe('t.extractall');
    expect(calleeOf('import tarfile, zipfile\nt = tarfile.open(a)\nt = zipfile.ZipFile(b)\nt.extractall()')).toBe('zipfile.ZipFile().extractall');
    expect(calleeOf('import tarfile\ndef f(t):\n    t.extractall()\nt = tarfile.open(a)\nf(t)\ndef g(t):\n    t.extractall()')).toBe('t.extractall');
  });

  it('resolves names in the scope of the read', () => {
    const code = py`
      import tarfile, zipfile

      def unpack_tar(p):
          a = tarfile.open(p)
          a.extractall()

      def unpack_zip(p):
          a = zipfile.ZipFile(p)
          a.extractall()
    `;
    const { root, resolver } = analysisOf(code);
    const names = root.descendantsOfType('call').map((c) => resolver.callSite(c).name);
    expect(names).toEqual(['tarfile.open', 'tarfile.open().extractall', 'zipfile.ZipFile', 'zipfile.ZipFile().extractall']);
  });

  it('sees a module-level object from inside functions, and not a class body from its methods', () => {
    expect(calleeOf('import requests\nhttp = requests.Session()\ndef fetch(u):\n    return http.get(u)')).toBe('requests.Session().get');
    expect(calleeOf('import requests\nclass C:\n    http = requests.Session()\n    def fetch(self, u):\n        return http.get(u)')).toBe('http.get');
  });

  it('binds an import inside a function in that function only, and lets a parameter shadow a module import', () => {
    expect(calleeOf('def a():\n    import pickle as p\n    return p.loads(b)\n')).toBe('pickle.loads');
    expect(calleeOf('def a():\n    import pickle as p\ndef b(p):\n    p.loads(x)\n')).toBe('p.loads');
    expect(calleeOf('def b(p):\n    p.loads(x)\nimport pickle as p\n')).toBe('p.loads');
    expect(calleeOf('import pickle as p\ndef b():\n    p.loads(x)\n')).toBe('pickle.loads');
    expect(calleeOf('import pickle as p\nclass C:\n    p = None\n    def m(self):\n        p.loads(x)\n')).toBe('pickle.loads');
  });

  it('cannot name calls on subscripts or other computed receivers', () => {
    expect(calleeOf('handlers["x"].run(cmd)')).toBeUndefined();
    expect(calleeOf('get_cursor().execute(q)')).toBe('get_cursor().execute');
  });

  it('splits positional, keyword and splatted arguments', () => {
    const { root, resolver } = analysisOf('subprocess.run(cmd, "x", *extra, shell=True, **opts)\n');
    const call = resolver.callSite(lastCall(root));
    expect(call.method).toBe('run');
    expect(call.positional.map((n) => n.text)).toEqual(['cmd', '"x"']);
    expect([...call.keywords.keys()]).toEqual(['shell']);
    expect(call.hasSplat).toBe(true);
  });

  it('survives self-referencing and cyclic assignments', () => {
    expect(calleeOf('x = x.strip()\nx.run()')).toBe('x.run');
    expect(calleeOf('a = b.f()\nb = a.g()\na.h()')).toMatch(/\.h$/);
  });

  it('stays fast on exponentially branching alias chains', () => {
    const lines = ['import os', 'n0 = os'];
    for (let i = 1; i <= 200; i++) lines.push('if c:', `    n${i} = n${i - 1}.a()`, 'else:', `    n${i} = n${i - 1}.b()`);
    lines.push('n0 = n200', 'n200.system(x)');
    const started = performance.now();
    expect(calleeOf(lines.join('\n'))).toBe('n200.system');
    expect(performance.now() - started).toBeLessThan(2000);
  });

  describe('lineageOf', () => {
    it('follows bases of classes defined in the file, transitively', () => {
      const { root, resolver } = analysisOf(
        'import yaml\nclass A(yaml.SafeLoader):\n    pass\nclass B(A, metaclass=Meta):\n    pass\nyaml.load(f, Loader=B)\n',
      );
      const loader = lastCall(root).childForFieldName('arguments')!.namedChildren[1]!.childForFieldName('value')!;
      expect(resolver.lineageOf(loader)).toEqual(['B', 'A', 'yaml.SafeLoader']);
    });

    it('terminates on cyclic class hierarchies', () => {
      const { root, resolver } = analysisOf('class A(B):\n    pass\nclass B(A):\n    pass\nuse(A)\n');
      const arg = lastCall(root).childForFieldName('arguments')!.namedChildren[0]!;
      expect(resolver.lineageOf(arg)).toEqual(['A', 'B']);
    });
  });
});
