import { token } from '../patterns.js';
import { secretRule } from '../secret-rule.js';

export const anthropicApiKey = secretRule({
  id: 'secret.anthropic-api-key',
  title: 'Anthropic API key',
  severity: 'high',
  what: 'Finds Anthropic API and admin keys: sk-ant-api03- / sk-ant-admin01- followed by about 95 URL-safe characters.',
  why: 'A key spends the workspace\'s credit; an admin key also manages members and keys of the organisation.',
  remediation: 'Disable the key in the Anthropic Console (Settings → API keys) and load its replacement from a secret store.',
  anchors: ['sk-ant-'],
  pattern: token('sk-ant-(?:api|admin)\\d\\d-[A-Za-z0-9_-]{80,120}'),
  bad: [
    {
      file: 'enrich/llm.py',
      code: 'client = anthropic.Anthropic(api_key="sk-ant-api03-FAKEPK8ImvbfoGuZQ0FWNhyJ1P0I39lAAcAe_wkNdigik131OGyIwvNgCKwkZdXOIM-2Qm1xkkP4dS8V9GrxJAE4jbhLZAA")\n',
    },
  ],
  good: [{ file: 'enrich/llm.py', code: 'client = anthropic.Anthropic()  # ANTHROPIC_API_KEY from the environment\n' }],
  references: ['https://docs.anthropic.com/en/api/getting-started', 'https://cwe.mitre.org/data/definitions/798.html'],
});
