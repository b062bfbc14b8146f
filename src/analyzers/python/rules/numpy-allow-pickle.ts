import { argument, calls } from '../call-site.js';
import type { PythonRule } from '../python-rule.js';
import { reportUnseen } from './dynamic-value.js';

export const numpyAllowPickle: PythonRule = {
  id: 'py.deserialization.numpy-allow-pickle',
  title: 'numpy.load with allow_pickle enabled',
  category: 'sast',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-502'],
  what: 'Finds numpy.load() called with allow_pickle=True or with an allow_pickle value that is not literally False.',
  why:
    'With allow_pickle enabled, .npy and .npz files may hold object arrays, which numpy restores with pickle: loading ' +
    'the file runs code its author chose. Embedding and feature arrays are often downloaded from shared storage or ' +
    'other teams, so the flag turns a data file into an executable.',
  remediation:
    'Leave allow_pickle at its default (False) and store only numeric or fixed-width string arrays. Ragged or object ' +
    'data belongs in Parquet or Arrow, not in an object array.',
  bad: [
    {
      file: 'embeddings/load.py',
      code:
        'import numpy as np\n\n\n' +
        'def load_embeddings(path: str) -> dict:\n' +
        '    archive = np.load(path, allow_pickle=True)\n' +
        '    return {"ids": archive["ids"], "vectors": archive["vectors"]}\n',
    },
  ],
  good: [
    {
      file: 'embeddings/load.py',
      code:
        'import numpy as np\n\n\n' +
        'def load_embeddings(path: str) -> dict:\n' +
        '    archive = np.load(path)\n' +
        '    return {"ids": archive["ids"], "vectors": archive["vectors"]}\n',
    },
  ],
  references: ['https://numpy.org/doc/stable/reference/generated/numpy.load.html', 'https://cwe.mitre.org/data/definitions/502.html'],
  onCall(call, ctx) {
    if (!calls(call, ['numpy.load'])) return;
    const flag = argument(call, 2, 'allow_pickle');
    if (!flag) {
      if (call.hasSplat) reportUnseen(ctx, call, 'allow_pickle=True');
      return;
    }
    const enabled = ctx.truthOf(flag);
    if (enabled === false) return;
    ctx.report(call.node, {
      message:
        enabled === true
          ? `${call.name}() is called with allow_pickle enabled; object arrays in the file are unpickled, running embedded code`
          : `${call.name}() takes allow_pickle from a value not known to be False; if it is true, object arrays are unpickled`,
      confidence: enabled === true ? 'high' : 'medium',
    });
  },
};
