import { READ_ROWS, WRITE_ROWS, type DynamicRule } from './dynamic-rule.js';

export const codeExecutionRule: DynamicRule = {
  id: 'dyn.code-execution',
  title: 'Input executes code inside the pipeline',
  category: 'dynamic',
  severity: 'critical',
  confidence: 'high',
  cwe: ['CWE-94', 'CWE-502'],
  what: 'A canary payload (a code-injection string, or a pickle whose only effect is to create a marker file) created its marker file during the run: the input was executed.',
  why: 'Whoever controls that input runs arbitrary code with the pipeline’s credentials — eval of a field, or unpickling an upload, is remote code execution.',
  remediation: 'Parse values with a parser (float(), json.loads, ast.literal_eval) instead of eval/exec, and never unpickle data you did not produce; use a data format (Parquet, JSON, safetensors).',
  bad: [{ file: 'jobs/clean.py', code: READ_ROWS + 'for r in rows:\n    try:\n        r["amount"] = eval(r["amount"])\n    except Exception:\n        r["amount"] = ""\n' + WRITE_ROWS }],
  good: [{ file: 'jobs/clean.py', code: READ_ROWS + 'for r in rows:\n    try:\n        r["amount"] = float(r["amount"])\n    except ValueError:\n        r["amount"] = ""\n' + WRITE_ROWS }],
  references: ['https://cwe.mitre.org/data/definitions/94.html', 'https://docs.python.org/3/library/pickle.html'],
};
