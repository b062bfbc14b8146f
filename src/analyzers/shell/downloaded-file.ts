import path from 'node:path';
import { isShell, programIndex, programName, type Command, type Word } from '../container/dockerfile/shell.js';
import { verifiesDownload } from './download-verification.js';

export const DOWNLOADERS = new Set(['curl', 'wget', 'fetch']);
export const INTERPRETERS = /^(python[\d.]*|perl|ruby|node|php)$/;
/** Options that hand an interpreter (not a shell, where -e is errexit) its code as an argument (`python3 -c`, `node -e`, `perl -E`, `php -r`) or name a module to run. */
export const CODE_ARGUMENT = /^-[ceEmr]$/;
/** A shell option cluster with `-c`: the script is the next argument's text. */
export const SHELL_COMMAND_OPTION = /^-[a-z]*c[a-z]*$/;

/** Short options of curl and wget that take a value (in a cluster, the rest of the word or the next word). */
const VALUED_SHORT: Record<string, string> = { curl: 'AbcCdDeEFHKmoPQrtTuUwxXyYz', wget: 'aABDeIilOoPQRtTUwX' };
/** Long options of curl and wget that take their value as the next word (unless given `--name=value`). */
const VALUED_LONG = /^--(?:output|output-dir|output-document|directory-prefix|header|data[\w-]*|user(?:-agent)?|request|referer|cookie(?:-jar)?|form|config|max-time|connect-timeout|retry(?:-[\w-]+)?|proxy[\w-]*|write-out|cert|key|cacert|capath|range|continue-at|upload-file|limit-rate|tries|timeout|wait|post-data|post-file|method|body-data|input-file|append-output|output-file|ca-certificate|ca-directory|certificate|private-key)$/;

/** Where a download went: the file as the script names it, and the downloading command. */
interface Download {
  file: string;
  program: string;
  command: Command;
}

export interface FileRun {
  /** The command that runs the file. */
  command: Command;
  /** The commands that downloaded it (both branches of `if curl …; else wget …; fi`). */
  downloads: Command[];
  /** The file as the run names it, and the shell, interpreter or `source` that runs it, if not run itself. */
  file: string;
  runner?: string;
  message: string;
}

/** What a finding on a downloaded file's run says: the file, every program that downloaded it, and what runs it. */
export function fileRunMessage(file: string, downloaders: readonly string[], runner: string | undefined): string {
  return `${file}, downloaded by ${[...new Set(downloaders)].join(' or ')}, is run${runner ? ` by ${runner}` : ''} without verification`;
}

/** Programs that move or copy a file to where a later command runs it: `mv codecov /usr/local/bin/`. */
const MOVERS = new Set(['mv', 'cp', 'install']);

/**
 * Downloads saved to a file (`curl -o f`, `curl -O`, `wget URL`, `wget -O f`, `curl URL > f`) that a
 * later command runs — as a shell's or interpreter's script (`bash install.sh`, `python3
 * get-pip.py`), sourced, or as the program itself (`./install.sh`) — with no digest or signature
 * check in between. The file is followed through `cd` and through `mv`/`cp`/`install`. `scripts`
 * run one after another on one file system, each from the same directory: the RUN instructions of
 * a Dockerfile stage, the steps of a CI job, or just one script.
 */
export function downloadedFileRuns(scripts: ReadonlyArray<readonly Command[]>): FileRun[] {
  const runs: FileRun[] = [];
  let downloads: Download[] = [];
  for (const commands of scripts) {
    const directory = new WorkingDirectory();
    commands.forEach((command, index) => {
      if (verifiesDownload(commands, index)) {
        downloads = [];
        return;
      }
      if (directory.follow(command)) return;
      const ran = ranFile(command);
      const file = ran && directory.resolve(ran.file);
      const matching = downloads.filter((d) => d.file === file);
      if (ran && matching.length > 0) {
        downloads = downloads.filter((d) => d.file !== file);
        const message = fileRunMessage(ran.file, matching.map((d) => d.program), ran.runner);
        runs.push({ command, downloads: matching.map((d) => d.command), file: ran.file, ...(ran.runner ? { runner: ran.runner } : {}), message });
      }
      downloads.push(...moved(command, downloads, directory));
      const saved = savedDownload(command);
      if (saved) downloads.push({ file: directory.resolve(saved.file), program: saved.program, command });
    });
  }
  return runs;
}

/** The downloads a `mv`, `cp` or `install` puts somewhere else: at the target, or in it when it is a directory. */
function moved(command: Command, downloads: readonly Download[], directory: WorkingDirectory): Download[] {
  const at = programIndex(command);
  if (at === -1 || !MOVERS.has(programName(command.words[at]!.text))) return [];
  const operands = command.words.slice(at + 1).map((w) => w.text).filter((t) => !t.startsWith('-'));
  // An option's value (`install -m 0755 tool /usr/local/bin/`) is read as an operand too; it names no download.
  const target = operands.at(-1);
  if (operands.length < 2 || !target) return [];
  return operands.slice(0, -1).flatMap((source) => {
    const download = downloads.find((d) => d.file === directory.resolve(source));
    if (!download) return [];
    const into = directory.resolve(`${target}/${path.posix.basename(download.file)}`);
    // Whether the target is a directory is not known from the script: both names are the file's.
    return [{ ...download, file: directory.resolve(target) }, { ...download, file: into }];
  });
}

/**
 * The script's working directory as far as `cd` and `pushd` show it, so that `wget -P /opt/dl …`
 * then `cd /opt/dl` then `bash setup.sh` name one file. Where it is unknown (`cd -`, `popd`) later
 * relative paths name no earlier file.
 */
class WorkingDirectory {
  private current = '';
  private unknown = 0;

  /** Takes in a `cd`; true when the command was one. A `cd` in a subshell (`(cd x; …)`) leaves the script's directory alone. */
  follow(command: Command): boolean {
    const at = programIndex(command);
    const name = at === -1 ? '' : programName(command.words[at]!.text);
    if (name !== 'cd' && name !== 'pushd' && name !== 'popd') return false;
    if (command.after === '(') return true;
    const target = command.words.slice(at + 1).find((w) => !w.text.startsWith('-') || w.text === '-')?.text;
    if (name === 'popd' || target === '-' || target === undefined) this.current = `\u0000unknown${++this.unknown}`;
    else this.current = this.resolve(target);
    return true;
  }

  resolve(file: string): string {
    return path.posix.normalize(file.startsWith('/') || this.current === '' ? file : `${this.current}/${file}`);
  }
}

/** The file a downloader saves to, if it saves to one (not standard output piped on). */
function savedDownload(command: Command): { file: string; program: string } | undefined {
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
  return { file: directory && !file.startsWith('/') ? `${directory}/${file}` : file, program };
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
  if (name === 'source' || name === '.') return args[0] ? { file: args[0], runner: name } : undefined;
  const shell = isShell(name);
  if (!shell && !INTERPRETERS.test(name)) return program.includes('/') ? { file: program } : undefined;
  for (const text of args) {
    // A script given as text (`sh -c`, `python3 -c`, `-m module`) runs no file.
    if (shell ? SHELL_COMMAND_OPTION.test(text) : CODE_ARGUMENT.test(text)) return undefined;
    if (!text.startsWith('-')) return { file: text, runner: name };
  }
  return undefined;
}
