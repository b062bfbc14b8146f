import { commandsOf, inlineScript, isShell, programIndex, programName, type Command, type Word } from '../container/dockerfile/shell.js';
import { CODE_ARGUMENT, DOWNLOADERS, downloadedFileRuns, INTERPRETERS, SHELL_COMMAND_OPTION } from './downloaded-file.js';
/** A word that is the output of a download, substituted: `"$(curl …)"`, `` `wget -O- …` ``, `<(curl …)`. */
const SUBSTITUTED_DOWNLOAD = /^(?:\$\(|`|<\()\s*(?:curl|wget|fetch)\b/;
/** Programs that run their argument as shell code (`eval "$(curl …)"`) or source a file (`source <(curl …)`). */
const CODE_RUNNERS = new Set(['eval', 'source', '.']);

/** Where in a script a download is run as code, and how, for the message. */
export interface DownloadedRun {
  start: number;
  end: number;
  message: string;
}

/**
 * The places in a shell script that run what curl/wget fetched without checking it: output piped
 * into a shell or interpreter (through other filters too: `curl … | tee log | sh`), a shell given
 * the download by command or process substitution, or a downloaded file run with no digest or
 * signature check before it (`curl -o i.sh … && sh i.sh`). Offsets are into `script`; `commands`
 * may be passed when the caller has split it already.
 */
export function downloadedScriptRuns(script: string, commands: readonly Command[] = commandsOf(script)): DownloadedRun[] {
  const files = downloadedFileRuns([commands]).map(({ command, message }) => ({ start: command.words[0]!.start, end: command.words.at(-1)!.end, message }));
  return [...pipedDownloadRuns(commands), ...files].sort((a, b) => a.start - b.start);
}

/** The downloads a script runs straight from the downloader: piped into a shell or interpreter, or substituted into one. */
export function pipedDownloadRuns(commands: readonly Command[]): DownloadedRun[] {
  const runs: DownloadedRun[] = [];
  commands.forEach((command, i) => {
    if (command.after !== '|' || !runsCode(command)) return;
    const source = pipedFrom(commands, i);
    if (!source || !downloads(source)) return;
    runs.push({
      start: source.words[0]!.start,
      end: command.words.at(-1)!.end,
      message: `Output of ${programName(source.words[programIndex(source)]!.text)} is piped into ${command.words[programIndex(command)]!.text} without verification`,
    });
  });
  for (const command of commands) {
    const run = substitutedRun(command);
    const how = run?.text.trim().startsWith('<(') ? 'process' : 'command';
    if (run) runs.push({ start: command.words[0]!.start, end: run.end, message: `A downloaded script is run through ${how} substitution without verification` });
  }
  return runs;
}

/**
 * The word through which a command runs a download as code: a shell's `-c` script that is the
 * download's output (`sh -c "$(curl …)"`), or a shell, eval or source given it (`bash <(curl …)`,
 * `eval "$(wget -O- …)"`). An echo of such text, a comment or a heredoc written to a file runs nothing.
 */
function substitutedRun(command: Command): Word | undefined {
  const at = programIndex(command);
  const name = at === -1 ? '' : programName(command.words[at]!.text);
  if (isShell(name)) {
    const script = inlineScript(command.words);
    if (script) return SUBSTITUTED_DOWNLOAD.test(script.text.trim()) ? script : undefined;
  } else if (!CODE_RUNNERS.has(name)) return undefined;
  return command.words.slice(at + 1).find((w) => SUBSTITUTED_DOWNLOAD.test(w.text.trim()));
}

/**
 * Whether the command is a shell or interpreter that reads its program from standard input: none
 * given as an argument (`python3 -c '…'`, `node -e`, `python3 -m json.tool`) or as a script file
 * (`bash build.sh`), or stdin named outright (`python3 -`, `bash -s`, `sh /dev/stdin`).
 */
function runsCode(command: Command): boolean {
  const at = programIndex(command);
  const name = at === -1 ? '' : command.words[at]!.text;
  if (at === -1 || !(isShell(name) || INTERPRETERS.test(programName(name)))) return false;
  for (const { text } of command.words.slice(at + 1)) {
    if (text === '-' || text === '/dev/stdin' || (isShell(name) && text === '-s')) return true;
    if (isShell(name) ? SHELL_COMMAND_OPTION.test(text) : CODE_ARGUMENT.test(text)) return false;
    if (!text.startsWith('-')) return false;
  }
  return true;
}

/**
 * The downloader whose output reaches command `i` through a pipeline (past filters such as tee), if
 * any. A substitution's commands come between the commands of a pipeline, one depth deeper, and are
 * not in it.
 */
function pipedFrom(commands: readonly Command[], i: number): Command | undefined {
  const depth = commands[i]!.depth;
  let j = i;
  for (let k = i - 1; k >= 0 && commands[j]!.after === '|'; k--) {
    if (commands[k]!.depth > depth) continue;
    if (commands[k]!.depth < depth) return undefined;
    j = k;
    if (downloads(commands[j]!)) return commands[j];
  }
  return undefined;
}

function downloads(command: Command): boolean {
  const at = programIndex(command);
  return at !== -1 && DOWNLOADERS.has(programName(command.words[at]!.text));
}
