import { programIndex, type Command, type Word } from '../container/dockerfile/shell.js';
import { downloadedFileRuns, fileRunMessage } from '../shell/downloaded-file.js';
import { argument, calls, type CallSite } from './call-site.js';
import { moduleFunctions, moduleOf } from './command-helpers.js';
import type { SyntaxNode } from './parser.js';
import type { PythonContext } from './python-rule.js';
import { startedCommand, writtenShellScripts } from './shell-scripts.js';

/** Python calls that save a URL to a file, read as the `curl -o FILE` they stand for. */
const PYTHON_DOWNLOADS: ReadonlyArray<{ name: string; file: [number, string] }> = [
  { name: 'urllib.request.urlretrieve', file: [1, 'filename'] },
  { name: 'urllib.urlretrieve', file: [1, 'filename'] },
  { name: 'wget.download', file: [1, 'out'] },
];
/** Python calls that compute or compare a digest, read as the `sha256sum -c` they stand for. */
const PYTHON_CHECKS = ['hashlib.', 'hmac.compare_digest', 'gnupg.GPG().verify', 'gnupg.GPG().verify_file'];
/** Text a module must hold to download anything: most modules are passed over unread. */
const DOWNLOADS_SOMETHING = /curl|wget|urlretrieve/;

/** A file a module's code downloads in one call and runs, unchecked, in a later one: the run's message and the node to report. */
export interface CallFileRun {
  node: SyntaxNode;
  message: string;
}

/** Per file analysed (its contexts share the file object). */
const runsByModule = new WeakMap<object, ReadonlyMap<SyntaxNode, CallFileRun[]>>();

/**
 * The downloaded files a call runs that an earlier call of the module downloaded — a `curl -o`/`wget`
 * command, `urlretrieve(url, path)` — with no digest check (hashlib, `sha256sum -c`) between them,
 * as `subprocess.run(["curl", "-fsSLo", "/tmp/i.sh", url])` then `subprocess.run(["bash", "/tmp/i.sh"])`.
 * A download and run within one command is the written script's finding.
 */
export function laterCallFileRuns(call: CallSite, ctx: PythonContext): CallFileRun[] {
  let runs = runsByModule.get(ctx.file);
  if (!runs) runsByModule.set(ctx.file, (runs = DOWNLOADS_SOMETHING.test(ctx.file.text) ? moduleFileRuns(moduleOf(call.node), ctx) : new Map()));
  return runs.get(call.node) ?? [];
}

function moduleFileRuns(root: SyntaxNode, ctx: PythonContext): Map<SyntaxNode, CallFileRun[]> {
  const owner = new Map<Command, { call: CallSite; node: SyntaxNode; downloader?: string }>();
  const scripts: Command[][] = [];
  const checkers = checkingFunctions(root);
  for (const node of root.descendantsOfType('call')) {
    const call = ctx.callSite(node);
    const commands = callCommands(call, ctx, checkers);
    for (const { command, node: reported, downloader } of commands) owner.set(command, { call, node: reported, ...(downloader ? { downloader } : {}) });
    if (commands.length > 0) scripts.push(commands.map((c) => c.command));
  }
  const found = new Map<SyntaxNode, CallFileRun[]>();
  for (const { command, downloads, file, runner } of downloadedFileRuns(scripts)) {
    const run = owner.get(command)!;
    if (downloads.some((d) => owner.get(d)!.call === run.call)) continue;
    // A Python download is named for the call it is, not the curl it stands for.
    const message = fileRunMessage(file, downloads.map((d) => owner.get(d)!.downloader ?? d.words[programIndex(d)]!.text), runner);
    found.set(run.call.node, [...(found.get(run.call.node) ?? []), { node: run.node, message }]);
  }
  return found;
}

/** The shell commands a call runs, or stands for, each with the node a finding on it points at. */
function callCommands(call: CallSite, ctx: PythonContext, checkers: ReadonlySet<string>): Array<{ command: Command; node: SyntaxNode; downloader?: string }> {
  const started = startedCommand(call, ctx);
  const found: Array<{ command: Command; node: SyntaxNode; downloader?: string }> = [
    ...(started ? [{ command: started.command, node: started.nodes[0]! }] : []),
    ...writtenShellScripts(call, ctx).flatMap((script) => script.commands.map((command) => ({ command, node: script.node }))),
  ];
  for (const { name, file } of PYTHON_DOWNLOADS) {
    const target = calls(call, [name]) ? argument(call, ...file) : undefined;
    const path = target && ctx.constantOf(target);
    if (typeof path === 'string') found.push({ command: standIn(call.node, ['curl', '-o', path]), node: call.node, downloader: name });
  }
  const checks = PYTHON_CHECKS.some((prefix) => call.name?.startsWith(prefix)) || (call.node.childForFieldName('function')?.type === 'identifier' && checkers.has(call.name ?? ''));
  if (checks) found.push({ command: standIn(call.node, ['sha256sum', '-c']), node: call.node });
  return found;
}

/** A command a Python call stands for, its words placed on the call. */
function standIn(node: SyntaxNode, texts: string[]): Command {
  const words = texts.map((text): Word => ({ text, start: node.startIndex, end: node.endIndex }));
  return { words, after: '', depth: 0 };
}

/** A function body that computes a digest or checks a signature: a call of it checks what it is given (`if not sha_ok(path): …`). */
const CHECKING_BODY = /\bhashlib\.|compare_digest|\bsha(?:1|256|512)sum\b|\bgpgv?\b/;

/** The module-level functions whose bodies check a digest or signature. */
function checkingFunctions(root: SyntaxNode): Set<string> {
  return new Set(moduleFunctions(root).flatMap(({ name, fn }) => (CHECKING_BODY.test(fn.childForFieldName('body')?.text ?? '') ? [name] : [])));
}
