import { describe, expect, it } from 'vitest';
import { py, scan } from '../scan.js';

const ID = 'py.deserialization.marshal';

describe(ID, () => {
  it('reports marshal.load through a module alias', () => {
    const findings = scan(py`
      import marshal as m
      def read(fh):
          return m.load(fh)
    `, ID);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.message).toContain('marshal.load()');
    expect(findings[0]!.severity).toBe('medium');
  });

  it('reports marshal.loads on bytes from elsewhere, not on a literal', () => {
    expect(scan('import marshal\nrows = marshal.loads(payload)\n', ID)).toHaveLength(1);
    expect(scan('import marshal\nmarker = marshal.loads(b"\\xe9\\x00\\x00\\x00")\n', ID)).toEqual([]);
  });

  it('ignores a local function that happens to be called loads', () => {
    expect(scan('def loads(b):\n    return b\n\nloads(payload)\n', ID)).toEqual([]);
  });
});
