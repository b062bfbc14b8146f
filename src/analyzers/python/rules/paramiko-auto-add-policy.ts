import type { PythonRule } from '../python-rule.js';

const ACCEPT_ANY = new Set(['paramiko.AutoAddPolicy', 'paramiko.client.AutoAddPolicy', 'paramiko.WarningPolicy', 'paramiko.client.WarningPolicy']);
/** asyncssh calls where `known_hosts=None` means no host key check at all. */
const ASYNCSSH_CONNECT = ['asyncssh.connect', 'asyncssh.connect_reverse', 'asyncssh.SSHClientConnectionOptions', 'asyncssh.scp'];

export const paramikoAutoAddPolicy: PythonRule = {
  id: 'py.paramiko.auto-add-policy',
  title: 'SSH client accepts unknown host keys',
  category: 'sast',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-295'],
  what:
    'Finds set_missing_host_key_policy() given paramiko’s AutoAddPolicy or WarningPolicy (class or instance), pysftp ' +
    'connection options with `hostkeys = None`, and asyncssh connections with `known_hosts=None`.',
  why:
    'SFTP drops are a classic ingestion path. Accepting any host key means a spoofed server receives the pipeline’s ' +
    'credentials and serves it whatever files it likes, and the pipeline loads them as the partner’s data.',
  remediation:
    'Load known hosts (client.load_system_host_keys() or load_host_keys(path)) and keep paramiko.RejectPolicy, the ' +
    'default; pin the partner’s host key in configuration.',
  bad: [
    {
      file: 'ingest/sftp_drop.py',
      code:
        'import paramiko\n\n\n' +
        'def open_drop(host: str, user: str, key_file: str) -> paramiko.SFTPClient:\n' +
        '    client = paramiko.SSHClient()\n' +
        '    client.set_missing_host_key_policy(paramiko.AutoAddPolicy())\n' +
        '    client.connect(host, username=user, key_filename=key_file)\n' +
        '    return client.open_sftp()\n',
    },
  ],
  good: [
    {
      file: 'ingest/sftp_drop.py',
      code:
        'import paramiko\n\n\n' +
        'def open_drop(host: str, user: str, key_file: str) -> paramiko.SFTPClient:\n' +
        '    client = paramiko.SSHClient()\n' +
        '    client.load_host_keys("/etc/pipeline/known_hosts")\n' +
        '    client.set_missing_host_key_policy(paramiko.RejectPolicy())\n' +
        '    client.connect(host, username=user, key_filename=key_file)\n' +
        '    return client.open_sftp()\n',
    },
  ],
  bandit: ['B507'],
  references: ['https://docs.paramiko.org/en/stable/api/client.html', 'https://cwe.mitre.org/data/definitions/295.html'],
  onNode: {
    // pysftp: `cnopts = pysftp.CnOpts(); cnopts.hostkeys = None` switches host key checking off.
    types: ['assignment'],
    check(node, ctx) {
      const target = node.childForFieldName('left');
      const value = node.childForFieldName('right');
      const object = target?.type === 'attribute' ? target.childForFieldName('object') : undefined;
      if (!object || !value || target!.childForFieldName('attribute')?.text !== 'hostkeys' || ctx.constantOf(value) !== null) return;
      if (ctx.nameOf(object) === 'pysftp.CnOpts()') ctx.report(node, { message: `${target!.text} = None turns off pysftp's host key check, so a spoofed server is trusted` });
    },
  },
  onCall(call, ctx) {
    const knownHosts = ASYNCSSH_CONNECT.includes(call.name ?? '') ? call.keywords.get('known_hosts') : undefined;
    if (knownHosts && ctx.constantOf(knownHosts) === null) {
      ctx.report(call.node, { message: `${call.name}() with known_hosts=None accepts any SSH host key, so a spoofed server is trusted` });
    }
    if (call.method !== 'set_missing_host_key_policy') return;
    const policy = call.positional[0] ?? call.keywords.get('policy');
    if (!policy) return;
    const target = policy.type === 'call' ? policy.childForFieldName('function') : policy;
    const name = target ? ctx.nameOf(target) : undefined;
    if (name && ACCEPT_ANY.has(name)) ctx.report(call.node, { message: `${name.slice(name.lastIndexOf('.') + 1)} accepts any SSH host key, so a spoofed server is trusted` });
  },
};
