import { programIndex, programName, type Command, type Word } from '../container/dockerfile/shell.js';

/** One option of a `docker run` command line, its name without dashes (`v`, `volume`, `privileged`). */
export interface RunOption {
  name: string;
  /** The word the option is written in. */
  word: Word;
  /** Its value, from `--name=value`, `--name value` or `-v value`; absent for a flag. */
  value?: string;
  /** Read after a word known only at run time, which may have been the image: then this was the container command's argument. */
  uncertain?: true;
}

/** A `docker run` (or podman's, nerdctl's) command: its options and the image it starts. */
export interface DockerRun {
  options: RunOption[];
  /** Undefined when the command line ends before naming one. */
  image?: Word;
}

const RUNTIMES = new Set(['docker', 'podman', 'nerdctl', 'nvidia-docker']);
/** Options of `docker run` that take no value; every other option does. */
const FLAGS = new Set([
  'd', 'detach', 'i', 'interactive', 't', 'tty', 'rm', 'privileged', 'init', 'read-only', 'P', 'publish-all', 'q', 'quiet',
  'no-healthcheck', 'oom-kill-disable', 'disable-content-trust', 'help', 'sig-proxy', 'use-api-socket', 'replace',
]);

/**
 * The `docker run` / `docker container run` commands of a script. A variable the script set to a
 * literal before the command (`OPTS="--privileged -v /a:/b"`, `export IMAGE=etl:1`) is expanded:
 * split into words where it is unquoted (`docker run $OPTS $IMAGE`), one word where it is quoted.
 */
export function dockerRuns(commands: readonly Command[]): DockerRun[] {
  const variables = new Map<string, string>();
  return commands.flatMap((command): DockerRun[] => {
    setVariables(command, variables);
    const at = programIndex(command);
    if (at < 0 || !RUNTIMES.has(programName(command.words[at]!.text))) return [];
    const words = command.words.slice(at + 1).flatMap((w) => expanded(w, variables)).filter((w) => w.text !== '');
    // Global options before the subcommand (`docker --context prod run`, `-H host`) take a value.
    let i = 0;
    while (i < words.length && words[i]!.text.startsWith('-')) i += words[i]!.text.includes('=') ? 1 : 2;
    if (words[i]?.text === 'container') i++;
    if (words[i]?.text !== 'run') return [];
    return [parseRun(words.slice(i + 1))];
  });
}

/**
 * The image word of each `docker run` among the commands; a run that names none, or whose image code
 * fills in when it runs (`{image}`), is left out. A shell variable in it (`acme/etl:${TAG}`) stays,
 * for the inventory to list as unresolved.
 */
export function namedImages(commands: readonly Command[]): Word[] {
  return dockerRuns(commands).flatMap(({ image }) => (image && image.text.trim() !== '' && !/(^|[^$])\{/.test(image.text) ? [image] : []));
}

const ASSIGNMENT = /^([A-Za-z_]\w*)=([\s\S]*)$/;
/** Builtins whose arguments are assignments that stay in the shell: `export OPTS=…`, `readonly`, `declare -x`, `local`. */
const DECLARERS = new Set(['export', 'readonly', 'declare', 'typeset', 'local']);

/** Records the variables a command of nothing but assignments sets; a value the shell computes (`$(…)`, `$HOME`) is unknown. */
function setVariables(command: Command, variables: Map<string, string>): void {
  const words = DECLARERS.has(command.words[0]?.text ?? '') ? command.words.slice(1).filter((w) => !w.text.startsWith('-')) : command.words;
  const assignments = words.map((w) => ASSIGNMENT.exec(w.text));
  if (assignments.length === 0 || assignments.some((a) => !a)) return;
  for (const [, name, value] of assignments as RegExpExecArray[]) {
    if (/[$`]/.test(value!)) variables.delete(name!);
    else variables.set(name!, value!);
  }
}

/** A word that is just `$NAME` or `${NAME}` of a known variable, expanded as the shell would. */
function expanded(word: Word, variables: ReadonlyMap<string, string>): Word[] {
  const name = /^\$(?:\{([A-Za-z_]\w*)\}|([A-Za-z_]\w*))$/.exec(word.text);
  const value = name ? variables.get(name[1] ?? name[2]!) : undefined;
  if (value === undefined) return [word];
  return word.quoted ? [{ ...word, text: value }] : value.split(/\s+/).map((text) => ({ ...word, text }));
}

/** A word whose value comes at run time: `$OPTS`, `${IMAGE}`, or a part of a command the code fills in (`{args}`). */
const RUN_TIME_WORD = /^(?:\$\{?[A-Za-z_]\w*\}?|\{[^{}]*\})$/;

function parseRun(words: Word[]): DockerRun {
  const options: RunOption[] = [];
  let image: Word | undefined;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const text = word.text;
    if (text === '--') return { options, image: image ?? words[i + 1] };
    if (!text.startsWith('-') || text === '-') {
      // `docker run $OPTS --privileged img`: a run-time word followed by options may be options
      // itself; what follows is read as options too, uncertain, and the word stays the image.
      if (image || !RUN_TIME_WORD.test(text) || !/^-./.test(words[i + 1]?.text ?? '')) return { options, image: image ?? word };
      image = word;
      continue;
    }
    const uncertain = image ? ({ uncertain: true } as const) : {};
    if (text.startsWith('--')) {
      const eq = text.indexOf('=');
      const name = eq < 0 ? text.slice(2) : text.slice(2, eq);
      if (eq >= 0) options.push({ name, word, value: text.slice(eq + 1), ...uncertain });
      else if (FLAGS.has(name)) options.push({ name, word, ...uncertain });
      else options.push({ name, word, value: words[++i]?.text ?? '', ...uncertain });
      continue;
    }
    // A cluster of short options (`-it`, `-dv /a:/b`): flags, then at most one that takes the rest or the next word.
    for (let c = 1; c < text.length; c++) {
      const name = text[c]!;
      if (FLAGS.has(name)) {
        options.push({ name, word, ...uncertain });
        continue;
      }
      const rest = text.slice(c + 1).replace(/^=/, '');
      options.push({ name, word, value: rest !== '' ? rest : (words[++i]?.text ?? ''), ...uncertain });
      break;
    }
  }
  return { options, ...(image ? { image } : {}) };
}

/** The values given to any of `names` (`v` and `volume`, say). */
export function optionValues(run: DockerRun, ...names: string[]): Array<{ value: string; word: Word }> {
  return run.options.flatMap((o) => (o.value !== undefined && names.includes(o.name) ? [{ value: o.value, word: o.word }] : []));
}
