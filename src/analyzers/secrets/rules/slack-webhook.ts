import { secretRule } from '../secret-rule.js';

export const slackWebhook = secretRule({
  id: 'secret.slack-webhook',
  title: 'Slack incoming webhook URL',
  severity: 'medium',
  what: 'Finds Slack incoming-webhook and workflow URLs (https://hooks.slack.com/services/T…/B…/…).',
  why: 'Anyone with the URL can post to the channel as the integration — convincing phishing in the team\'s own alert channel.',
  remediation: 'Regenerate the webhook (remove and re-add it in the app\'s Incoming Webhooks page) and read the URL from a secret store.',
  anchors: ['hooks.slack.com'],
  pattern: /(?<secret>https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/T[A-Z0-9]+\/[A-Z0-9]+\/[A-Za-z0-9]{20,})/,
  bad: [{ file: 'dags/alerts.py', code: 'WEBHOOK = "https://hooks.slack.com/services/T0FAKE0001/B0FAKE0002/FAKEyBGpZrLaKe9prmos5BcX"\n' }],
  good: [{ file: 'dags/alerts.py', code: 'WEBHOOK = Variable.get("slack_webhook_url")\n' }],
  references: ['https://api.slack.com/messaging/webhooks', 'https://cwe.mitre.org/data/definitions/798.html'],
});
