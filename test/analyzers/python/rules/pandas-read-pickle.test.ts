import { describe, expect, it } from 'vitest';
import { py, scan } from '../scan.js';

const ID = 'py.deserialization.pandas-read-pickle';

describe(ID, () => {
  it.each([
    ['import pandas as pd\ndf = pd.read_pickle(path)\n'],
    ['import pandas\ndf = pandas.read_pickle(path)\n'],
    ['from pandas import read_pickle as rp\ndf = rp(path)\n'],
    ['import pandas.io.pickle\ndf = pandas.io.pickle.read_pickle(path)\n'],
  ])('reports %j', (code) => {
    const findings = scan(code, ID);
    expect(findings).toHaveLength(1);
    expect(findings[0]!.confidence).toBe('high');
  });

  it('reports a literal path too: the danger is in the file, not the name', () => {
    expect(scan('import pandas as pd\ndf = pd.read_pickle("cache/frame.pkl")\n', ID)).toHaveLength(1);
  });

  it('does not report writing a pickle or reading parquet', () => {
    expect(scan(py`
      import pandas as pd
      frame = pd.read_parquet("in.parquet")
      frame.to_pickle("out.pkl")
    `, ID)).toEqual([]);
  });

  it('does not report a read_pickle method of some other object', () => {
    expect(scan('store.read_pickle("x")\n', ID)).toEqual([]);
  });
});
