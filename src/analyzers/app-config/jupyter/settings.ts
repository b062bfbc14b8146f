import { resolved, type AppSetting } from '../setting.js';

/** Jupyter's configurable classes whose options matter for who may use the server. */
const CLASSES = 'NotebookApp|ServerApp|IdentityProvider|PasswordIdentityProvider';
/** A command-line option naming a class and trait (`--ServerApp.token`), or the `--ip` alias of the server's address. */
const FLAG = new RegExp(`--(?:(${CLASSES})\\.(\\w+)|(ip)\\b)`, 'g');
/** A config file line: `c.ServerApp.token = ''`, `c.ServerApp.disable_check_xsrf = True`. */
const CONFIG_LINE = new RegExp(`^[ \\t]*c\\.(${CLASSES})\\.(\\w+)[ \\t]*=[ \\t]*('[^'\\n]*'|"[^"\\n]*"|True|False|None|[\\d.]+)`, 'gm');

/** Every Jupyter server option a file sets: in jupyter_*_config.py or .json, or as command-line options wherever a server is started. Throws on a .json config that is not JSON. */
export function jupyterSettings(fileName: string, text: string): AppSetting[] {
  if (/^jupyter(?:_\w+)?_config\.json$/.test(fileName)) return jsonConfig(text);
  const config = /^jupyter(?:_\w+)?_config\.py$/.test(fileName);
  if (!config && !/--(?:NotebookApp|ServerApp|IdentityProvider|PasswordIdentityProvider)\./.test(text)) return [];
  return config ? configLines(text) : flags(text);
}

/** jupyter_*_config.json: `{"ServerApp": {"token": ""}}`. Throws on text that is not JSON. */
function jsonConfig(text: string): AppSetting[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new Error(`invalid JSON: ${(err as Error).message}`);
  }
  if (!isObject(doc)) return [];
  return Object.entries(doc).flatMap(([section, traits]) =>
    new RegExp(`^(?:${CLASSES})$`).test(section) && isObject(traits)
      ? Object.entries(traits).flatMap(([option, value]) => {
          if (typeof value !== 'string' && typeof value !== 'boolean') return [];
          // The place is the trait's key after its class's key: JSON.parse keeps no positions.
          const key = JSON.stringify(option);
          const found = text.indexOf(key, Math.max(0, text.indexOf(JSON.stringify(section))));
          const start = Math.max(0, found);
          return [{ app: 'jupyter' as const, section, option, value: resolved(String(value)), start, end: found === -1 ? 0 : start + key.length, spelling: `${section}.${option}` }];
        })
      : [],
  );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function configLines(text: string): AppSetting[] {
  return [...text.matchAll(CONFIG_LINE)].map((m) => {
    const start = m.index + m[0].length - m[0].trimStart().length;
    return { app: 'jupyter', section: m[1]!, option: m[2]!, value: resolved(unquote(m[3]!)), start, end: m.index + m[0].length, spelling: `c.${m[1]}.${m[2]}` };
  });
}

/**
 * Options on command lines: `--ServerApp.token=''`, `--ip=0.0.0.0`, `--NotebookApp.token ''`. Inside
 * a JSON exec form (`"--ServerApp.token="`) the value ends at the string's closing quote.
 */
function flags(text: string): AppSetting[] {
  return [...text.matchAll(FLAG)].flatMap((m) => {
    const section = m[1] ?? 'ServerApp';
    const option = m[2] ?? m[3]!;
    const at = m.index + m[0].length;
    const value = flagValue(text, at, text[m.index - 1] === '"');
    if (value === undefined) return [];
    return [{ app: 'jupyter' as const, section, option, value: resolved(value.text), start: m.index, end: at + value.length, spelling: `--${m[1] ? `${section}.${option}` : option}` }];
  });
}

/** The value written after an option ending at `at`, and how many characters it takes. */
function flagValue(text: string, at: number, inJsonString: boolean): { text: string; length: number } | undefined {
  const rest = text.slice(at, at + 4096);
  const spaced = /^[ \t]+(''|"")/.exec(rest);
  if (spaced) return { text: '', length: spaced[0].length };
  if (rest[0] !== '=') return undefined;
  const written = (inJsonString ? /^=((?:[^"\\\n]|\\.)*)/ : /^=('[^'\n]*'|"[^"\n]*"|[^\s"',\]]*)/).exec(rest)!;
  return { text: unquote(written[1]!), length: written[0].length };
}

function unquote(text: string): string {
  const unescaped = text.replaceAll('\\"', '"');
  return /^(['"]).*\1$/s.test(unescaped) ? unescaped.slice(1, -1) : unescaped;
}
