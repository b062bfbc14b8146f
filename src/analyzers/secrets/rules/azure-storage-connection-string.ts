import { secretRule } from '../secret-rule.js';

export const azureStorageConnectionString = secretRule({
  id: 'secret.azure-storage-connection-string',
  title: 'Azure Storage connection string with an account key',
  severity: 'critical',
  what: 'Finds Azure Storage connection strings (AccountName=…;AccountKey=…) carrying the 88-character account key.',
  why:
    'An account key is full control of the storage account — every container, queue, table and file share, and the ' +
    'power to mint SAS tokens — with no expiry and no per-user audit trail.',
  remediation:
    'Rotate the key (Storage account → Access keys → Rotate), then connect with Microsoft Entra ID (managed ' +
    'identity, DefaultAzureCredential) or keep the connection string in Key Vault.',
  anchors: ['accountkey='],
  pattern: /AccountName=[^;\s"']+;AccountKey=(?<secret>[A-Za-z0-9+/]{86}==)/,
  bad: [
    {
      file: 'config/settings.yaml',
      code:
        'blob_conn: "DefaultEndpointsProtocol=https;AccountName=acmeraw;AccountKey=82KROA6V8KPOQiQFkznDYPsep2C46TeooOWVd3C39mUphXF3mHMDUOgNQ10TCYXPjePqW9bFawYNecPWd8s2tt==;EndpointSuffix=core.windows.net"\n',
    },
  ],
  good: [{ file: 'jobs/upload.py', code: 'client = BlobServiceClient(account_url, credential=DefaultAzureCredential())\n' }],
  references: ['https://learn.microsoft.com/en-us/azure/storage/common/storage-account-keys-manage', 'https://learn.microsoft.com/en-us/azure/storage/common/storage-configure-connection-string', 'https://cwe.mitre.org/data/definitions/798.html'],
});
