import { severityRank, type Confidence, type Severity } from '../../../core/finding.js';
import { calleeLabel, type CallSite } from '../call-site.js';
import type { JsContext, JsRule } from '../js-rule.js';
import { checkedUnderBase } from '../path-guard.js';
import { type SyntaxNode, unwrap } from '../parser.js';

/** fs functions by which arguments are paths. */
const PATH_ARGS: Record<string, readonly number[]> = {
  readFile: [0],
  readFileSync: [0],
  createReadStream: [0],
  writeFile: [0],
  writeFileSync: [0],
  appendFile: [0],
  appendFileSync: [0],
  createWriteStream: [0],
  open: [0],
  openSync: [0],
  unlink: [0],
  unlinkSync: [0],
  rm: [0],
  rmSync: [0],
  readdir: [0],
  readdirSync: [0],
  rename: [0, 1],
  renameSync: [0, 1],
  copyFile: [0, 1],
  copyFileSync: [0, 1],
};
/** Where fs functions live: the module, its promise API, and fs-extra (folded into fs). */
const RECEIVERS = ['fs', 'fs.promises'];
/** Functions that strip directories, leaving only a file name. */
const CONFINING = new Set(['path.basename', 'path.posix.basename', 'path.win32.basename']);

export const pathTraversalFs: JsRule = {
  id: 'js.path-traversal.fs',
  title: 'File system path built from input',
  category: 'sast',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-22'],
  what:
    'Finds fs (and fs/promises, fs-extra) reads, writes, opens, deletes, renames and copies whose path comes from ' +
    'an HTTP request (req.params/query/body…, Koa ctx, Lambda event) or from data the script reads (parsed ' +
    'CSV, an HTTP response, an S3 object) — high — or is otherwise not a literal: from ' +
    'process.argv (low: the operator names the files a script works on), built from a template, concatenation or ' +
    'path.join (medium severity) or of unknown origin (low), all three at low confidence. Paths from __dirname, ' +
    'import.meta, process.cwd() and literals, path.basename() results, and a name holding a normalised path ' +
    '(path.resolve/join/normalize, realpath) that an earlier `if (!p.startsWith(base)) throw/return` (or a ' +
    '`path.relative(base, p)` test for a leading `..`) or an enclosing `if (p.startsWith(base))` keeps under its base, ' +
    'are not reported.',
  why:
    'A file name such as ../../.aws/credentials or /etc/passwd taken from a request or a job argument makes the ' +
    'script read, overwrite or delete files outside the folder it meant to use: exported data lands in the wrong ' +
    'place, or credentials are read back out.',
  remediation:
    'Resolve the path against a fixed base and check it stays inside: const p = path.resolve(base, name); if ' +
    '(!p.startsWith(base + path.sep)) throw …; or keep only path.basename(name) and check it against an allow-list.',
  bad: [
    {
      file: 'server/download.js',
      code:
        "const fs = require('fs');\nconst path = require('path');\n\n" +
        "app.get('/exports/:name', (req, res) => {\n" +
        "  fs.createReadStream(path.join(__dirname, 'exports', req.params.name)).pipe(res);\n" +
        '});\n',
    },
    {
      file: 'scripts/clean.ts',
      code: "import { promises as fsp } from 'node:fs';\n\nconst [, , target] = process.argv;\nawait fsp.rm(`/data/staging/${target}`, { recursive: true });\n",
    },
  ],
  good: [
    {
      file: 'server/download.js',
      code:
        "const fs = require('fs');\nconst path = require('path');\n\n" +
        "const BASE = path.join(__dirname, 'exports');\n" +
        "app.get('/exports/:name', (req, res) => {\n" +
        '  fs.createReadStream(path.join(BASE, path.basename(req.params.name))).pipe(res);\n' +
        "  fs.readFileSync(path.join(__dirname, 'schema.json'), 'utf8');\n" +
        '});\n',
    },
    {
      file: 'server/upload.js',
      code:
        "const fs = require('fs');\nconst path = require('path');\n\n" +
        "const BASE = path.resolve('uploads');\n" +
        "app.put('/uploads/:name', (req, res) => {\n" +
        '  const target = path.resolve(BASE, req.params.name);\n' +
        '  if (!target.startsWith(BASE + path.sep)) return res.status(400).end();\n' +
        '  req.pipe(fs.createWriteStream(target));\n' +
        '});\n',
    },
  ],
  references: ['https://nodejs.org/api/path.html#pathresolvepaths', 'https://cwe.mitre.org/data/definitions/22.html'],
  onCall(call, ctx) {
    // Of two path arguments (a copy's source and target), the worse one is reported.
    const verdicts = (fsPathArgs(call) ?? []).flatMap((index) => {
      const arg = call.args[index];
      return arg && !confined(ctx, arg) && !checkedUnderBase(ctx, call.node, arg) ? (verdictOn(ctx, call, arg) ?? []) : [];
    });
    const worst = verdicts.sort((a, b) => severityRank(b.severity) - severityRank(a.severity))[0];
    if (worst) ctx.report(call.node, worst);
  },
};

function verdictOn(ctx: JsContext, call: CallSite, arg: SyntaxNode): { message: string; severity: Severity; confidence: Confidence } | undefined {
  const input = ctx.inputOf(arg);
  if (input === 'request') return { message: `${calleeLabel(call)} uses a path built from request input`, severity: 'high', confidence: 'high' };
  // A record naming a file (`row.file`, `manifest.path`) is chosen by whoever wrote the data.
  if (input === 'ingested') return { message: `${calleeLabel(call)} uses a path built from data the script reads`, severity: 'high', confidence: 'high' };
  // A script opening the paths its own command line names is doing its job; whoever controls
  // those already runs the script. Kept, but ranked low, as for Python jobs.
  if (input === 'command-line') return { message: `${calleeLabel(call)} uses a path built from the command line (trusted as far as the script's operator is)`, severity: 'low', confidence: 'low' };
  const kind = ctx.kindOf(arg);
  if (kind === 'literal') return undefined;
  return {
    message: `${calleeLabel(call)} uses a path ${kind === 'formatted' ? 'built from non-literal parts' : 'whose origin is not visible here'}; check it cannot leave its base folder`,
    severity: kind === 'formatted' ? 'medium' : 'low',
    confidence: 'low',
  };
}

/** By resolved name, so imported functions count too: `readFile` from 'fs/promises' is `fs.promises.readFile`. */
function fsPathArgs(call: CallSite): readonly number[] | undefined {
  const dot = call.name?.lastIndexOf('.') ?? -1;
  if (!call.name || dot === -1) return undefined;
  const fn = call.name.slice(dot + 1);
  return RECEIVERS.includes(call.name.slice(0, dot)) && Object.hasOwn(PATH_ARGS, fn) ? PATH_ARGS[fn] : undefined;
}

/** The path ends in a bare file name: `path.basename(x)`, alone or last in `path.join(base, …)`. */
function confined(ctx: JsContext, arg: SyntaxNode): boolean {
  let node = unwrap(arg);
  const callee = (n: SyntaxNode) => (n.type === 'call_expression' ? ctx.nameOf(n.childForFieldName('function') ?? n) : undefined);
  if (callee(node) === 'path.join' || callee(node) === 'path.resolve') {
    const last = node.childForFieldName('arguments')?.lastNamedChild;
    if (last) node = unwrap(last);
  }
  return CONFINING.has(callee(node) ?? '');
}
