import { describe, expect, it } from 'vitest';
import { scan } from '../scan.js';

const ID = 'py.deserialization.numpy-allow-pickle';

describe(ID, () => {
  it('reports allow_pickle=True as keyword or third positional argument', () => {
    expect(scan('import numpy as np\na = np.load(f, allow_pickle=True)\n', ID)[0]?.confidence).toBe('high');
    expect(scan('import numpy as np\na = np.load(f, None, True)\n', ID)).toHaveLength(1);
  });

  it('follows a flag assigned once to a constant', () => {
    expect(scan('import numpy as np\nPICKLES = True\na = np.load(f, allow_pickle=PICKLES)\n', ID)).toHaveLength(1);
    expect(scan('import numpy as np\nPICKLES = False\na = np.load(f, allow_pickle=PICKLES)\n', ID)).toEqual([]);
  });

  it('reports a flag from a run-time value at medium confidence', () => {
    const [finding] = scan('import numpy as np\na = np.load(f, allow_pickle=cfg.trusted)\n', ID);
    expect(finding?.confidence).toBe('medium');
  });

  it('does not report the default or allow_pickle=False', () => {
    expect(scan('import numpy as np\na = np.load(f)\nb = np.load(f, mmap_mode="r", allow_pickle=False)\n', ID)).toEqual([]);
  });

  it('reports **kwargs that may carry allow_pickle at low confidence', () => {
    const [finding] = scan('from numpy import load\na = load(f, **opts)\n', ID);
    expect(finding?.confidence).toBe('low');
    expect(finding?.message).toContain('allow_pickle');
  });

  it('does not confuse numpy.load with other load functions', () => {
    expect(scan('import json\nconfig = json.load(fh, allow_pickle=True)\n', ID)).toEqual([]);
  });
});
