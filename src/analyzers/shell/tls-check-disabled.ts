import { programIndex, programName, type Command, type Word } from '../container/dockerfile/shell.js';

/** Where a command turns certificate (or SSH host key) checking off, and how, for the message. */
export interface TlsCheckOff {
  start: number;
  end: number;
  message: string;
}

/** curl's short options that take no value, any of which may be bundled with -k (`-fsSLk`). */
const CURL_BUNDLED_INSECURE = /^-[fsSLvIi#]*k[fsSLvIi#]*$/;
/** `StrictHostKeyChecking=no` (or `off`), as an ssh option word or inside a command line. */
const NO_HOST_KEY_CHECK = /StrictHostKeyChecking[=\s]+(no|off)\b/i;
/** Programs that take ssh options, or an ssh command line (`rsync -e "ssh -o …"`). */
const SSH_PROGRAMS = new Set(['ssh', 'scp', 'sftp', 'autossh', 'rsync', 'sshpass']);
/** A plain-HTTP URL to another machine (a loopback mirror crosses no network). */
const PLAIN_HTTP = /^["']?http:\/\/(?!(localhost|127\.\d+\.\d+\.\d+|\[::1\])(:\d+)?(\/|$))/i;
/** Options naming the index or registry packages come from, per installer. */
const INDEX_OPTIONS: ReadonlyMap<string, readonly string[]> = new Map([
  ['pip', ['-i', '--index-url', '--extra-index-url', '-f', '--find-links']],
  ['npm', ['--registry']],
  ['yarn', ['--registry']],
  ['pnpm', ['--registry']],
]);
/** Environment settings that switch verification off for every client of a runtime. */
const ENV_SWITCHES: ReadonlyMap<string, RegExp> = new Map([
  ['NODE_TLS_REJECT_UNAUTHORIZED', /^0$/],
  ['GIT_SSL_NO_VERIFY', /^(1|true|yes)$/i],
  ['PYTHONHTTPSVERIFY', /^0$/],
  ['CURL_INSECURE', /^(1|true|yes)$/i],
  // pip, npm, Yarn 2+ and conda read their settings from the environment too.
  ['PIP_TRUSTED_HOST', /\S/],
  ['NPM_CONFIG_STRICT_SSL', /^(false|0|no)$/i],
  ['npm_config_strict_ssl', /^(false|0|no)$/i],
  ['YARN_ENABLE_STRICT_SSL', /^(false|0)$/i],
  ['CONDA_SSL_VERIFY', /^(false|0|no|off)$/i],
  // The ssh command git and rsync run.
  ['GIT_SSH_COMMAND', NO_HOST_KEY_CHECK],
  ['RSYNC_RSH', NO_HOST_KEY_CHECK],
  // Where installers fetch packages from.
  ['PIP_INDEX_URL', PLAIN_HTTP],
  ['PIP_EXTRA_INDEX_URL', PLAIN_HTTP],
  ['NPM_CONFIG_REGISTRY', PLAIN_HTTP],
  ['npm_config_registry', PLAIN_HTTP],
  ['YARN_NPM_REGISTRY_SERVER', PLAIN_HTTP],
]);
/** Per program, the option words that turn verification off. */
const INSECURE_OPTIONS: ReadonlyMap<string, (word: string) => boolean> = new Map([
  ['curl', (w) => w === '--insecure' || CURL_BUNDLED_INSECURE.test(w)],
  ['wget', (w) => w === '--no-check-certificate'],
  ['aws', (w) => w === '--no-verify-ssl'],
  ['kubectl', (w) => w === '--insecure-skip-tls-verify' || w === '--insecure-skip-tls-verify=true'],
  ['helm', (w) => w === '--insecure-skip-tls-verify'],
  ['npm', (w) => /^--strict-ssl=false$/i.test(w)],
]);

/**
 * The places in a script's commands that switch off certificate verification: curl -k, wget
 * --no-check-certificate, pip --trusted-host (or its config setting), git's http.sslVerify=false,
 * npm/yarn strict-ssl false, conda ssl_verify false, aws --no-verify-ssl, kubectl/helm
 * --insecure-skip-tls-verify, ssh/scp/sftp/rsync with StrictHostKeyChecking=no, package indexes and
 * registries given as plain-HTTP URLs (pip -i, npm --registry, their config and environment forms),
 * and environment switches (NODE_TLS_REJECT_UNAUTHORIZED=0,
 * GIT_SSL_NO_VERIFY=1, PYTHONHTTPSVERIFY=0, PIP_TRUSTED_HOST, npm_config_strict_ssl=false, …) set
 * for a command or exported. Offsets are those of the commands' words.
 */
export function tlsChecksDisabled(commands: readonly Command[]): TlsCheckOff[] {
  return commands.flatMap((command) => {
    const found: TlsCheckOff[] = [];
    const at = programIndex(command);
    const program = at === -1 ? '' : programName(command.words[at]!.text);
    const args = at === -1 ? [] : command.words.slice(at + 1);
    const off = (word: Word, message: string) => found.push({ start: word.start, end: word.end, message });
    // `VAR=value cmd`, `export VAR=value`, `env VAR=value cmd`.
    for (const word of program === 'export' ? args : command.words.slice(0, Math.max(at, 0))) {
      const eq = word.text.indexOf('=');
      const message = eq > 0 ? environmentSwitchOff(word.text.slice(0, eq), word.text.slice(eq + 1)) : undefined;
      if (message) off(word, message);
    }
    const insecure = INSECURE_OPTIONS.get(program);
    const option = insecure && args.find((w) => insecure(w.text));
    if (option) off(option, `${program} ${option.text} turns off certificate verification`);
    const installer = isPip(program, args) ? 'pip' : program;
    const trusted = installer === 'pip' && (args.find((w) => w.text === '--trusted-host' || w.text.startsWith('--trusted-host=')) ?? pipConfigTrustedHost(args));
    if (trusted) off(trusted, 'pip --trusted-host installs from that host without certificate verification (or over plain HTTP)');
    const hostKeys = SSH_PROGRAMS.has(program) && args.find((w) => NO_HOST_KEY_CHECK.test(w.text));
    if (hostKeys) off(hostKeys, `${program} ${hostKeys.text} accepts any SSH host key, so a spoofed server is trusted`);
    const source = INDEX_OPTIONS.has(installer) && (plainHttpIndex(args, INDEX_OPTIONS.get(installer)!) ?? configSetsPlainHttp(args, installer));
    if (source) off(source, `${installer} fetches packages over plain HTTP: anyone on the network path can swap them`);
    const conda = program === 'conda' && condaSslVerifyOff(args);
    if (conda) off(conda, 'conda ssl_verify false turns off certificate verification for every later install');
    const gitOff = program === 'git' && gitSslVerifyOff(args);
    if (gitOff) off(gitOff, 'git http.sslVerify=false turns off certificate verification');
    const strictSsl = (program === 'npm' || program === 'yarn') && configSetsFalse(args, 'strict-ssl');
    if (strictSsl) off(strictSsl, `${program} strict-ssl false turns off certificate verification for every later install`);
    return found;
  });
}

/** The message for an environment setting that switches verification off (`NODE_TLS_REJECT_UNAUTHORIZED=0`), if it does. */
export function environmentSwitchOff(name: string, value: string): string | undefined {
  if (!ENV_SWITCHES.get(name)?.test(value)) return undefined;
  if (PLAIN_HTTP.test(value)) return `${name}=${value} has packages fetched over plain HTTP: anyone on the network path can swap them`;
  return `${name}=${value} turns off ${NO_HOST_KEY_CHECK.test(value) ? 'SSH host key checking' : 'certificate verification'}`;
}

/** The word holding a plain-HTTP index given by one of `options`: `-i http://…`, `--index-url=http://…`, `-ihttp://…`. */
function plainHttpIndex(args: readonly Word[], options: readonly string[]): Word | undefined {
  for (let i = 0; i < args.length; i++) {
    const text = args[i]!.text;
    const option = options.find((o) => text === o || text.startsWith(`${o}=`) || (o.length === 2 && text.startsWith(o) && PLAIN_HTTP.test(text.slice(2))));
    if (!option) continue;
    const value = text === option ? args[i + 1] : args[i];
    const url = value === args[i] ? text.slice(text.startsWith(`${option}=`) ? option.length + 1 : option.length) : value?.text;
    if (value && url !== undefined && PLAIN_HTTP.test(url)) return value;
  }
  return undefined;
}

/** `pip config set global.index-url http://…`, `npm config set registry http://…`. */
function configSetsPlainHttp(args: readonly Word[], installer: string): Word | undefined {
  const setting = configSet(args);
  const key = setting?.key.text ?? '';
  const isIndex = installer === 'pip' ? /^[\w-]+\.(extra-)?index[-_]url$/i.test(key) : key === 'registry' || key.endsWith(':registry');
  return isIndex && setting?.value && PLAIN_HTTP.test(setting.value.text) ? setting.value : undefined;
}

/** The key and value words of `<tool> [options] config [options] set KEY VALUE`. */
function configSet(args: readonly Word[]): { key: Word; value?: Word } | undefined {
  const set = args.findIndex((w) => w.text === 'set');
  const key = set > 0 && args.slice(0, set).some((w) => w.text === 'config') ? args[set + 1] : undefined;
  return key ? { key, ...(args[set + 2] ? { value: args[set + 2] } : {}) } : undefined;
}

/** `pip install …`, `pip3 install …`, `python -m pip install …`. */
function isPip(program: string, args: readonly Word[]): boolean {
  if (/^pip[\d.]*$/.test(program)) return true;
  return /^python[\d.]*$/.test(program) && args[0]?.text === '-m' && /^pip[\d.]*$/.test(args[1]?.text ?? '');
}

/** `pip config [--global] set global.trusted-host host` (any section). */
function pipConfigTrustedHost(args: readonly Word[]): Word | undefined {
  const setting = configSet(args);
  return setting?.value && /^[\w-]+\.trusted[-_]host$/i.test(setting.key.text) ? setting.key : undefined;
}

/** `conda config --set ssl_verify false`. */
function condaSslVerifyOff(args: readonly Word[]): Word | undefined {
  const key = args.findIndex((w) => w.text === 'ssl_verify');
  return args[0]?.text === 'config' && key > 0 && args[key - 1]!.text === '--set' && /^(false|no|0|off)$/i.test(args[key + 1]?.text ?? '') ? args[key] : undefined;
}

/** `git -c http.sslVerify=false clone …` or `git config [--global] http.sslVerify false`. */
function gitSslVerifyOff(args: readonly Word[]): Word | undefined {
  const inline = args.find((w) => /^http\.sslverify=(false|0|no|off)$/i.test(w.text));
  if (inline) return inline;
  const key = args.findIndex((w) => /^http\.sslverify$/i.test(w.text));
  return key !== -1 && args[0]?.text === 'config' && /^(false|0|no|off)$/i.test(args[key + 1]?.text ?? '') ? args[key] : undefined;
}

/** `npm config set strict-ssl false`, `yarn config set strict-ssl false`. */
function configSetsFalse(args: readonly Word[], key: string): Word | undefined {
  const setting = configSet(args);
  return setting?.key.text === key && setting.value?.text === 'false' ? setting.key : undefined;
}
