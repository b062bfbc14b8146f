import { describe, expect, it } from 'vitest';
import { analyzePythonText, py } from '../scan.js';

describe('getattr called at once', () => {
  it('is a dynamic-import sink for a name from data, not for dispatch on a fixed prefix or a lookup that is not called', () => {
    const result = analyzePythonText(py`
      import os
      import requests

      class Loader:
          def handle_csv(self, row):
              return row

          def run(self):
              job = requests.get("https://jobs.example.com/next", timeout=5).json()
              getattr(os, job["fn"])(job["arg"])
              getattr(self, f"handle_{job['kind']}")(job)
              value = getattr(job, job["field"])
              return getattr(self, "handle_csv")(job)
    `);
    const found = result.findings.filter((f) => f.ruleId === 'py.taint.dynamic-import');
    expect(found.map((f) => [f.location.startLine, f.severity])).toEqual([[10, 'high']]);
  });

  it('ranks a module named by the job’s own environment or command line low, one named by a record high', () => {
    const result = analyzePythonText(py`
      import importlib
      import os
      import sys
      import requests

      settings = importlib.import_module(os.environ["SETTINGS_MODULE"])
      backend = importlib.import_module(sys.argv[1])
      plugin = importlib.import_module(requests.get("https://plugins.example.com/next", timeout=5).json()["module"])
    `);
    const found = result.findings.filter((f) => f.ruleId === 'py.taint.dynamic-import');
    expect(found.map((f) => [f.location.startLine, f.severity, f.confidence])).toEqual([
      [6, 'low', 'low'],
      [7, 'low', 'low'],
      [8, 'high', 'high'],
    ]);
  });
});
