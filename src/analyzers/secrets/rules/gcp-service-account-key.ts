import { secretRule } from '../secret-rule.js';

const SERVICE_ACCOUNT = /service_account|client_email|private_key_id/;

export const gcpServiceAccountKey = secretRule({
  id: 'secret.gcp-service-account-key',
  title: 'GCP service-account key (JSON)',
  severity: 'critical',
  cwe: ['CWE-798', 'CWE-321'],
  what:
    'Finds the private key of a Google Cloud service-account key file ("type": "service_account" with ' +
    '"private_key"), whether committed as a .json file, pasted into code as a dict, or printed in a notebook output.',
  why:
    'A service-account key never expires by default and authenticates as the account from anywhere: BigQuery ' +
    'datasets, GCS buckets and Dataflow jobs the pipeline can reach are open to whoever finds the file.',
  remediation:
    'Delete the key (IAM → Service accounts → Keys), audit its use in Cloud Audit Logs, and use workload identity ' +
    '(GKE, Cloud Run, or workload identity federation for CI) instead of key files.',
  anchors: ['private_key'],
  pattern: /\\?["']private_key\\?["']\s*:\s*\\?["'](?<secret>-----BEGIN (?:RSA )?PRIVATE KEY-----[A-Za-z0-9+/=\\\s]{40,}?-----END (?:RSA )?PRIVATE KEY-----(?:\\\\n|\\n)?)/,
  verify: ({ text }) => (SERVICE_ACCOUNT.test(text) ? undefined : { reject: true }),
  bad: [
    {
      file: 'keys/etl-sa.json',
      code:
        '{\n  "type": "service_account",\n  "project_id": "acme-data",\n  "private_key_id": "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c",\n' +
        '  "private_key": "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQCFAKEFAKEFAKEFAKE\\n-----END PRIVATE KEY-----\\n",\n' +
        '  "client_email": "etl@acme-data.iam.gserviceaccount.com"\n}\n',
    },
  ],
  good: [{ file: 'jobs/load.py', code: 'from google.cloud import bigquery\n# Application Default Credentials: workload identity in production\nclient = bigquery.Client()\n' }],
  references: ['https://cloud.google.com/iam/docs/keys-create-delete', 'https://cloud.google.com/iam/docs/best-practices-for-managing-service-account-keys', 'https://cwe.mitre.org/data/definitions/798.html'],
});
