import type { RuleMeta } from '../../core/rule.js';
import { logExample } from './log-examples.js';

export const logsWarningSpike: RuleMeta = {
  id: 'data.logs.warning-spike',
  title: 'Warnings in pipeline logs spiked above their baseline rate',
  category: 'data',
  severity: 'low',
  confidence: 'medium',
  cwe: ['CWE-390'],
  what: 'Like data.logs.error-spike for WARNING records: at least twice the baseline rate and Poisson p < 0.001.',
  why:
    'Libraries warn before they fail: dropped rows, coerced types, deprecated parsers falling back to lenient modes. A ' +
    'warning burst is often the only trace of data being silently reshaped.',
  remediation: 'Look at the warning templates named in the finding; turn the ones that mean lost or altered data into errors.',
  bad: [logExample('airflow-task.log', 'warning-spike')],
  good: [logExample('airflow-task.log', 'steady')],
  references: ['https://cwe.mitre.org/data/definitions/390.html', 'https://docs.python.org/3/library/logging.html'],
};
