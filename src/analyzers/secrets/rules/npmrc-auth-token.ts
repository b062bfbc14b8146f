import { secretRule } from '../secret-rule.js';

export const npmrcAuthToken = secretRule({
  id: 'secret.npmrc-auth-token',
  title: 'Registry auth token in .npmrc',
  severity: 'high',
  specificity: 'structure',
  what: 'Finds literal _authToken / _auth / _password values in .npmrc-style registry settings (any registry: npm, GitHub Packages, Artifactory, Nexus).',
  why: 'The token installs private packages and often publishes them; .npmrc files get committed next to package.json and baked into images.',
  remediation: 'Revoke the token, and reference an environment variable in .npmrc (_authToken=${NPM_TOKEN}) or use the CI\'s registry login.',
  anchors: ['_authtoken', ':_auth', ':_password'],
  pattern: /:_(?:authToken|auth|password)\s*=\s*["']?(?<secret>[^\s"'$][^\s"']{7,})/,
  bad: [{ file: '.npmrc', code: '@acme:registry=https://npm.pkg.github.com\n//npm.pkg.github.com/:_authToken=0b7d5c3e9f1a2b4c6d8e0f1a3b5c7d9e1f2a4b6c\n' }],
  good: [{ file: '.npmrc', code: '@acme:registry=https://npm.pkg.github.com\n//npm.pkg.github.com/:_authToken=${NODE_AUTH_TOKEN}\n' }],
  references: ['https://docs.npmjs.com/cli/v10/configuring-npm/npmrc#auth-related-configuration', 'https://cwe.mitre.org/data/definitions/798.html'],
});
