import path from 'node:path';
import { isShell, programIndex, programName, type Command, type Word } from '../container/dockerfile/shell.js';

export const DOWNLOADERS = new Set(['curl', 'wget', 'fetch']);
export const INTERPRETERS = /^(python[\d.]*|perl|ruby|node|php)$/;
/** Options that hand an interpreter (not a shell, where -e is errexit) its code as an argument (`python3 -c`, `node -e`, `perl -E`, `php -r`) or name a module to run. */
export const CODE_ARGUMENT = /^-[ceEmr]$/;
/** A shell option cluster with `-c`: the script is the next argument's text. */
export const SHELL_COMMAND_OPTION = /^-[a-z]*c[a-z]*$/;

/**
 * Programs that check a file against a digest or signature. One anywhere between a download and its
 * run counts as the check: scripts verify in too many shapes (`sha256sum -c`, a digest compared in
 * `[ … ]`, `gpg --verify` of a detached signature) to tie each to the file.
 */
const VERIFIERS = new Set([
  'sha1sum', 'sha224sum', 'sha256sum', 'sha384sum', 'sha512sum', 'shasum', 'md5sum', 'b2sum', 'cksum',
  'gpg', 'gpg2', 'gpgv', 'cosign', 'minisign', 'signify', 'openssl', 'slsa-verifier', 'sigstore',
]);

/** Short options of curl and wget that take a value (in a cluster, the rest of the word or the next word). */
const VALUED_SHORT: Record<string, string> = { curl: 'AbcCdDeEFHKmoPQrtTuUwxXyYz', wget: 'aABDeIilOoPQRtTUwX' };
/** Long options of curl and wget that take their value as the next word (unless given `--name=value`). */
const VALUED_LONG = /^--(?:output|output-dir|output-document|directory-prefix|header|data[\w-]*|user(?:-agent)?|request|referer|cookie(?:-jar)?|form|config|max-time|connect-timeout|retry(?:-[\w-]+)?|proxy[\w-]*|write-out|cert|key|cacert|capath|range|continue-at|upload-file|limit-rate|tries|timeout|wait|post-data|post-file|method|body-data|input-file|append-output|output-file|ca-certificate|ca-directory|certificate|private-key)$/;

/** Where a download went: the file as the script names it, and the downloading command. */
interface Download {
  file: string;
  program: string;
  index: number;
}

export interface FileRun {
  /** The command that runs the file. */
  command: Command;
  message: string;
}

/**
 * Downloads saved to a file (`curl -o f`, `curl -O`, `wget URL`, `wget -O f`, `curl URL > f`) that a
 * later command of the script runs — as a shell's or interpreter's script (`bash install.sh`,
 * `python3 get-pip.py`), sourced, or as the program itself (`./install.sh`) — with no digest or
 * signature check in between.
 */
export function downloadedFileRuns(commands: readonly Command[]): FileRun[] {
  const runs: FileRun[] = [];
  const downloads: Download[] = [];
  commands.forEach((command, index) => {
    if (VERIFIERS.has(programName(command.words[programIndex(command)]?.text ?? ''))) {
      downloads.length = 0;
      return;
    }
    const ran = ranFile(command);
    const download = ran === undefined ? -1 : downloads.findIndex((d) => d.file === ran.file);
    if (ran && download !== -1) {
      const { file, program } = downloads.splice(download, 1)[0]!;
      runs.push({ command, message: `${file}, downloaded by ${program}, is run${ran.runner ? ` by ${ran.runner}` : ''} without verification` });
    }
    const saved = savedDownload(command);
    if (saved) downloads.push({ ...saved, index });
  });
  return runs;
}

/** The file a downloader saves to, normalised, if it saves to one (not standard output piped on). */
function savedDownload(command: Command): Omit<Download, 'index'> | undefined {
  const at = programIndex(command);
  const program = at === -1 ? '' : programName(command.words[at]!.text);
  // fetch(1) names its files as wget does, but its options differ; it is rare enough to leave out.
  if (!(program in VALUED_SHORT)) return undefined;
  const words = command.words.slice(at + 1);
  const redirected = redirectTarget(words);
  let output: string | undefined;
  let directory: string | undefined;
  let remoteName = program === 'wget';
  let url: string | undefined;
  for (let i = 0; i < words.length; i++) {
    const text = words[i]!.text;
    if (/^\d*>/.test(text) || (i > 0 && /^\d*>>?\|?$/.test(words[i - 1]!.text))) continue;
    if (text.startsWith('--')) {
      const eq = text.indexOf('=');
      const name = eq < 0 ? text : text.slice(0, eq);
      const value = eq >= 0 ? text.slice(eq + 1) : VALUED_LONG.test(name) ? words[++i]?.text : undefined;
      if (name === '--output' || name === '--output-document') output = value;
      else if (name === '--output-dir' || name === '--directory-prefix') directory = value;
      else if (name === '--remote-name' || name === '--remote-name-all') remoteName = true;
      continue;
    }
    if (text.startsWith('-') && text.length > 1) {
      for (let c = 1; c < text.length; c++) {
        const letter = text[c]!;
        if (program === 'curl' && letter === 'O') remoteName = true;
        if (!VALUED_SHORT[program]?.includes(letter)) continue;
        const value = c + 1 < text.length ? text.slice(c + 1) : words[++i]?.text;
        if ((program === 'curl' && letter === 'o') || (program !== 'curl' && letter === 'O')) output = value;
        if (program === 'wget' && letter === 'P') directory = value;
        break;
      }
      continue;
    }
    url ??= text;
  }
  const toStdout = output === '-' || (program === 'curl' && output === undefined && !remoteName);
  const file = toStdout ? redirected : (output ?? (remoteName && url ? remoteFileName(url) : undefined));
  if (!file) return undefined;
  return { file: normalised(directory && !file.startsWith('/') ? `${directory}/${file}` : file), program };
}

/** The file a command's standard output is redirected to (`> f`, `>f`, `1> f`, `>> f`). */
function redirectTarget(words: readonly Word[]): string | undefined {
  for (let i = 0; i < words.length; i++) {
    const match = /^1?>>?\|?(.*)$/.exec(words[i]!.text);
    if (!match) continue;
    const target = match[1] !== '' ? match[1] : words[i + 1]?.text;
    if (target && !target.startsWith('&')) return target;
  }
  return undefined;
}

/** The name curl -O and wget give a download: the last segment of the URL's path. */
function remoteFileName(url: string): string | undefined {
  const name = url.replace(/[?#].*$/, '').replace(/^[a-z]+:\/\/[^/]*/i, '').split('/').pop();
  return name && name !== '' ? name : undefined;
}

/** The file a command runs, and what runs it (a shell or interpreter given it as its script, `source`), if any. */
function ranFile(command: Command): { file: string; runner?: string } | undefined {
  const at = programIndex(command);
  if (at === -1) return undefined;
  const program = command.words[at]!.text;
  const name = programName(program);
  const args = command.words.slice(at + 1).map((w) => w.text);
  if (name === 'source' || name === '.') return args[0] ? { file: normalised(args[0]), runner: name } : undefined;
  const shell = isShell(name);
  if (!shell && !INTERPRETERS.test(name)) return program.includes('/') ? { file: normalised(program) } : undefined;
  for (const text of args) {
    // A script given as text (`sh -c`, `python3 -c`, `-m module`) runs no file.
    if (shell ? SHELL_COMMAND_OPTION.test(text) : CODE_ARGUMENT.test(text)) return undefined;
    if (!text.startsWith('-')) return { file: normalised(text), runner: name };
  }
  return undefined;
}

function normalised(file: string): string {
  return path.posix.normalize(file);
}
