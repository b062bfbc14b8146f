import { token } from '../patterns.js';
import { secretRule } from '../secret-rule.js';

export const huggingfaceToken = secretRule({
  id: 'secret.huggingface-token',
  title: 'Hugging Face access token',
  severity: 'high',
  what: 'Finds Hugging Face user access tokens (hf_ and 34 letters) and legacy organisation tokens (api_org_…).',
  why: 'A write token pushes models and datasets as its user — a poisoned model or dataset that downstream pipelines download and load; a read token exposes private datasets.',
  remediation: 'Invalidate the token under Settings → Access Tokens and use a fine-grained token from the environment (HF_TOKEN).',
  anchors: ['hf_', 'api_org_'],
  pattern: token('(?:hf_|api_org_)[A-Za-z]{34}'),
  // Random tokens mix cases; a 34-letter identifier after hf_ (a long variable name) does not.
  verify: ({ secret }) => (/[A-Z]/.test(secret.slice(3)) && /[a-z]/.test(secret.slice(3)) ? undefined : { reject: true }),
  bad: [{ file: 'train/push.py', code: 'login(token="hf_FAKEbzDsaMuhtzqirtMTIxqWfiNCJamIqO")\n' }],
  good: [{ file: 'train/push.py', code: 'login(token=os.environ["HF_TOKEN"])\n' }],
  references: ['https://huggingface.co/docs/hub/security-tokens', 'https://cwe.mitre.org/data/definitions/798.html'],
});
