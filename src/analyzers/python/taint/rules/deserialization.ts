import { taintRule } from './taint-rule.js';

export const deserialization = taintRule(
  {
  id: 'py.taint.deserialization',
  title: "Untrusted data is deserialised",
  severity: 'critical',
  cwe: ["CWE-502"],
  what: "Follows ingested bytes (downloads, bucket objects, request bodies) into pickle, marshal, dill, cloudpickle, joblib, torch.load, pandas.read_pickle, numpy.load with allow_pickle=True, and PyYAML loads whose loader builds objects (Loader=yaml.Loader/UnsafeLoader/FullLoader, no Loader before PyYAML 6, unsafe_load, full_load).",
  why: "Unpickling runs code chosen by whoever wrote the bytes; a model or cache fetched from a bucket or API becomes code execution.",
  remediation: "Load data with a format that cannot carry code (JSON, Parquet, safetensors), or verify a signature before loading.",
  bad: [
    {
      file: "jobs/model.py",
      code: "import pickle\nimport requests\n\nresp = requests.get(\"https://models.example.com/latest\", timeout=10)\nmodel = pickle.loads(resp.content)\n",
    },
  ],
  good: [
    {
      file: "jobs/model.py",
      code: "import json\nimport requests\n\nresp = requests.get(\"https://models.example.com/latest\", timeout=10)\nparams = json.loads(resp.content)\n",
    },
  ],
  bandit: ['B301', 'B302', 'B506', 'B614'],
  references: ["https://cwe.mitre.org/data/definitions/502.html"],
  },
  'deserialization',
  ["py.deserialization.pickle", "py.deserialization.marshal", "py.deserialization.pandas-read-pickle", "py.deserialization.torch-load", "py.deserialization.yaml-load", "py.deserialization.numpy-allow-pickle"],
);
