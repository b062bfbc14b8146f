import { calls } from '../call-site.js';
import type { SyntaxNode } from '../parser.js';
import type { PythonRule } from '../python-rule.js';

/** Clients of protocols that send credentials and data unencrypted, with what to use instead. */
const CLEARTEXT: Record<string, string> = {
  'telnetlib.Telnet': 'SSH (paramiko, asyncssh)',
  'ftplib.FTP': 'SFTP or ftplib.FTP_TLS',
  'smtplib.SMTP': 'smtplib.SMTP_SSL or SMTP with starttls()',
  'poplib.POP3': 'poplib.POP3_SSL',
  'imaplib.IMAP4': 'imaplib.IMAP4_SSL',
};

export const cleartextProtocol: PythonRule = {
  id: 'py.transport.cleartext-protocol',
  title: 'Data or credentials sent over a cleartext protocol',
  category: 'sast',
  severity: 'medium',
  confidence: 'high',
  cwe: ['CWE-319'],
  what: 'Finds Telnet, FTP, SMTP, POP3 and IMAP clients created without TLS (Bandit B312, B321, B401, B402).',
  why:
    'Pipelines still pull partner drops from FTP and mail reports over SMTP. Without TLS the login and every file ' +
    'cross the network readable and modifiable by anyone on the path — a poisoned file is as easy as a stolen one.',
  remediation: 'Use the TLS variant (FTP_TLS, SMTP_SSL or starttls, POP3_SSL, IMAP4_SSL) or SFTP/SSH.',
  bad: [
    {
      file: 'ingest/partner_drop.py',
      code:
        'import ftplib\n\n\n' +
        'def fetch(host: str, user: str, password: str) -> None:\n' +
        '    ftp = ftplib.FTP(host)\n' +
        '    ftp.login(user, password)\n',
    },
  ],
  good: [
    {
      file: 'ingest/partner_drop.py',
      code:
        'import ftplib\n\n\n' +
        'def fetch(host: str, user: str, password: str) -> None:\n' +
        '    ftp = ftplib.FTP_TLS(host)\n' +
        '    ftp.login(user, password)\n' +
        '    ftp.prot_p()\n',
    },
  ],
  bandit: ['B312', 'B321', 'B401', 'B402'],
  references: ['https://docs.python.org/3/library/ftplib.html#ftplib.FTP_TLS', 'https://cwe.mitre.org/data/definitions/319.html'],
  onCall(call, ctx) {
    if (!calls(call, Object.keys(CLEARTEXT))) return;
    if (call.name === 'smtplib.SMTP' && usesStartTls(call.node)) return;
    ctx.report(call.node, { message: `${call.name}() talks without encryption; use ${CLEARTEXT[call.name!]}` });
  },
};

/** SMTP is upgraded in place when the same function calls starttls() on it. */
function usesStartTls(node: SyntaxNode): boolean {
  let scope = node.parent;
  while (scope && scope.type !== 'function_definition' && scope.type !== 'module') scope = scope.parent;
  return scope?.text.includes('.starttls(') ?? false;
}
