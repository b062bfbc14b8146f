import { READ_ROWS, WRITE_ROWS, type DynamicRule } from './dynamic-rule.js';

export const networkAttemptRule: DynamicRule = {
  id: 'dyn.network-attempt',
  title: 'Input makes the pipeline open a network connection',
  category: 'dynamic',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-918'],
  what: 'A mutated input caused a connect or sendto to an internet address that the clean run never made (seen by tracing in a network namespace that has no route out).',
  why: 'A pipeline that fetches URLs or resolves hosts taken from data can be steered to internal services (SSRF), cloud metadata endpoints, or used to exfiltrate rows.',
  remediation: 'Do not dereference URLs or hosts found in data; if enrichment needs the network, allow-list destinations and resolve them outside the record loop.',
  bad: [
    {
      file: 'jobs/clean.py',
      code: 'import socket\n' + READ_ROWS + 'for r in rows:\n    if r["comment"].startswith("http"):\n        try:\n            socket.create_connection((r["comment"].split("/")[2], 80), timeout=1)\n        except OSError:\n            pass\n' + WRITE_ROWS,
    },
  ],
  good: [{ file: 'jobs/clean.py', code: READ_ROWS + 'for r in rows:\n    r["comment"] = r["comment"].strip()\n' + WRITE_ROWS }],
  references: ['https://cwe.mitre.org/data/definitions/918.html', 'https://owasp.org/www-community/attacks/Server_Side_Request_Forgery'],
};
