import path from 'node:path';
import { type GroovyString, type GroovyToken, groovyTokens } from './groovy-tokens.js';

/** Jenkinsfile, Jenkinsfile.release, ci/build.jenkinsfile, deploy.Jenkinsfile; not Jenkinsfile.md and other documents about one. */
export function isJenkinsfile(file: string): boolean {
  const name = path.posix.basename(file);
  return /^jenkinsfile(\..+)?$|\.jenkinsfile$/i.test(name) && !/\.(md|markdown|rst|txt|adoc|html?)$/i.test(name);
}

/** An `sh` step and the script it runs. */
export interface ShStep {
  script: GroovyString;
}

/** A name bound to a secret, and the text where it is bound: a `withCredentials` block, or the whole file for `environment`. */
export interface SecretName {
  name: string;
  start: number;
  end: number;
}

/** An image an agent or `docker.image()` runs the steps in. */
export interface AgentImage {
  name: string;
  /** Offset of the string that names it. */
  at: number;
  how: string;
}

/** The `docker run` options a docker agent (`args '…'`) or `docker.image(…).inside('…')` adds, with the image they run. */
export interface AgentArgs {
  args: GroovyString;
  image: string | undefined;
}

export interface Jenkinsfile {
  steps: ShStep[];
  agentArgs: AgentArgs[];
  secrets: SecretName[];
  /** Declared build parameters by name, with the kind of each (`string`, `text`, `choice`, `booleanParam`…). */
  parameters: Map<string, string>;
  images: AgentImage[];
}

/**
 * Variables of credential bindings that hold the secret itself: not a username, and not the path of
 * the file Jenkins writes a key or secret file to (`keyFileVariable`, `file(…)`'s and `zip(…)`'s `variable`).
 */
const SECRET_VARIABLES = new Set(['variable', 'passwordVariable', 'passphraseVariable', 'tokenVariable']);
const PATH_BINDINGS = new Set(['file', 'zip', 'certificate']);
const PARAMETER_KINDS = new Set(['string', 'text', 'password', 'choice', 'booleanParam', 'stringParam', 'textParam', 'choiceParam', 'base64File', 'file']);

/**
 * Reads what the rules need from a declarative or scripted pipeline, without running Groovy: each
 * `sh` step's script (`sh '…'`, `sh """…"""`, `sh(script: …)`, `sh label: …, script: …`), the
 * names `withCredentials` and `environment { X = credentials(…) }` bind secrets to, the declared
 * parameters, the images of `agent { docker { image … } }` and `docker.image(…)`, and the
 * `docker run` options those are given (`args '…'`, `.inside('…')`).
 */
export function readJenkinsfile(text: string): Jenkinsfile {
  const tokens = groovyTokens(text);
  const file: Jenkinsfile = { steps: [], agentArgs: [], secrets: [], parameters: new Map(), images: [] };
  // A docker agent's options and image may come in either order: both are tied to their block.
  const agentBlocks = new Map<number, { image?: string; args?: GroovyString }>();
  const agentBlock = (): { image?: string; args?: GroovyString } => {
    const open = blocks.at(-1)!.open;
    if (!agentBlocks.has(open)) agentBlocks.set(open, {});
    return agentBlocks.get(open)!;
  };
  const blocks: Array<{ owner: string | undefined; open: number }> = [];
  tokens.forEach((token, i) => {
    const previous = tokens[i - 1];
    if (token.kind === 'punct' && token.text === '{') blocks.push({ owner: blockOwner(tokens, i), open: i });
    else if (token.kind === 'punct' && token.text === '}') {
      const block = blocks.pop();
      if (block?.owner === 'withCredentials') for (const name of boundSecrets(tokens, block.open)) file.secrets.push({ name, start: tokens[block.open]!.start, end: token.end });
    } else if (token.kind === 'word' && previous?.text !== '.') {
      const args = () => callArguments(tokens, i + 1);
      if (token.text === 'sh') {
        const { positional, named } = args();
        const script = named.get('script') ?? positional[0];
        if (script?.kind === 'string') file.steps.push({ script });
      } else if (token.text === 'credentials' && tokens[i - 1]?.text === '=' && tokens[i - 2]?.kind === 'word') {
        const name = tokens[i - 2]!.text;
        for (const bound of [name, `${name}_PSW`]) file.secrets.push({ name: bound, start: 0, end: text.length });
      } else if (PARAMETER_KINDS.has(token.text) && tokens[i + 1]?.text === '(') {
        const name = args().named.get('name');
        if (name?.kind === 'string') file.parameters.set(name.body, token.text);
      } else if (token.text === 'image' && blocks.at(-1)?.owner === 'docker') {
        const image = args().positional[0];
        if (image?.kind === 'string') {
          file.images.push({ name: image.body, at: image.start, how: 'Jenkins agent' });
          agentBlock().image = image.body;
        }
      } else if (token.text === 'args' && blocks.at(-1)?.owner === 'docker') {
        const options = args().positional[0];
        if (options?.kind === 'string') agentBlock().args = options;
      }
    } else if (token.kind === 'word' && token.text === 'image' && tokens[i - 2]?.text === 'docker') {
      const image = callArguments(tokens, i + 1).positional[0];
      if (image?.kind !== 'string') return;
      file.images.push({ name: image.body, at: image.start, how: 'Jenkins docker.image' });
      // docker.image('x').inside('-v …') / .withRun('…') / .run('…'): the string is docker run options.
      const call = tokens[i + 1]?.text === '(' ? tokens.findIndex((t, k) => k > i && t.text === ')') : -1;
      const options = call > 0 && tokens[call + 1]?.text === '.' && RUNNERS.has(tokens[call + 2]?.text ?? '') ? callArguments(tokens, call + 3).positional[0] : undefined;
      if (options?.kind === 'string') file.agentArgs.push({ args: options, image: image.body });
    }
  });
  for (const { image, args } of agentBlocks.values()) if (args) file.agentArgs.push({ args, image });
  return file;
}

/** Methods of `docker.image(…)` whose first argument is options for `docker run`. */
const RUNNERS = new Set(['inside', 'withRun', 'run']);

/** The word a block belongs to: `docker {`, `stage('x') {`, `withCredentials([…]) {`. */
function blockOwner(tokens: readonly GroovyToken[], open: number): string | undefined {
  const before = tokens[open - 1];
  if (before?.kind === 'word') return before.text;
  if (before?.text !== ')') return undefined;
  const start = opening(tokens, open - 1);
  return start > 0 && tokens[start - 1]?.kind === 'word' ? tokens[start - 1]!.text : undefined;
}

/** The names a `withCredentials([…]) {` call binds, read from its arguments. */
function boundSecrets(tokens: readonly GroovyToken[], open: number): string[] {
  const names: string[] = [];
  // `withCredentials {` without an argument list binds nothing.
  const start = tokens[open - 1]?.text === ')' ? opening(tokens, open - 1) : -1;
  if (start < 0) return names;
  for (let k = start; k < open; k++) {
    const value = tokens[k + 2];
    if (tokens[k]!.kind !== 'word' || !SECRET_VARIABLES.has(tokens[k]!.text) || tokens[k + 1]?.text !== ':' || value?.kind !== 'string') continue;
    const binding = tokens[enclosingCall(tokens, k) - 1];
    if (!PATH_BINDINGS.has(binding?.text ?? '')) names.push(value.body);
  }
  return names;
}

/** The index of the `(` whose call the token at `at` is an argument of; -1 at the top level. */
function enclosingCall(tokens: readonly GroovyToken[], at: number): number {
  let depth = 0;
  for (let k = at - 1; k >= 0; k--) {
    const t = tokens[k]!;
    if (t.kind !== 'punct') continue;
    if (t.text === ')' || t.text === ']') depth++;
    else if (t.text === '(' || t.text === '[') {
      if (depth === 0) return t.text === '(' ? k : -1;
      depth--;
    }
  }
  return -1;
}

/** The index of the `(` or `[` that the bracket at `close` closes; -1 when unbalanced. */
function opening(tokens: readonly GroovyToken[], close: number): number {
  let depth = 0;
  for (let k = close; k >= 0; k--) {
    const t = tokens[k]!.text;
    if (tokens[k]!.kind !== 'punct') continue;
    if (t === ')' || t === ']') depth++;
    else if ((t === '(' || t === '[') && --depth === 0) return k;
  }
  return -1;
}

/**
 * A call's arguments from `at`: parenthesised (`sh(script: '…')`) or in Groovy's command form
 * (`sh '…'`, `sh label: 'x', script: '…'`). Each named argument maps to its value's first token.
 */
function callArguments(tokens: readonly GroovyToken[], at: number): { positional: GroovyToken[]; named: Map<string, GroovyToken> } {
  const positional: GroovyToken[] = [];
  const named = new Map<string, GroovyToken>();
  const parenthesised = tokens[at]?.text === '(';
  let k = parenthesised ? at + 1 : at;
  for (;;) {
    const token = tokens[k];
    if (!token) break;
    if (token.kind === 'word' && tokens[k + 1]?.text === ':' && tokens[k + 2]) {
      named.set(token.text, tokens[k + 2]!);
      k += 3;
    } else if (token.kind === 'string' || parenthesised) {
      positional.push(token);
      k++;
    } else break;
    // Skip the rest of this argument (a method call on it, a concatenation) up to its comma.
    let depth = 0;
    while (tokens[k] && (depth > 0 || (tokens[k]!.text !== ',' && tokens[k]!.text !== ')'))) {
      if (!parenthesised && depth === 0 && isStatementEnd(tokens, k)) break;
      if ('([{'.includes(tokens[k]!.text) && tokens[k]!.kind === 'punct') depth++;
      else if (')]}'.includes(tokens[k]!.text) && tokens[k]!.kind === 'punct') depth--;
      k++;
    }
    if (tokens[k]?.text !== ',') break;
    k++;
  }
  return { positional, named };
}

/** In command form an argument list ends where a new statement begins: a word that is not part of an expression. */
function isStatementEnd(tokens: readonly GroovyToken[], k: number): boolean {
  const token = tokens[k]!;
  const previous = tokens[k - 1]!;
  return (token.kind === 'word' || token.kind === 'string') && (previous.kind === 'string' || previous.kind === 'word');
}
