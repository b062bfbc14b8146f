import { passwordUrl } from '../patterns.js';
import { secretRule } from '../secret-rule.js';

export const mongodbUrl = secretRule({
  id: 'secret.mongodb-url',
  title: 'MongoDB connection string with a password',
  severity: 'high',
  ...passwordUrl('mongodb', 'mongodb+srv'),
  what: 'Finds mongodb:// and mongodb+srv:// connection strings that carry a password.',
  why: 'Atlas clusters are reachable from the internet when their access list is loose; the string is then all an attacker needs to dump the collections.',
  remediation: 'Rotate the database user\'s password, and read the connection string from a secret store (or use AWS IAM / X.509 authentication).',
  bad: [{ file: 'ingest/events.js', code: "const client = new MongoClient('mongodb+srv://ingest:M0ngoPassw0rd@cluster0.abcde.mongodb.net/events');\n" }],
  good: [{ file: 'ingest/events.js', code: 'const client = new MongoClient(process.env.MONGODB_URI);\n' }],
  references: ['https://www.mongodb.com/docs/manual/reference/connection-string/', 'https://cwe.mitre.org/data/definitions/259.html'],
});
