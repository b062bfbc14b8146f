import { token } from '../patterns.js';
import { secretRule } from '../secret-rule.js';

export const openaiApiKey = secretRule({
  id: 'secret.openai-api-key',
  title: 'OpenAI API key',
  severity: 'high',
  what: 'Finds OpenAI API keys: legacy user keys and project, service-account and admin keys (sk-proj-, sk-svcacct-, sk-admin-), with or without the T3BlbkFJ marker.',
  why: 'A key spends the organisation\'s credit and reads its files, fine-tuning data and batch results — often the very training data the pipeline prepares.',
  remediation: 'Revoke the key in the OpenAI platform (API keys page) and create a project-scoped key kept in a secret store.',
  anchors: ['t3blbkfj', 'sk-proj-', 'sk-svcacct-', 'sk-admin-'],
  pattern: token('sk-(?:(?:proj|svcacct|admin)-)?[A-Za-z0-9_-]{20,200}T3BlbkFJ[A-Za-z0-9_-]{20,200}|sk-(?:proj|svcacct|admin)-[A-Za-z0-9_-]{80,250}'),
  bad: [
    {
      file: 'notebooks/embed.py',
      code: 'client = OpenAI(api_key="sk-proj-FAKEgiSdEI0uy6PLnu7D7hKW_Fh-zfhbrfZoW6H-t-g9gH-eCyXBm22Nip8bcZAVN9gI96rWsuT3BlbkFJyCzCTJb65SAzgh3cTC8e4csga8E6602a7T2v9L7-m0SrBCxzUmcrghMo9N_xIAKaiOhvcuhU8v")\n',
    },
  ],
  good: [{ file: 'notebooks/embed.py', code: 'client = OpenAI()  # reads OPENAI_API_KEY from the environment\n' }],
  references: ['https://platform.openai.com/docs/api-reference/authentication', 'https://cwe.mitre.org/data/definitions/798.html'],
});
