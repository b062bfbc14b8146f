import { argument, calls } from '../call-site.js';
import type { PythonRule } from '../python-rule.js';

export const marshalLoad: PythonRule = {
  id: 'py.deserialization.marshal',
  title: 'Deserialization with marshal',
  category: 'sast',
  severity: 'medium',
  confidence: 'high',
  cwe: ['CWE-502'],
  what: 'Finds marshal.load() and marshal.loads() on data that is not a literal in the source.',
  why:
    'marshal is the interpreter’s private format for .pyc files; its documentation warns it is not secure against ' +
    'erroneous or malicious data. A crafted payload can crash the worker or hand the job code objects that a later ' +
    'step runs. Pipelines that cache intermediate results with marshal trust whoever can write the cache.',
  remediation:
    'Serialize pipeline data as JSON, Parquet or Arrow and read it with their parsers. If marshal is kept for speed, ' +
    'read only files this job wrote in the same run, from a directory no one else can write.',
  bad: [
    {
      file: 'feature_cache.py',
      code:
        'import marshal\n' +
        'from pathlib import Path\n\n' +
        'CACHE_DIR = Path("/mnt/shared/feature-cache")\n\n\n' +
        'def cached_vocabulary(dataset: str) -> dict:\n' +
        '    return marshal.loads((CACHE_DIR / f"{dataset}.vocab").read_bytes())\n',
    },
    {
      file: 'consume_batches.py',
      code:
        'from marshal import loads\n\n\n' +
        'def handle(message):\n' +
        '    batch = loads(message.value)\n' +
        '    return [row for row in batch if row["country"] == "DE"]\n',
    },
  ],
  good: [
    {
      file: 'feature_cache.py',
      code:
        'import json\n' +
        'from pathlib import Path\n\n' +
        'CACHE_DIR = Path("/mnt/shared/feature-cache")\n\n\n' +
        'def cached_vocabulary(dataset: str) -> dict:\n' +
        '    with open(CACHE_DIR / f"{dataset}.vocab.json", encoding="utf-8") as fh:\n' +
        '        return json.load(fh)\n',
    },
  ],
  bandit: ['B302'],
  references: ['https://docs.python.org/3/library/marshal.html', 'https://cwe.mitre.org/data/definitions/502.html'],
  onCall(call, ctx) {
    if (calls(call, ['marshal.load'])) {
      ctx.report(call.node, { message: 'marshal.load() reads marshal data from a file; the format is not safe against crafted input' });
    } else if (calls(call, ['marshal.loads'])) {
      const data = argument(call, 0, 'bytes');
      if (data && ctx.kindOf(data) === 'literal') return;
      ctx.report(call.node, {
        message: 'marshal.loads() decodes bytes that do not come from the source; the format is not safe against crafted input',
      });
    }
  },
};
