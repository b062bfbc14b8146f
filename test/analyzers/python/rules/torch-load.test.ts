import { describe, expect, it } from 'vitest';
import { scan } from '../scan.js';

const ID = 'py.deserialization.torch-load';

describe(ID, () => {
  it('reports an explicit weights_only=False at high confidence', () => {
    const [finding] = scan('import torch\nstate = torch.load(p, weights_only=False)\n', ID);
    expect(finding?.confidence).toBe('high');
    expect(finding?.message).toContain('weights_only=False');
  });

  it('reports an omitted weights_only at medium confidence, since PyTorch 2.6 changed the default', () => {
    const [finding] = scan('import torch as T\nstate = T.load(p, map_location="cpu")\n', ID);
    expect(finding?.confidence).toBe('medium');
    expect(finding?.message).toContain('2.6');
  });

  it('does not report weights_only=True, directly or through a constant', () => {
    expect(scan('import torch\nstate = torch.load(p, weights_only=True)\n', ID)).toEqual([]);
    expect(scan('import torch\nSAFE = True\nstate = torch.load(p, weights_only=SAFE)\n', ID)).toEqual([]);
  });

  it('reports weights_only from a run-time value at medium confidence', () => {
    expect(scan('import torch\nstate = torch.load(p, weights_only=args.safe)\n', ID)[0]?.confidence).toBe('medium');
  });

  it('reports hidden keyword arguments at low confidence instead of guessing', () => {
    expect(scan('import torch\nstate = torch.load(p, **load_kwargs)\n', ID)[0]?.confidence).toBe('low');
  });

  it('ignores load methods of other objects', () => {
    expect(scan('model.load(p)\ntorch_utils.load(p)\n', ID)).toEqual([]);
  });
});
