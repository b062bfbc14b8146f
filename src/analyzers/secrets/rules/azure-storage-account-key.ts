import { assigned } from '../patterns.js';
import { secretRule } from '../secret-rule.js';

export const azureStorageAccountKey = secretRule({
  id: 'secret.azure-storage-account-key',
  title: 'Azure Storage account key',
  severity: 'critical',
  specificity: 'structure',
  what: 'Finds a bare 88-character Azure Storage account key assigned to a name like AZURE_STORAGE_KEY or account_key.',
  why: 'The account key grants full control of the storage account and can sign SAS tokens for anyone; it never expires.',
  remediation: 'Rotate the key in the portal and authenticate with a managed identity (DefaultAzureCredential) or a Key Vault secret.',
  anchors: ['account_key', 'accountkey', 'storage_key', 'storagekey', 'account-key', 'storage-key'],
  pattern: assigned(String.raw`(?:account|storage)[_-]?key`, '[A-Za-z0-9+/]{86}==', 'i'),
  bad: [{ file: 'airflow/.env', code: 'AZURE_STORAGE_KEY=82KROA6V8KPOQiQFkznDYPsep2C46TeooOWVd3C39mUphXF3mHMDUOgNQ10TCYXPjePqW9bFawYNecPWd8s2tt==\n' }],
  good: [{ file: 'airflow/.env', code: 'AZURE_STORAGE_KEY=\n# filled in by the Key Vault CSI driver at start-up\n' }],
  references: ['https://learn.microsoft.com/en-us/azure/storage/common/storage-account-keys-manage', 'https://cwe.mitre.org/data/definitions/798.html'],
});
