import { describe, expect, it } from 'vitest';
import { py, scan } from '../scan.js';

const ID = 'py.supply-chain.huggingface-remote-code';

describe(ID, () => {
  it('rates remote code by whether a full commit id pins it, and a flag of unknown value at medium confidence', () => {
    const found = scan(py`
      from datasets import load_dataset
      from transformers import AutoModel, AutoTokenizer
      a = AutoModel.from_pretrained("acme/encoder", trust_remote_code=True)
      b = AutoModel.from_pretrained("acme/encoder", revision="main", trust_remote_code=True)
      c = AutoTokenizer.from_pretrained("acme/encoder", revision="c9745ed1d9f207416be6d2e6f8de32d1f16199bf", trust_remote_code=True)
      d = load_dataset("acme/reviews", trust_remote_code=trust)
    `, ID);
    expect(found.map((f) => [f.location.startLine, f.severity, f.confidence])).toEqual([
      [3, 'high', 'high'],
      [4, 'high', 'high'],
      [5, 'medium', 'high'],
      [6, 'high', 'medium'],
    ]);
    expect(found[2]!.message).toBe('from_pretrained() runs the Python code "acme/encoder" ships at commit c9745ed1d9f2 (trust_remote_code=True); review it before each bump');
  });

  it('leaves local copies, trust_remote_code=False and other from_pretrained methods alone', () => {
    expect(scan(py`
      from transformers import AutoModel
      from mylib import Loader
      a = AutoModel.from_pretrained("./vendor/encoder", trust_remote_code=True)
      b = AutoModel.from_pretrained("acme/encoder", trust_remote_code=False)
      c = Loader.from_pretrained("acme/encoder", trust_remote_code=True)
    `, ID)).toEqual([]);
  });
});
