import { passwordUrl } from '../patterns.js';
import { secretRule } from '../secret-rule.js';

export const basicAuthUrl = secretRule({
  id: 'secret.basic-auth-url',
  title: 'URL with a user name and password',
  severity: 'high',
  ...passwordUrl('https', 'http', 'ftp', 'ftps', 'sftp', 'ssh', 'git', 'svn', 'smb', 'ldap', 'ldaps', 'wss', 'ws', 's3'),
  what: 'Finds http(s), ftp(s), sftp, git, ldap and similar URLs whose user-info part holds a password (scheme://user:password@host).',
  why: 'Credentials in a URL travel into logs, proxies, browser history and error messages; for a private package index or SFTP drop they give the same access the pipeline has.',
  remediation: 'Change the password, and pass credentials separately (a netrc or keyring, an Authorization header built from the environment, or the tool\'s credential helper).',
  bad: [{ file: 'requirements.txt', code: '--extra-index-url https://deploy:Ind3xPassw0rd@pypi.internal.acme-data.io/simple\n' }],
  good: [{ file: 'requirements.txt', code: '--extra-index-url https://pypi.internal.acme-data.io/simple\n# credentials come from keyring\n' }],
  references: ['https://datatracker.ietf.org/doc/html/rfc3986#section-3.2.1', 'https://cwe.mitre.org/data/definitions/259.html'],
});
