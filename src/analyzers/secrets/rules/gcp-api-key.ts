import { token } from '../patterns.js';
import { secretRule } from '../secret-rule.js';

export const gcpApiKey = secretRule({
  id: 'secret.gcp-api-key',
  title: 'Google API key',
  severity: 'high',
  what: 'Finds Google API keys: AIza followed by 35 URL-safe base-64 characters.',
  why:
    'An unrestricted API key bills every Google API enabled on the project to its owner (Maps, Vertex AI, Translate) ' +
    'and reads any data those APIs expose to key holders.',
  remediation:
    'Delete or regenerate the key (APIs & Services → Credentials), add API and application restrictions to its ' +
    'replacement, and read it from a secret store at run time.',
  anchors: ['aiza'],
  pattern: token('AIza[0-9A-Za-z_-]{35}'),
  bad: [{ file: 'src/geocode.ts', code: "const GOOGLE_KEY = 'AIzaFAKEl0KbhENr4ywZQ8iknkB2_jekfwybrst';\n" }],
  good: [{ file: 'src/geocode.ts', code: 'const GOOGLE_KEY = process.env.GOOGLE_API_KEY;\n' }],
  references: ['https://cloud.google.com/docs/authentication/api-keys', 'https://cwe.mitre.org/data/definitions/798.html'],
});
