import type { FileEntry, RawFinding } from '../../core/analyzer.js';
import { makeFinding, type Range } from '../../core/make-finding.js';
import type { SourceText } from '../../core/source-text.js';
import { commandsOf, type Command } from '../container/dockerfile/shell.js';
import { runShellRules } from '../shell-script/index.js';
import { shellCurlPipeShell } from '../shell-script/rules/curl-pipe-shell.js';
import { shellTlsVerifyDisabled } from '../shell-script/rules/tls-verify-disabled.js';
import { downloadedFileRuns } from '../shell/downloaded-file.js';
import { environmentSwitchOff } from '../shell/tls-check-disabled.js';
import { isRecord } from '../iac/kubernetes/parse.js';
import type { YamlDocument, YamlPath } from '../yaml-document.js';

/**
 * Whether a file is one a CI analyzer reads: YAML named as the CI names its files. A deploy script
 * with a manifest in a heredoc gets the file classified as Kubernetes by its head; the path, not
 * that sniff, says what the file is.
 */
export function isCiFile(file: Pick<FileEntry, 'kind' | 'path'>, named: (path: string) => boolean): boolean {
  return (file.kind === 'config' || file.kind === 'kubernetes') && named(file.path);
}

/** A piece of a CI script as the YAML holds it (a `run:` block, a GitLab `script:` line), split into commands once. */
export interface ScriptPiece {
  text: string;
  path: YamlPath;
  commands: readonly Command[];
}

export function scriptPiece(text: string, path: YamlPath): ScriptPiece {
  return { text, path, commands: ciCommands(text) };
}

/** The shell rules' findings in one piece of a CI script, placed on the line of the YAML string that holds what they cover. */
export function scriptFindings(piece: ScriptPiece, yaml: YamlDocument, file: string, source: SourceText): RawFinding[] {
  const findings: RawFinding[] = [];
  runShellRules(piece.text, piece.commands, (rule, start, end, options) => {
    findings.push(makeFinding(rule, file, source, scriptRange(piece.text, start, end, piece.path, yaml), options));
  });
  return findings;
}

/**
 * `sh.curl-pipe-shell`'s findings for a file one piece of a CI job downloads and a later piece runs,
 * unchecked: the job's pieces share its file system. Each session is a run of pieces one shell reads
 * in turn (a GitLab job's `before_script` and `script` lines); each starts in the job's directory
 * (a GitHub Actions step). A download run within one piece is `scriptFindings`'.
 */
export function jobDownloadFindings(sessions: ReadonlyArray<readonly ScriptPiece[]>, yaml: YamlDocument, file: string, source: SourceText): RawFinding[] {
  if (sessions.flat().length < 2) return [];
  const owner = new Map(sessions.flat().flatMap((piece) => piece.commands.map((command) => [command, piece] as const)));
  const commands = sessions.map((session) => session.flatMap((piece) => piece.commands));
  return downloadedFileRuns(commands).flatMap(({ command, downloads, message }) => {
    const piece = owner.get(command)!;
    if (downloads.some((d) => owner.get(d) === piece)) return [];
    const range = scriptRange(piece.text, command.words[0]!.start, command.words.at(-1)!.end, piece.path, yaml);
    return [makeFinding(shellCurlPipeShell, file, source, range, { message })];
  });
}

/**
 * Template expressions the CI fills in before a shell reads the script: GitHub's and Azure's
 * `${{ … }}`, a GitLab component's `$[[ … ]]`, CircleCI's `<< parameters.x >>` and
 * `<< pipeline.… >>` (which a shell would take for a heredoc).
 */
const TEMPLATE = /\$\{\{[\s\S]*?\}\}|\$\[\[[\s\S]*?\]\]|<<\s*(?:parameters|pipeline)\.[\w.-]+\s*>>/g;
/** The template expressions in a CI value, as written. */
export function templateExpressions(text: string): string[] {
  return text.match(TEMPLATE) ?? [];
}

/** Characters the shell would split or quote on, which a template expression may hold (`${{ contains(x, 'y') }}`). */
const SHELL_SPECIAL = [...' \t\n\r\v\f\'"\\`$()|&;<>#'];
/** Where those characters hide while the shell words are read: the Private Use Area, code for code, so offsets hold. */
const HIDDEN = new Map(SHELL_SPECIAL.map((c) => [c, String.fromCharCode(0xe000 + c.charCodeAt(0))]));
const SHOWN = new Map([...HIDDEN].map(([c, hidden]) => [hidden, c]));

/**
 * The commands of a CI script with each template expression one word, spaces and quotes and all,
 * as the CI substitutes it before the shell splits words: `-v ${{ github.workspace }}:/w` stays an
 * option with its value. Offsets are the script's.
 */
export function ciCommands(script: string): Command[] {
  const masked = script.replace(TEMPLATE, (expression) => [...expression].map((c) => HIDDEN.get(c) ?? c).join(''));
  const shown = (text: string) => [...text].map((c) => SHOWN.get(c) ?? c).join('');
  return commandsOf(masked).map((command) => ({ ...command, words: command.words.map((w) => ({ ...w, text: shown(w.text) })) }));
}

/** Where the text from `start` to `end` of the CI script at `path` is written in the YAML source. */
export function scriptRange(script: string, start: number, end: number, path: YamlPath, yaml: YamlDocument): Range {
  // Its first line, found again in the source (block scalars lose their indentation).
  const needle = script.slice(start, end).split('\n')[0]!.trim();
  // The same words may come earlier in the script (`--volume "$PWD":/code` before `--volume /var/run/docker.sock:…`).
  const earlier = needle === '' ? 0 : script.slice(0, start).split(needle).length - 1;
  return yaml.locateText(path, needle, earlier);
}

/**
 * `sh.tls-verify-disabled`'s findings in a CI file's variables (a GitHub Actions `env:`, GitLab
 * `variables:`, as a plain value or `{value: …}`): `GIT_SSL_NO_VERIFY: "true"`,
 * `NODE_TLS_REJECT_UNAUTHORIZED: "0"` and the like switch the checks off for every script after them.
 */
export function variableFindings(variables: unknown, path: YamlPath, yaml: YamlDocument, file: string, source: SourceText): RawFinding[] {
  if (!isRecord(variables)) return [];
  return Object.entries(variables).flatMap(([name, entry]) => {
    const value = isRecord(entry) ? entry['value'] : entry;
    const message = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? environmentSwitchOff(name, String(value)) : undefined;
    return message ? [makeFinding(shellTlsVerifyDisabled, file, source, yaml.locate([...path, name]), { message })] : [];
  });
}
