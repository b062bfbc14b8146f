import { secretRule } from '../secret-rule.js';

export const azureSasToken = secretRule({
  id: 'secret.azure-sas-token',
  title: 'Azure shared access signature (SAS) token',
  severity: 'high',
  what: 'Finds Azure SAS query strings: service version (sv=), permissions and expiry parameters ending in a sig= signature.',
  why:
    'A SAS URL is a bearer credential: anyone holding it gets its permissions on the container or account until it ' +
    'expires, and ad-hoc SAS tokens cannot be revoked without rotating the account key that signed them.',
  remediation:
    'Rotate the signing key (or delete the stored access policy the SAS refers to), and issue short-lived user ' +
    'delegation SAS at run time instead of storing one.',
  anchors: ['sig='],
  pattern: /(?<![\w%-])(?<secret>(?:sv|sp|st|se|sr|ss|srt|spr|si|sip|skoid)=[^\s"'<>&]*(?:&[a-z]{2,6}=[^\s"'<>&]*){0,20}&sig=[A-Za-z0-9%+/]{30,}(?:%3D|=){0,2})/i,
  verify: ({ secret }) => (/(?:^|&)sv=/.test(secret) ? undefined : { reject: true }),
  bad: [
    {
      file: 'jobs/fetch.sh',
      code: 'curl -o raw.csv "https://acmeraw.blob.core.windows.net/landing/raw.csv?sp=r&st=2025-01-01T00:00:00Z&se=2026-12-31T00:00:00Z&spr=https&sv=2022-11-02&sr=b&sig=OiuTN04QpdtvvaxCw7ooZqjDNpeOwd8AfSBnI6nh6KI%3D"\n',
    },
  ],
  good: [{ file: 'jobs/fetch.sh', code: 'az storage blob download --auth-mode login --account-name acmeraw -c landing -n raw.csv -f raw.csv\n' }],
  references: ['https://learn.microsoft.com/en-us/azure/storage/common/storage-sas-overview', 'https://cwe.mitre.org/data/definitions/798.html'],
});
