import type { RuleMeta } from '../../core/rule.js';
import { logExample } from './log-examples.js';

export const logsErrorSpike: RuleMeta = {
  id: 'data.logs.error-spike',
  title: 'Error messages in pipeline logs spiked above their baseline rate',
  category: 'data',
  severity: 'medium',
  confidence: 'medium',
  cwe: ['CWE-390'],
  what:
    'Compares the share of ERROR and CRITICAL records in the recent part of pipeline logs (JSON lines, Python logging, ' +
    'Airflow task logs, syslog) with a baseline — a saved one or the first half of the logs — and reports a rate at ' +
    'least twice the baseline that a Poisson test puts below p = 0.001, naming the message templates that grew most.',
  why:
    'A pipeline that logs errors and carries on loads whatever survived: partial batches, defaults in place of failed ' +
    'records. A burst of errors is also how malformed or hostile input (oversized fields, injection payloads) first shows.',
  remediation: 'Read the templates named in the finding, fix their cause, and make the pipeline fail rather than continue when a batch errors at this rate.',
  bad: [logExample('etl.log', 'error-spike')],
  good: [logExample('etl.log', 'steady')],
  references: ['https://cwe.mitre.org/data/definitions/390.html', 'https://jiemingzhu.github.io/pub/pjhe_icws2017.pdf'],
};
