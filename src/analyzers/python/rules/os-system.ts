import { argument, calls, type CallSite } from '../call-site.js';
import type { SyntaxNode } from '../parser.js';
import type { PythonContext, PythonRule } from '../python-rule.js';
import { calleeLabel, reportDynamic, reportUnseen } from './dynamic-value.js';
import { ARGV_RUNNERS, SHELL_STRING_RUNNERS, dynamicShellScript, startedProgram } from './shell.js';

export const osSystem: PythonRule = {
  id: 'py.command-injection.os-system',
  title: 'Shell command built from non-literal input (os.system family)',
  category: 'sast',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-78'],
  what:
    'Finds os.system(), os.popen(), subprocess.getoutput()/getstatusoutput() and commands.getoutput() with a command ' +
    'that is not a literal, and os.exec*/spawn*/posix_spawn* and asyncio.create_subprocess_exec calls that start a ' +
    'shell with `-c` and a non-literal command or run a non-literal remote command over ssh.',
  why:
    'These functions pass a single string to /bin/sh, which treats ; | $( ) and backticks as syntax. Pipelines build ' +
    'such commands from file names, partition dates, table names and bucket keys — values that come from upstream ' +
    'systems and users — so a crafted name runs commands on the worker with the job’s credentials.',
  remediation:
    'Call subprocess.run() with a list of arguments and no shell (subprocess.run(["gsutil", "cp", src, dst], ' +
    'check=True)). Validate values against an allow-list; shlex.quote is a last resort for commands that need a shell.',
  bad: [
    {
      file: 'dags/export_partition.py',
      code:
        'import os\n\n\n' +
        'def export_partition(table: str, ds: str, bucket: str) -> None:\n' +
        '    local = f"/tmp/{table}_{ds}.sql.gz"\n' +
        '    os.system(f"pg_dump --table={table} --data-only analytics | gzip > {local}")\n' +
        '    os.system("gsutil cp " + local + " gs://" + bucket + "/exports/" + ds + "/")\n',
    },
    {
      file: 'ops/disk_usage.py',
      code:
        'import subprocess\n\n\n' +
        'def landing_zone_size(path: str) -> str:\n' +
        '    return subprocess.getoutput("du -sh %s" % path)\n',
    },
  ],
  good: [
    {
      file: 'dags/export_partition.py',
      code:
        'import os\n' +
        'import subprocess\n\n\n' +
        'def export_partition(local: str, bucket: str) -> None:\n' +
        '    subprocess.run(["gsutil", "cp", local, f"gs://{bucket}/exports/"], check=True)\n' +
        '    os.system("sync")\n',
    },
  ],
  bandit: ['B605'],
  references: ['https://docs.python.org/3/library/os.html#os.system', 'https://cwe.mitre.org/data/definitions/78.html'],
  onCall(call, ctx) {
    if (calls(call, SHELL_STRING_RUNNERS)) {
      const command = argument(call, 0, 'cmd') ?? call.keywords.get('command');
      if (command) reportCommand(ctx, call, command, (how) => `passes a command ${how} to the shell`);
      else if (call.hasSplat) reportUnseen(ctx, call, 'the command');
      return;
    }
    const started = calls(call, ARGV_RUNNERS) ? startedProgram(call) : undefined;
    const script = started && dynamicShellScript(ctx, started.program, started.args);
    if (script) reportCommand(ctx, call, script.command, (how) => `${script.starts} ${how}`);
  },
};

function reportCommand(ctx: PythonContext, call: CallSite, command: SyntaxNode, what: (how: string) => string): void {
  reportDynamic(ctx, call, command, { message: (how) => `${calleeLabel(call)} ${what(how)}`, unknownSeverity: 'medium', context: 'shell' });
}
