import { describe, expect, it } from 'vitest';
import { walkPickle } from '../../../src/analyzers/pickle-artifact/walk.js';
import { HAS_PYTHON, pythonPickles } from './pickles.js';

// os.system's reduce names posix.system on Linux; the object is only ever dumped and parsed.
const PICKLES = pythonPickles(`
class Shell:
    def __reduce__(self):
        return (os.system, ('true',))

benign = {'rows': [1, 2, 3], 'name': 'features', 'nested': {'k': (1.5, None, True)}, 'blob': b'\\x00\\x01'}
for proto in (0, 1, 2, 3, 4, 5):
    out[f'benign{proto}'] = pickle.dumps(benign, protocol=proto)
    out[f'shell{proto}'] = pickle.dumps(Shell(), protocol=proto)
# The second import's module name, 'collections', comes from the memo (BINGET).
out['memo4'] = pickle.dumps([collections.OrderedDict(a=1), collections.Counter('ab')], protocol=4)
out['two'] = pickle.dumps([1], protocol=4) + pickle.dumps(Shell(), protocol=4)
`);

const describeWithPython = HAS_PYTHON ? describe : describe.skip;
if (!HAS_PYTHON) console.warn('python3 not found: pickle walker tests on CPython-made pickles are skipped');

describeWithPython('walkPickle on CPython pickles', () => {
  const p = PICKLES!;

  it.each([0, 1, 2, 3, 4, 5])('walks a plain-data pickle of protocol %i without problems', (proto) => {
    const walk = walkPickle(p[`benign${proto}`]!);
    expect(walk.problem).toBeUndefined();
    // Protocol 2 spells bytes as _codecs.encode(...); that is the only import a plain dict needs.
    expect(walk.globals.map((g) => `${g.module}.${g.name}`).filter((n) => n !== '_codecs.encode')).toEqual([]);
    expect(walk.protocol).toBe(proto >= 2 ? proto : 0);
  });

  it.each([0, 1, 2, 3, 4, 5])('names the called posix.system in a protocol %i pickle', (proto) => {
    const walk = walkPickle(p[`shell${proto}`]!);
    expect(walk.problem).toBeUndefined();
    expect(walk.globals).toEqual([expect.objectContaining({ module: 'posix', name: 'system', invoked: true })]);
    expect(walk.globals[0]!.opcode).toBe(proto >= 4 ? 'STACK_GLOBAL' : 'GLOBAL');
  });

  it('reports the offset of the importing opcode', () => {
    const bytes = p.shell0!;
    const [global] = walkPickle(bytes).globals;
    expect(String.fromCharCode(bytes[global!.offset]!)).toBe('c');
  });

  it('resolves STACK_GLOBAL operands through the memo', () => {
    const names = walkPickle(p.memo4!).globals.map((g) => `${g.module}.${g.name}`);
    expect(names).toEqual(['collections.OrderedDict', 'collections.Counter']);
  });

  it('walks every pickle of a file written by repeated dumps', () => {
    const walk = walkPickle(p.two!);
    expect(walk.problem).toBeUndefined();
    expect(walk.globals.map((g) => g.name)).toEqual(['system']);
  });

  it.each([1, 10, 20])('turns a pickle cut %i bytes short into a problem, keeping imports seen so far', (cut) => {
    const bytes = p.shell2!;
    const walk = walkPickle(bytes.subarray(0, bytes.length - cut));
    expect(walk.problem).toMatch(/truncated pickle/);
  });
});

describe('walkPickle on hand-made streams', () => {
  const bytes = (s: string) => Buffer.from(s, 'latin1');

  it('reports an empty file and unknown opcodes as problems', () => {
    expect(walkPickle(new Uint8Array()).problem).toMatch(/empty/);
    expect(walkPickle(bytes('\x80\x04\xff')).problem).toMatch(/unknown opcode 0xff at offset 2/);
  });

  it('names a STACK_GLOBAL whose operands it cannot trace as computed', () => {
    const walk = walkPickle(bytes('\x80\x04NN\x93.'));
    expect(walk.globals[0]).toMatchObject({ module: '<computed>', name: '<computed>' });
  });

  it('keeps walking past stack underflow so that later imports are not hidden', () => {
    const walk = walkPickle(bytes('0000Rcos\nsystem\n.'));
    expect(walk.globals.map((g) => g.name)).toEqual(['system']);
  });

  it('marks BUILD on an imported module object as invoking it', () => {
    const walk = walkPickle(bytes('cos\nenviron\n}b.'));
    expect(walk.globals[0]).toMatchObject({ name: 'environ', invoked: true });
  });

  it('marks INST and OBJ imports as called', () => {
    expect(walkPickle(bytes("(S'id'\nios\nsystem\n.")).globals[0]).toMatchObject({ module: 'os', name: 'system', opcode: 'INST', invoked: true });
    expect(walkPickle(bytes("(csubprocess\ncall\nS'id'\no.")).globals[0]).toMatchObject({ name: 'call', invoked: true });
  });

  it('reports copyreg extension codes as unresolved imports', () => {
    expect(walkPickle(bytes('\x80\x02\x82\x07).')).globals[0]).toMatchObject({ module: '<copyreg extension>', name: '7' });
  });

  it('rejects an 8-byte length past the end of the file instead of allocating it', () => {
    expect(walkPickle(bytes('\x80\x04\x8e\xff\xff\xff\xff\xff\xff\x00\x00')).problem).toMatch(/runs past the end/);
  });

  it('stops at joblib inline array data and says so', () => {
    const walk = walkPickle(bytes('\x80\x04cjoblib.numpy_pickle\nNumpyArrayWrapper\n)\x81}b\x01\x02\x03'));
    expect(walk.problem).toMatch(/joblib stores raw numpy array bytes/);
  });

  it('reports bytes after STOP that are not another pickle', () => {
    expect(walkPickle(bytes('N.garbage')).problem).toMatch(/7 bytes after the pickle's STOP/);
  });
});
