import { assigned } from '../patterns.js';
import { secretRule } from '../secret-rule.js';

export const datadogApiKey = secretRule({
  id: 'secret.datadog-api-key',
  title: 'Datadog API or application key',
  severity: 'medium',
  what: 'Finds Datadog API keys (32 hex digits) and application keys (40 hex digits) assigned to DD_API_KEY, DD_APP_KEY, datadog_api_key and similar names.',
  why: 'An API key submits metrics and logs (polluting monitors); an application key reads dashboards, logs and traces — which often contain query text and customer identifiers.',
  remediation: 'Revoke the key in Organization Settings → API / Application Keys and supply the new one through the agent\'s secrets backend or environment.',
  anchors: ['dd_api', 'dd_app', 'datadog'],
  pattern: assigned(String.raw`(?:dd|datadog)[_-](?:api|app|application)[_-]?key`, '[a-f0-9]{40}|[a-f0-9]{32}', 'i'),
  bad: [{ file: 'docker-compose.yml', code: 'services:\n  datadog:\n    environment:\n      - DD_API_KEY=8f445baa72222591012e3d05023bf92a\n' }],
  good: [{ file: 'docker-compose.yml', code: 'services:\n  datadog:\n    environment:\n      - DD_API_KEY_FILE=/run/secrets/dd_api_key\n' }],
  references: ['https://docs.datadoghq.com/account_management/api-app-keys/', 'https://cwe.mitre.org/data/definitions/798.html'],
});
