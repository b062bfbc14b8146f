import { argument, calls } from '../call-site.js';
import type { PythonRule } from '../python-rule.js';
import { calleeLabel, reportDynamic, reportUnseen } from './dynamic-value.js';
import { ASYNC_SHELL_RUNNERS, dynamicShellScript, sequenceItems, SUBPROCESS_RUNNERS } from './shell.js';

/** Runners that always go through the shell, with no shell= switch. */

export const subprocessShell: PythonRule = {
  id: 'py.command-injection.subprocess-shell',
  title: 'subprocess command run through a shell with non-literal input',
  category: 'sast',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-78'],
  what:
    'Finds subprocess.run/call/check_call/check_output/Popen with shell=True (or a shell= value not literally ' +
    'False), and asyncio.create_subprocess_shell, when the command is not a literal; also argv lists that start a ' +
    'shell themselves, as in ["bash", "-c", command], or run a remote command over ssh (["ssh", host, command]), which ' +
    'the remote shell parses. The list form without a shell is not reported.',
  why:
    'With a shell in between, the command string is parsed as shell syntax, so ; && | $( ) in any spliced-in value ' +
    'start new commands. Pipeline steps shell out to gsutil, aws, spark-submit, dbt and psql with file names, dates ' +
    'and table names taken from upstream data and DAG parameters; one crafted value runs commands on the worker.',
  remediation:
    'Pass the command as a list and leave shell at False: subprocess.run(["aws", "s3", "cp", src, dst], check=True). ' +
    'Put pipes and redirections in Python (stdout=fh, a second Popen) instead of shell syntax.',
  bad: [
    {
      file: 'jobs/submit_spark.py',
      code:
        'import subprocess\n\n\n' +
        'def submit(job_file: str, run_date: str, extra_conf: str) -> None:\n' +
        '    cmd = f"spark-submit --master yarn --conf {extra_conf} {job_file} --date {run_date}"\n' +
        '    subprocess.run(cmd, shell=True, check=True)\n',
    },
    {
      file: 'jobs/sync_landing.py',
      code:
        'from subprocess import check_output\n\n\n' +
        'def list_new_files(prefix: str) -> list[str]:\n' +
        '    out = check_output(["bash", "-c", "aws s3 ls s3://landing/" + prefix + " | awk \'{print $4}\'"])\n' +
        '    return out.decode().split()\n',
    },
  ],
  good: [
    {
      file: 'jobs/submit_spark.py',
      code:
        'import subprocess\n\n\n' +
        'def submit(job_file: str, run_date: str) -> None:\n' +
        '    cmd = ["spark-submit", "--master", "yarn", job_file, "--date", run_date]\n' +
        '    subprocess.run(cmd, check=True)\n' +
        '    subprocess.run("hdfs dfs -ls /warehouse | tail -n 5", shell=True, check=True)\n',
    },
  ],
  bandit: ['B602', 'B604'],
  references: [
    'https://docs.python.org/3/library/subprocess.html#security-considerations',
    'https://cwe.mitre.org/data/definitions/78.html',
  ],
  onCall(call, ctx) {
    const alwaysShell = calls(call, ASYNC_SHELL_RUNNERS);
    if (!alwaysShell && !calls(call, SUBPROCESS_RUNNERS)) return;
    const args = argument(call, 0, alwaysShell ? 'cmd' : 'args');
    if (!args) {
      if (call.hasSplat) reportUnseen(ctx, call, 'the command');
      return;
    }
    const items = sequenceItems(args);
    const shell = call.keywords.get('shell');
    // undefined: shell= is set from a value not known here, which counts as on, less surely.
    const shellOn = alwaysShell || (shell ? ctx.truthOf(shell) : false);
    if (shellOn !== false) {
      // With a shell, a sequence's first item is the command line and the rest its $0, $1…
      const command = items ? items[0] : args;
      if (!command) return;
      reportDynamic(ctx, call, command, {
        message: (how) => `${calleeLabel(call)} runs a command ${how} through the shell${alwaysShell ? '' : ' (shell=True)'}`,
        unknownSeverity: 'medium',
        atMost: shellOn === true ? undefined : 'medium',
        context: 'shell',
      });
      return;
    }
    if (items) {
      const script = dynamicShellScript(ctx, items[0], items.slice(1));
      if (script) reportDynamic(ctx, call, script.command, { message: (how) => `${calleeLabel(call)} ${script.starts} ${how}`, unknownSeverity: 'medium', context: 'shell' });
    } else if (!shell && call.hasSplat && ctx.kindOf(args) !== 'literal') {
      reportUnseen(ctx, call, 'shell=True for this command string');
    }
  },
};
