import { calleeLabel, calls, optionsOf, propertyOf } from '../call-site.js';
import type { JsContext, JsRule } from '../js-rule.js';
import type { SyntaxNode } from '../parser.js';
import { reportDynamic } from './dynamic-value.js';

const MODULE = 'child_process';
/** Always run through a shell: the command is one string. */
const SHELL_RUNNERS = ['exec', 'execSync'].map((f) => `${MODULE}.${f}`);
/** Run a program with an argv array, unless `shell` is set. */
const ARGV_RUNNERS = ['spawn', 'spawnSync', 'execFile', 'execFileSync'].map((f) => `${MODULE}.${f}`);
const SHELLS = new Set(['sh', 'bash', 'dash', 'zsh', 'ksh', 'ash', 'cmd', 'cmd.exe', 'powershell', 'powershell.exe', 'pwsh']);
const UNKNOWN = { severity: 'medium', confidence: 'medium' } as const;

export const commandInjectionExec: JsRule = {
  id: 'js.command-injection.exec',
  title: 'child_process command run through a shell with non-literal input',
  category: 'sast',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-78'],
  what:
    'Finds child_process exec/execSync with a command built from a template string or concatenation (high) or of ' +
    'unknown origin (medium); spawn/spawnSync/execFile/execFileSync with a shell option that is not literally false, ' +
    'judged the same way on the command and its arguments; and argv arrays that start a shell with -c themselves. ' +
    'spawn("ls", [arg]) without a shell is not reported.',
  why:
    'exec hands its string to /bin/sh, so ; && | $( ) in any spliced-in value start new commands. Ingestion scripts ' +
    'shell out to aws, gsutil, psql and unzip with file names, bucket keys and dates taken from events, queues and ' +
    'CLI arguments; one crafted name runs commands with the job’s credentials.',
  remediation:
    'Use execFile or spawn with an argument array and no shell: execFile("aws", ["s3", "cp", src, dst]). Put pipes ' +
    'in code (stream.pipeline) rather than shell syntax.',
  bad: [
    {
      file: 'scripts/fetch.js',
      code: "const { exec } = require('child_process');\n\nfunction fetch(bucket, key) {\n  exec(`aws s3 cp s3://${bucket}/${key} ./landing/`, (err) => { if (err) throw err; });\n}\n",
    },
    {
      file: 'scripts/unpack.ts',
      code: "import { spawnSync } from 'node:child_process';\n\nexport function unpack(archive: string): void {\n  spawnSync('tar -xzf ' + archive, { shell: true, stdio: 'inherit' });\n}\n",
    },
  ],
  good: [
    {
      file: 'scripts/fetch.js',
      code:
        "const { execFile, spawn, execSync } = require('node:child_process');\n\n" +
        'function fetch(bucket, key) {\n' +
        "  execFile('aws', ['s3', 'cp', `s3://${bucket}/${key}`, './landing/'], (err) => { if (err) throw err; });\n" +
        "  spawn('ls', ['-l', key]);\n" +
        "  execSync('df -h | sort');\n" +
        '}\n',
    },
  ],
  references: ['https://nodejs.org/api/child_process.html#spawning-bat-and-cmd-files-on-windows', 'https://cwe.mitre.org/data/definitions/78.html'],
  onCall(call, ctx) {
    const label = calleeLabel(call);
    if (calls(call, SHELL_RUNNERS)) {
      const command = call.args[0];
      if (command) reportDynamic(ctx, call, command, { message: (how) => `${label} runs a command ${how} through the shell`, unknown: UNKNOWN });
      return;
    }
    if (!calls(call, ARGV_RUNNERS)) return;
    const [program, argv] = call.args;
    const items = argv?.type === 'array' ? argv.namedChildren : undefined;
    if (!program) return;
    const shell = propertyOf(optionsOf(call), 'shell');
    if (shell && ctx.constantOf(shell) !== false) {
      // With shell set, Node joins the command and its arguments with spaces into one shell command line.
      const parts = [program, ...(items ?? (argv && argv.type !== 'object' ? [argv] : []))];
      const worst = parts.find((p) => ctx.kindOf(p) === 'formatted') ?? parts.find((p) => ctx.kindOf(p) !== 'literal');
      if (worst) reportDynamic(ctx, call, worst, { message: (how) => `${label} with shell: true runs a command line ${how}`, unknown: UNKNOWN });
      return;
    }
    const command = items ? shellCommand(ctx, program, items) : undefined;
    if (command) reportDynamic(ctx, call, command, { message: (how) => `${label} starts a shell with -c and a command ${how}`, unknown: UNKNOWN });
  },
};

/** When `program` is a shell given a command string (`bash -c CMD`, `cmd /c CMD`), that string's node. */
function shellCommand(ctx: JsContext, program: SyntaxNode, args: SyntaxNode[]): SyntaxNode | undefined {
  const path = ctx.constantOf(program);
  if (typeof path !== 'string' || !SHELLS.has(path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1).toLowerCase())) return undefined;
  for (const [i, arg] of args.entries()) {
    const value = ctx.constantOf(arg);
    if (typeof value === 'string' && (/^-[a-z]*c$/.test(value) || /^\/c$/i.test(value) || /^-command$/i.test(value))) return args[i + 1];
    // Options end at the first operand: `sh script.sh -c x` passes -c to the script.
    if (typeof value !== 'string' || !/^(-|\/\w+$)/.test(value)) return undefined;
  }
  return undefined;
}
