/** An environment variable a file sets, with the offsets of its value (quotes excluded). */
export interface EnvironmentValue {
  /** The match of the name pattern, groups included. */
  name: RegExpExecArray;
  value: string;
  start: number;
  end: number;
}

/** After the name: `=value` (.env, shell, compose list, Dockerfile ENV), `: value` (compose map, Python dict), or Dockerfile's `ENV NAME value`. */
const ENV_VALUE = /^(?:["']?\s*[=:]\s*|[ \t]+(?=[^\s=:]))(?:"([^"\n]*)"|'([^'\n]*)'|([^\s#"',}\]]*))/;
/** Kubernetes and Helm `env` entries: `- name: NAME` then `value: …` on a following line, or in one flow map. */
const K8S_VALUE = /^["']?\s*,?\s*(?:\n[ \t]*)?value\s*:\s*(?:"([^"\n]*)"|'([^'\n]*)'|([^\s#"',}\]]*))/;

/**
 * Every variable whose name matches `names` (a global pattern) that a file gives a value: .env
 * files, shell exports, docker-compose maps and lists, Dockerfile ENV, Kubernetes `env` entries and
 * Python dicts. A name only read (`os.environ["X"]`) or taken from a secret (`valueFrom`) has none.
 */
export function environmentValues(text: string, names: RegExp): EnvironmentValue[] {
  return [...text.matchAll(names)].flatMap((m) => {
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 4096);
    const found = ENV_VALUE.exec(after) ?? K8S_VALUE.exec(after);
    if (!found) return [];
    const value = found[1] ?? found[2] ?? found[3]!;
    const start = m.index + m[0].length + found[0].length - value.length - (found[3] === undefined ? 1 : 0);
    return [{ name: m, value, start, end: start + value.length }];
  });
}
