import { describe, expect, it } from 'vitest';
import { type Binding, collectBindings } from '../../../src/analyzers/python/bindings.js';
import { parsePython } from '../../../src/analyzers/python/parser.js';
import { py } from './scan.js';

/** For each `use(name)` in the file, in order: the bindings visible where it reads `name`. */
function reads(code: string): Array<Binding[] | undefined> {
  const root = parsePython(code).rootNode;
  const bindings = collectBindings(root);
  return root
    .descendantsOfType('call')
    .filter((c) => c.childForFieldName('function')?.text === 'use')
    .map((c) => c.childForFieldName('arguments')!.namedChildren[0]!)
    .map((read) => bindings.visibleAt(read.text, read));
}

/** The kinds of the bindings each read sees; undefined when none is visible. */
const visible = (code: string) => reads(code).map((list) => list?.map((b) => b.kind));

/** What each read may see: assigned values as source text, other bindings by kind. */
const values = (code: string) => reads(code).map((list) => (list ?? []).map((b) => ('value' in b ? b.value.text : b.kind)));

describe('Bindings', () => {
  it('records simple and augmented assignments and with-as targets with their values', () => {
    expect(values('q = "SELECT 1"\nq += where\nuse(q)\nwith tarfile.open(p) as t:\n    use(t)\n')).toEqual([
      ['"SELECT 1"', 'where'],
      ['tarfile.open(p)'],
    ]);
  });

  it('sees only the loop\'s own element inside a for body, and every earlier value after the loop', () => {
    const code = py`
      for row in first:
          pass
      for row in second:
          use(row)
          row = fix(row)
          use(row)
      use(row)
    `;
    expect(values(code)).toEqual([['second'], ['fix(row)'], ['first', 'second', 'fix(row)']]);
  });

  it('records unpacking and loop targets as elements and parameters by position; walrus targets as assignments, except targets opaque', () => {
    const code = py`
      a, b = pair
      use(a)
      for row in rows:
          use(row)
      def f(x, y=1, *args, z: int = 2, **kw):
          use(x)
          use(y)
          use(args)
          use(z)
          use(kw)
      if (m := g()):
          use(m)
      try:
          pass
      except (ValueError, KeyError) as err:
          use(err)
          use(ValueError)
      with open(p) as (h1, h2):
          use(h1)
    `;
    const opaque = ['other'];
    const param = ['param'];
    const element = ['element'];
    expect(visible(code)).toEqual([element, element, param, param, param, param, param, ['assign'], opaque, undefined, opaque]);
  });

  it('binds a walrus in a comprehension in the function around it, and keeps earlier values visible after a walrus', () => {
    const code = py`
      def f(keys):
          hit = None
          found = [v for k in keys if (v := lookup(k))]
          use(v)
          if ok and (hit := probe()):
              pass
          use(hit)
    `;
    expect(values(code)).toEqual([['lookup(k)'], ['None', 'probe()']]);
  });

  it('records class and function definitions with their node', () => {
    const root = parsePython('class L(yaml.SafeLoader):\n    pass\ndef f():\n    pass\nuse(L)\nuse(f)\n').rootNode;
    const bindings = collectBindings(root);
    const [l, f] = root.descendantsOfType('call').map((c) => c.childForFieldName('arguments')!.namedChildren[0]!);
    const cls = bindings.visibleAt('L', l!)![0]!;
    expect(cls.kind === 'class' && cls.node.childForFieldName('superclasses')?.text).toBe('(yaml.SafeLoader)');
    expect(bindings.visibleAt('f', f!)!.map((b) => b.kind)).toEqual(['function']);
  });

  it('binds nothing for attribute and subscript targets', () => {
    expect(visible('self.session = requests.Session()\nrow["x"] = 1\nuse(self)\nuse(row)\n')).toEqual([undefined, undefined]);
  });

  it('sees, within one scope, only bindings made before the read and not overwritten since', () => {
    expect(values('q = "a"\nuse(q)\nq = "b"\nuse(q)\n')).toEqual([['"a"'], ['"b"']]);
    expect(values('q = "a"\nq += x\nuse(q)\n')).toEqual([['"a"', 'x']]);
  });

  it('lets only assignments in a block around the read overwrite earlier ones', () => {
    expect(values('q = "a"\nif c:\n    q = "b"\nuse(q)\n')).toEqual([['"a"', '"b"']]);
    expect(values('q = "a"\ntry:\n    q = "b"\nexcept E:\n    pass\nuse(q)\n')).toEqual([['"a"', '"b"']]);
    expect(values('q = "a"\nfor q in xs:\n    pass\nuse(q)\n')).toEqual([['"a"', 'xs']]);
    expect(values('q = "a"\nif c:\n    q = "b"\n    use(q)\n')).toEqual([['"b"']]);
    expect(values('q = "a"\nwith open(p) as q:\n    use(q)\n')).toEqual([['open(p)']]);
  });

  it('keeps a binding in one arm of an if/elif/else or match from reads in the other arms', () => {
    const code = py`
      def encode(f):
          if f == "-":
              f = sys.stdin
          elif isinstance(f, str):
              use(f)
              f = open(f)
          else:
              use(f)
          use(f)
          match f:
              case 1:
                  g = "one"
              case _:
                  g = "other"
                  use(g)
          use(g)
    `;
    expect(values(code)).toEqual([['param'], ['param'], ['param', 'sys.stdin', 'open(f)'], ['"other"'], ['"one"', '"other"']]);
  });

  it('lets a loop around the branches carry a binding in one arm into another', () => {
    expect(values('q = "a"\nfor x in xs:\n    if x:\n        q = x\n    else:\n        use(q)\n')).toEqual([['"a"', 'x']]);
  });

  it('lets a loop carry a later binding round only if nothing in the loop overwrites it first', () => {
    expect(values('q = "a"\nfor x in xs:\n    q = "b"\n    use(q)\n    q = x\n')).toEqual([['"b"']]);
    expect(values('q = "a"\nfor x in xs:\n    use(q)\n    q = x\n')).toEqual([['"a"', 'x']]);
  });

  it('reads the earlier value on the right of a self-referencing assignment', () => {
    expect(values('q = "a"\nq = use(q) + "b"\n')).toEqual([['"a"']]);
  });

  it('sees bindings later in a loop around the read', () => {
    expect(values('q = "a"\nfor x in xs:\n    use(q)\n    q = q + x\nuse(q)\n')).toEqual([
      ['"a"', 'q + x'],
      ['"a"', 'q + x'],
    ]);
  });

  it('keeps every binding when a read comes before all of them', () => {
    expect(values('def f():\n    use(q)\n    q = "a"\n')).toEqual([['"a"']]);
  });

  it('separates function scopes and lets nested functions see all of an outer scope', () => {
    expect(
      values('q = "module"\ndef f():\n    q = "f"\n    use(q)\ndef g():\n    use(q)\nq = "later"\nuse(q)\n'),
    ).toEqual([['"f"'], ['"module"', '"later"'], ['"later"']]);
  });

  it('hides class bodies from their methods, but not from themselves', () => {
    expect(values('q = "module"\nclass C:\n    q = "class"\n    use(q)\n    def m(self):\n        use(q)\n')).toEqual([['"class"'], ['"module"']]);
  });

  it('gives comprehensions and lambdas their own scope', () => {
    expect(visible('x = "s"\nrows = [use(x) for x in xs]\nuse(x)\nfn = lambda x: use(x)\n')).toEqual([['element'], ['assign'], ['param']]);
  });

  it('makes global and nonlocal names opaque in both scopes', () => {
    const code = py`
      q = "a"
      def f():
          global q
          q = "b"
          use(q)
      use(q)
      def outer():
          n = "x"
          def inner():
              nonlocal n
              n = "y"
          use(n)
    `;
    expect(visible(code)).toEqual([
      ['other', 'assign'],
      ['assign', 'other'],
      ['assign', 'other'],
    ]);
  });
});
