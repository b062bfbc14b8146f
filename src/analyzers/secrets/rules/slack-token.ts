import { token } from '../patterns.js';
import { secretRule } from '../secret-rule.js';

export const slackToken = secretRule({
  id: 'secret.slack-token',
  title: 'Slack API token',
  severity: 'high',
  what: 'Finds Slack bot, user, workspace and refresh tokens (xoxb-, xoxp-, xoxa-, xoxe-, xoxo-, xoxr-, xoxs-).',
  why: 'A user token reads every channel and DM its user can; a bot token posts as the app and reads the channels it is in — where pipeline alerts often paste data samples.',
  remediation: 'Revoke the token (auth.revoke, or reinstall the app), and load the new one from a secret store.',
  anchors: ['xoxb-', 'xoxp-', 'xoxa-', 'xoxe-', 'xoxo-', 'xoxr-', 'xoxs-'],
  pattern: token('xox[abeiprso](?:\\.xox[a-z])?-(?:\\d-)?(?:[A-Za-z0-9]{1,40}-)+[A-Za-z0-9]{1,64}'),
  bad: [{ file: 'alerts/notify.py', code: 'client = WebClient(token="xoxb-1234567890123-1234567890123-FAKEyU8O82668EuzRUmRiXYj")\n' }],
  good: [{ file: 'alerts/notify.py', code: 'client = WebClient(token=os.environ["SLACK_BOT_TOKEN"])\n' }],
  references: ['https://api.slack.com/authentication/token-types', 'https://cwe.mitre.org/data/definitions/798.html'],
});
