import { expect, it } from 'vitest';
import { airflowConfigAnalyzer } from '../../../src/analyzers/airflow-config/index.js';
import { airflowRules } from '../../../src/analyzers/airflow-config/rules/index.js';
import { describeRuleExamples } from '../../helpers/rule-examples.js';
import { analyzeAirflowText } from './scan.js';

it('exposes every Airflow configuration rule through the analyzer', () => {
  expect(airflowConfigAnalyzer.rules.map((r) => r.id)).toEqual(airflowRules.map((r) => r.id));
});

describeRuleExamples({
  language: 'Airflow configuration',
  rules: airflowRules,
  scan: analyzeAirflowText,
  idPattern: /^airflow\.[a-z0-9-]+$/,
  filePattern: /^(airflow\.cfg|docker-compose\.yaml|\.env|webserver_config\.py)$/,
});
