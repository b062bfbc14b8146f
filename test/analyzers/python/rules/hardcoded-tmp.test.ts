import { describe, expect, it } from 'vitest';
import { scan } from '../scan.js';

const ID = 'py.tempfile.hardcoded-tmp';

describe(ID, () => {
  it('reports a fixed name joined to the shared temporary directory, however tempfile and os.path are imported', () => {
    const found = scan('import os\nimport tempfile\nCACHE = os.path.join(tempfile.gettempdir(), "cache", "lookup.pkl")\n', ID);
    expect(found.map((f) => [f.location.startLine, f.message])).toEqual([
      [3, '"cache/lookup.pkl" is a fixed name in the shared temporary directory (tempfile.gettempdir()), which every user of the host can write'],
    ]);
    expect(scan('from os.path import join\nfrom tempfile import gettempdir as tmp\np = join(tmp(), "x.csv")\n', ID)).toHaveLength(1);
  });

  it('leaves private temporary directories and names that are not fixed alone', () => {
    const code = 'import os\nimport tempfile\na = os.path.join(tempfile.mkdtemp(), "lookup.pkl")\nb = os.path.join(tempfile.gettempdir(), run_id)\nc = os.path.join("/srv/cache", "x")\n';
    expect(scan(code, ID)).toEqual([]);
  });
});
