import { secretRule } from '../secret-rule.js';

export const azureClientSecret = secretRule({
  id: 'secret.azure-client-secret',
  title: 'Microsoft Entra ID (Azure AD) application client secret',
  severity: 'high',
  what: 'Finds Entra ID application client secrets in the current format: three characters, a digit, Q~, then 31–34 characters.',
  why:
    'With the tenant and client id (rarely secret) a client secret signs in as the application with every Graph and ' +
    'Azure role it holds, typically data-factory or storage contributor rights.',
  remediation:
    'Delete the secret under App registrations → Certificates & secrets, and switch to a managed identity or ' +
    'workload identity federation so there is no secret to store.',
  anchors: ['q~'],
  pattern: /(?<![A-Za-z0-9_~.-])(?<secret>[A-Za-z0-9_~.-]{3}\dQ~[A-Za-z0-9_~.-]{31,34})(?![A-Za-z0-9_~.-])/,
  bad: [{ file: 'config/.env', code: 'AZURE_CLIENT_SECRET=FAK8Q~peXoktkG5BlyP8wWBdXjJRTC0pk5K0OA2p\n' }],
  good: [{ file: 'config/.env', code: '# AZURE_CLIENT_SECRET is injected by the pipeline from Key Vault\n' }],
  references: ['https://learn.microsoft.com/en-us/entra/identity-platform/how-to-add-credentials', 'https://cwe.mitre.org/data/definitions/798.html'],
});
