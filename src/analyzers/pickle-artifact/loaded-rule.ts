import type { RuleMeta } from '../../core/rule.js';

/** The rule behind a link from code to a pickle artifact that runs code when loaded. */
export const unsafeArtifactLoadedRule: RuleMeta = {
  id: 'pickle.unsafe-artifact-loaded',
  title: 'Code loads a pickle artifact that imports unsafe globals',
  category: 'sast',
  severity: 'critical',
  confidence: 'high',
  cwe: ['CWE-502', 'CWE-94'],
  what:
    'Joins the pickle-artifact scan with the code: a Python module or notebook that deserialises (pickle, joblib, ' +
    'torch, pandas.read_pickle, …) a file whose path it names literally, where that file in the repository imports ' +
    'globals outside the data-only allow-list. Reported at the loading call, with the artifact in the trace.',
  why:
    'pickle.unsafe-global says an artifact is dangerous; this says where it goes off. The job, notebook or service ' +
    'that loads it runs the artifact\'s payload with its own credentials and data access, on every run.',
  remediation:
    'Stop loading the artifact: regenerate it from code in a data-only format (safetensors, Parquet, ONNX, skops), or ' +
    'load it through a restricted Unpickler that allows exactly the expected classes, after checking a pinned hash.',
  bad: [
    {
      file: 'jobs/score.py',
      code: 'import joblib\n\nmodel = joblib.load("models/churn.pkl")\n',
    },
  ],
  good: [
    {
      file: 'jobs/score.py',
      code: 'import skops.io as sio\n\nmodel = sio.load("models/churn.skops", trusted=["sklearn.linear_model.LogisticRegression"])\n',
    },
  ],
  references: ['https://docs.python.org/3/library/pickle.html#restricting-globals', 'https://cwe.mitre.org/data/definitions/502.html'],
};
