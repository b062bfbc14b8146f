import { calls } from '../call-site.js';
import type { PythonRule } from '../python-rule.js';

const UNSAFE_LOADERS = [
  'pickle.load',
  'pickle.loads',
  'pickle.Unpickler',
  '_pickle.load',
  '_pickle.loads',
  'cPickle.load',
  'cPickle.loads',
  'dill.load',
  'dill.loads',
  'cloudpickle.load',
  'cloudpickle.loads',
  'joblib.load',
  'sklearn.externals.joblib.load',
  'shelve.open',
];

export const pickleLoad: PythonRule = {
  id: 'py.deserialization.pickle',
  title: 'Deserialization with pickle or a pickle-based loader',
  category: 'sast',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-502'],
  what: 'Finds calls that unpickle data: pickle, cPickle, dill, cloudpickle, joblib and shelve loaders.',
  why:
    'Unpickling runs code chosen by whoever wrote the bytes: a pickle can call os.system while it loads. ' +
    'Pipelines unpickle model artifacts, cached frames and messages from queues and buckets, so one writable ' +
    'bucket or one poisoned upload is enough to run commands with the job’s credentials.',
  remediation:
    'Store data as JSON, Parquet, CSV or safetensors and load it with a parser that builds data only. Where a ' +
    'pickle is unavoidable, load only artifacts your own pipeline wrote and verify an HMAC over the bytes first.',
  bad: [
    {
      file: 'load_model.py',
      code: 'import pickle as p\n\n\ndef load_model(fh):\n    return p.load(fh)\n',
    },
    { file: 'cache.py', code: 'from joblib import load\n\nfeatures = load("features.joblib")\n' },
  ],
  good: [{ file: 'load_frame.py', code: 'import pandas as pd\n\nframe = pd.read_parquet("features.parquet")\n' }],
  references: ['https://docs.python.org/3/library/pickle.html', 'https://cwe.mitre.org/data/definitions/502.html'],
  onCall(call, ctx) {
    if (calls(call, UNSAFE_LOADERS)) {
      ctx.report(call.node, { message: `${call.name}() deserializes with pickle, which runs code embedded in the data` });
    }
  },
};
