import { secretRule } from '../secret-rule.js';

export const azureCosmosdbConnectionString = secretRule({
  id: 'secret.azure-cosmosdb-connection-string',
  title: 'Azure Cosmos DB connection string with a primary key',
  severity: 'critical',
  what: 'Finds Cosmos DB connection strings (AccountEndpoint=https://….documents.azure.com…;AccountKey=…).',
  why: 'The primary key reads and writes every database and container of the account; it does not expire.',
  remediation:
    'Regenerate the key (Cosmos DB account → Keys), and use Entra ID role-based access with a managed identity, or ' +
    'a Key Vault reference, in its place.',
  anchors: ['accountendpoint='],
  pattern: /AccountEndpoint=https:\/\/[^;\s"']+;AccountKey=(?<secret>[A-Za-z0-9+/]{86}==)/,
  bad: [
    {
      file: 'appsettings.json',
      code:
        '{"Cosmos": "AccountEndpoint=https://acme-events.documents.azure.com:443/;AccountKey=82KROA6V8KPOQiQFkznDYPsep2C46TeooOWVd3C39mUphXF3mHMDUOgNQ10TCYXPjePqW9bFawYNecPWd8s2tt==;"}\n',
    },
  ],
  good: [{ file: 'appsettings.json', code: '{"Cosmos": "@Microsoft.KeyVault(SecretUri=https://acme-kv.vault.azure.net/secrets/cosmos)"}\n' }],
  references: ['https://learn.microsoft.com/en-us/azure/cosmos-db/secure-access-to-data', 'https://cwe.mitre.org/data/definitions/798.html'],
});
