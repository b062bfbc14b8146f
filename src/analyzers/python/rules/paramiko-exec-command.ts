import { argument } from '../call-site.js';
import type { PythonRule } from '../python-rule.js';
import { reportDynamic } from './dynamic-value.js';

export const paramikoExecCommand: PythonRule = {
  id: 'py.command-injection.paramiko-exec',
  title: 'Remote shell command built from variable text',
  category: 'sast',
  severity: 'high',
  confidence: 'medium',
  cwe: ['CWE-78'],
  what: 'Finds paramiko SSHClient.exec_command() calls whose command is not a literal (Bandit B601).',
  why:
    'exec_command hands its string to the remote login shell. File names, partitions or dates that come from data ' +
    'or configuration can carry ; or $( ) and run commands on the remote host with the pipeline\'s credentials.',
  remediation:
    'Run a fixed command and hand variable values over another way (SFTP the file, write them to stdin), or check them ' +
    'against an allow-list or strict pattern first; shlex.quote() each variable part as a last resort.',
  bad: [
    {
      file: 'jobs/remote_load.py',
      code:
        'import paramiko\n\n\n' +
        'def load(host: str, partition: str) -> None:\n' +
        '    client = paramiko.SSHClient()\n' +
        '    client.connect(host)\n' +
        '    client.exec_command(f"/opt/etl/load.sh {partition}")\n',
    },
  ],
  good: [
    {
      file: 'jobs/remote_load.py',
      code:
        'import paramiko\n\n\n' +
        'def load(host: str, partition: str) -> None:\n' +
        '    client = paramiko.SSHClient()\n' +
        '    client.connect(host)\n' +
        '    stdin, stdout, _ = client.exec_command("/opt/etl/load.sh --partition-from-stdin")\n' +
        '    stdin.write(partition + "\\n")\n',
    },
  ],
  bandit: ['B601'],
  references: ['https://docs.paramiko.org/en/stable/api/client.html#paramiko.client.SSHClient.exec_command', 'https://bandit.readthedocs.io/en/latest/plugins/b601_paramiko_calls.html'],
  onCall(call, ctx) {
    if (call.method !== 'exec_command' || !call.name?.startsWith('paramiko.')) return;
    const command = argument(call, 0, 'command');
    if (command) reportDynamic(ctx, call, command, { message: (how) => `exec_command() runs a remote shell command ${how}`, context: 'shell' });
  },
};
