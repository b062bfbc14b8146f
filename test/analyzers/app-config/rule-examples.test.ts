import { expect, it } from 'vitest';
import { appConfigAnalyzer, appConfigRules } from '../../../src/analyzers/app-config/index.js';
import { describeRuleExamples } from '../../helpers/rule-examples.js';
import { analyzeAppConfigText } from './scan.js';

it('exposes every service configuration rule through the analyzer', () => {
  expect(appConfigAnalyzer.rules.map((r) => r.id)).toEqual(appConfigRules.map((r) => r.id));
});

describeRuleExamples({
  language: 'Service configuration',
  rules: appConfigRules,
  scan: analyzeAppConfigText,
  idPattern: /^(airflow|jupyter|ray|spark|mlflow|postgres|redis|search)\.[a-z0-9-]+$/,
  filePattern: /^(airflow\.cfg|docker-compose\.yaml|\.env|webserver_config\.py|Dockerfile|jupyter_server_config\.py|start\.sh|spark-defaults\.conf)$/,
});
