import { token } from '../patterns.js';
import { secretRule } from '../secret-rule.js';

export const linearApiKey = secretRule({
  id: 'secret.linear-api-key',
  title: 'Linear API key',
  severity: 'medium',
  what: 'Finds Linear personal API keys: lin_api_ followed by 32 or more alphanumeric characters.',
  why: 'The key reads and edits every issue its user can see, including incident and security tickets that describe unfixed weaknesses.',
  remediation: 'Revoke the key in Linear (Settings → API) and load its replacement from the environment.',
  anchors: ['lin_api_'],
  pattern: token('lin_api_[A-Za-z0-9]{32,128}'),
  bad: [{ file: 'ops/tickets.py', code: 'LINEAR_KEY = "lin_api_FAKEY1vJrihxbkjAJlFNTcwVk5K8ZhIfcg2LW0Kr"\n' }],
  good: [{ file: 'ops/tickets.py', code: 'LINEAR_KEY = os.environ["LINEAR_API_KEY"]\n' }],
  references: ['https://linear.app/developers/graphql#authentication', 'https://cwe.mitre.org/data/definitions/798.html'],
});
