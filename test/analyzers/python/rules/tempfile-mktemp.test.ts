import { describe, expect, it } from 'vitest';
import { scan } from '../scan.js';

const ID = 'py.tempfile.mktemp';

describe(ID, () => {
  it('reports tempfile.mktemp however it is imported', () => {
    expect(scan('import tempfile\ntempfile.mktemp()\n', ID)).toHaveLength(1);
    expect(scan('from tempfile import mktemp as m\nm(suffix=".csv")\n', ID)).toHaveLength(1);
  });

  it('does not report the safe tempfile functions or other mktemp methods', () => {
    expect(scan('import tempfile\ntempfile.mkstemp()\ntempfile.NamedTemporaryFile()\nfs.mktemp()\n', ID)).toEqual([]);
  });
});
