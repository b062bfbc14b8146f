import { READ_ROWS, WRITE_ROWS, type DynamicRule } from './dynamic-rule.js';

export const processSpawnRule: DynamicRule = {
  id: 'dyn.process-spawn',
  title: 'Input makes the pipeline start a program it does not start on clean data',
  category: 'dynamic',
  severity: 'critical',
  confidence: 'high',
  cwe: ['CWE-78'],
  what: 'A mutated input caused an execve of a program the clean run never started (seen by tracing execve in the sandbox): command injection through a data value.',
  why: 'A value that reaches a shell runs the attacker’s commands with the pipeline’s credentials and network access — the usual way from a poisoned CSV to a compromised data platform.',
  remediation: 'Never build shell commands from data: call programs with an argument list (subprocess.run([...], shell=False)) or, better, do the work in-process.',
  bad: [{ file: 'jobs/clean.py', code: 'import os\n' + READ_ROWS + 'for r in rows:\n    os.system("echo " + r["name"] + " > /dev/null")\n' + WRITE_ROWS }],
  good: [{ file: 'jobs/clean.py', code: 'import os\n' + READ_ROWS + 'os.system("true")\nfor r in rows:\n    r["name"] = r["name"].strip()\n' + WRITE_ROWS }],
  references: ['https://cwe.mitre.org/data/definitions/78.html', 'https://docs.python.org/3/library/subprocess.html#security-considerations'],
};
