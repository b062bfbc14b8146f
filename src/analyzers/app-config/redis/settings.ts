import { endOfCommand } from '../command-line.js';
import type { AppSetting } from '../setting.js';

/** The directives that decide who may connect. */
const DIRECTIVES = ['protected-mode', 'requirepass', 'bind'];
const SERVER = /\bredis-server\b/g;

/**
 * Who a Redis server lets in: the `protected-mode`, `requirepass` and `bind` directives of a
 * redis*.conf file, or the same options on each `redis-server` command line (continuations joined,
 * JSON exec forms too),
 * as settings of one section per file or command.
 */
export function redisSettings(fileName: string, text: string): AppSetting[] {
  if (/^redis[\w.-]*\.conf$/.test(fileName)) return directives(text, 0, text.length, /^[ \t]*([a-z-]+)[ \t]+(.*?)[ \t]*$/gm, 'redis.conf');
  if (!text.includes('redis-server')) return [];
  return [...text.matchAll(SERVER)].flatMap((m) => directives(text, m.index, endOfCommand(text, m.index), /--([a-z-]+)(?:[ \t]+|["'],[ \t]*["'])(["']?)([^\s"',\]]*)\2/g, `redis-server@${m.index}`));
}

function directives(text: string, from: number, to: number, pattern: RegExp, section: string): AppSetting[] {
  const scope = text.slice(from, to);
  return [...scope.matchAll(pattern)].flatMap((m) => {
    const option = m[1]!;
    if (!DIRECTIVES.includes(option)) return [];
    const value = (m[3] ?? m[2]!).replace(/^(["'])(.*)\1$/, '$2');
    const start = from + m.index + (m[0].length - m[0].trimStart().length);
    return [{ app: 'redis' as const, section, option, value, start, end: from + m.index + m[0].length, spelling: section === 'redis.conf' ? `${option} ${value}` : `--${option} ${value}` }];
  });
}
