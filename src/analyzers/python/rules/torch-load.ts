import { calls } from '../call-site.js';
import type { PythonRule } from '../python-rule.js';
import { reportUnseen } from './dynamic-value.js';

export const torchLoad: PythonRule = {
  id: 'py.deserialization.torch-load',
  title: 'torch.load without weights_only=True',
  category: 'sast',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-502'],
  what: 'Finds torch.load() calls that do not pass weights_only=True.',
  why:
    'A PyTorch checkpoint is a zip of pickles. Unless weights_only=True restricts the unpickler to tensors and plain ' +
    'containers, loading one runs any code it carries. Pipelines pull checkpoints from model hubs, shared buckets and ' +
    'earlier training runs; any of them can be swapped. PyTorch 2.6 made weights_only=True the default, so an ' +
    'omitted flag is unsafe on older versions and an explicit weights_only=False is unsafe on all of them.',
  remediation:
    'Pass weights_only=True and load state dicts into a model built in code (model.load_state_dict). Prefer ' +
    'safetensors for checkpoints that cross trust boundaries.',
  bad: [
    {
      file: 'training/finetune.py',
      code:
        'import torch\n\n\n' +
        'def resume(model, optimizer, checkpoint_path: str) -> int:\n' +
        '    state = torch.load(checkpoint_path, map_location="cpu", weights_only=False)\n' +
        '    model.load_state_dict(state["model"])\n' +
        '    optimizer.load_state_dict(state["optimizer"])\n' +
        '    return state["epoch"]\n',
    },
    {
      file: 'scoring/batch_score.py',
      code:
        'from torch import load as load_checkpoint\n\n' +
        'model = load_checkpoint("/models/churn/latest.pt", map_location="cpu")\n' +
        'model.eval()\n',
    },
  ],
  good: [
    {
      file: 'training/finetune.py',
      code:
        'import torch\n\n\n' +
        'def resume(model, optimizer, checkpoint_path: str) -> int:\n' +
        '    state = torch.load(checkpoint_path, map_location="cpu", weights_only=True)\n' +
        '    model.load_state_dict(state["model"])\n' +
        '    optimizer.load_state_dict(state["optimizer"])\n' +
        '    return state["epoch"]\n',
    },
  ],
  bandit: ['B614'],
  references: [
    'https://pytorch.org/docs/stable/generated/torch.load.html',
    'https://pytorch.org/docs/stable/notes/serialization.html',
    'https://cwe.mitre.org/data/definitions/502.html',
  ],
  onCall(call, ctx) {
    if (!calls(call, ['torch.load'])) return;
    const flag = call.keywords.get('weights_only');
    if (!flag) {
      if (call.hasSplat) reportUnseen(ctx, call, 'weights_only=True');
      else
        ctx.report(call.node, {
          message:
            `${call.name}() does not pass weights_only=True; before PyTorch 2.6 it unpickles the whole checkpoint, ` +
            'running any code in it',
          confidence: 'medium',
        });
      return;
    }
    const restricted = ctx.truthOf(flag);
    if (restricted === true) return;
    ctx.report(call.node, {
      message:
        restricted === false
          ? `${call.name}() is called with weights_only=False; the checkpoint is fully unpickled, running any code in it`
          : `${call.name}() takes weights_only from a value not known to be True; if it is false, the checkpoint is fully unpickled`,
      confidence: restricted === false ? 'high' : 'medium',
    });
  },
};
