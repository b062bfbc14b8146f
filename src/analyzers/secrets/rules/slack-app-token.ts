import { token } from '../patterns.js';
import { secretRule } from '../secret-rule.js';

export const slackAppToken = secretRule({
  id: 'secret.slack-app-token',
  title: 'Slack app-level token',
  severity: 'high',
  what: 'Finds Slack app-level tokens: xapp-, a digit, the app id, a number and a 64-character hex secret.',
  why: 'An app-level token opens Socket Mode connections for the app, receiving every event the app subscribes to.',
  remediation: 'Revoke it in the app\'s Basic Information page and generate a new one kept in a secret store.',
  anchors: ['xapp-'],
  pattern: token('xapp-\\d-[A-Z0-9]+-\\d+-[a-z0-9]{32,}'),
  bad: [{ file: 'bot/.env', code: 'SLACK_APP_TOKEN=xapp-1-A0FAKE0001-1234567890123-a77323db00ec7aba7dde866b57ad4063511ea6d0ef1b0f241ae7012382216418\n' }],
  good: [{ file: 'bot/.env.example', code: 'SLACK_APP_TOKEN=xapp-...\n' }],
  references: ['https://api.slack.com/authentication/token-types#app-level', 'https://cwe.mitre.org/data/definitions/798.html'],
});
