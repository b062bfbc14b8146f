import { describe, expect, it } from 'vitest';
import { bytesLiteral } from '../../../../src/analyzers/python/bytes-literal.js';
import { parsePython } from '../../../../src/analyzers/python/parser.js';
import { scan } from '../scan.js';

const ID = 'py.deserialization.pickle';
const literalOf = (source: string) => bytesLiteral(parsePython(source).rootNode.firstNamedChild!.firstNamedChild!);

describe('bytes literals', () => {
  it('decodes escapes, raw and implicitly concatenated parts as Python does', () => {
    expect([...literalOf(String.raw`b"a\x41\101\n\\\q"`)!]).toEqual([0x61, 0x41, 0x41, 0x0a, 0x5c, 0x5c, 0x71]);
    expect([...literalOf(String.raw`rb"\x41" B'\t'`)!]).toEqual([0x5c, 0x78, 0x34, 0x31, 0x09]);
    expect([...literalOf('b"ab\\\ncd"')!]).toEqual([0x61, 0x62, 0x63, 0x64]);
    expect(literalOf('"text"')).toBeUndefined();
    expect(literalOf('b"a" "text"')).toBeUndefined();
  });
});

describe(ID, () => {
  it('passes a round trip: pickle.dumps() or an object pickling itself, read straight back', () => {
    const code = ['import pickle', 'a = pickle.loads(pickle.dumps(frame))', 'blob = zs.dumps()', 'b = pickle.loads(blob)', 'c = pickle.loads(json.dumps(x, indent=2))', 'd = pickle.loads(cache.dumps(key))', ''].join('\n');
    expect(scan(code, ID).map((f) => f.location.startLine)).toEqual([5, 6]);
  });

  it('judges a literal pickle by the globals it imports: data only passes, code is critical', () => {
    const code = [
      'import pickle',
      String.raw`assert pickle.loads(b"(lp0\nI1\naI2\na.") == [1, 2]`,
      String.raw`day = pickle.loads(b'\x80\x02cdatetime\ndate\nq\x00C\x04\x07\xe8\x05\x01q\x01\x85q\x02Rq\x03.')`,
      String.raw`payload = b"cos\nsystem\n(S'id'\n" b"tR."`,
      'pickle.loads(payload)',
      String.raw`pickle.loads(b"cacme.models\nScorer\n)R.")`,
      'pickle.loads(blob)',
      '',
    ].join('\n');
    const found = scan(code, ID).map((f) => `${f.location.startLine}:${f.severity}`);
    expect(found).toEqual(['5:critical', '6:high', '7:high']);
    expect(scan(code, ID)[0]!.message).toMatch(/imports os\.system/);
  });
});
