import { crc32 } from 'node:zlib';
import { token } from './patterns.js';
import type { Verdict } from './secret-rule.js';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const CHECKSUM_LENGTH = 6;

/** CRC32 of `body` in base 62, left-padded to 6 characters: how GitHub and npm end their tokens. */
export function base62Crc32(body: string): string {
  let n = crc32(body);
  let out = '';
  do {
    out = BASE62[n % 62]! + out;
    n = Math.floor(n / 62);
  } while (n > 0);
  return out.padStart(CHECKSUM_LENGTH, '0');
}

/**
 * True when a token `<prefix>_<30 random chars><6 checksum chars>` carries the checksum of its
 * random part. GitHub added it in 2021 so scanners can tell real tokens from look-alikes offline.
 */
export function hasValidChecksum(tokenValue: string): boolean {
  const body = tokenValue.slice(tokenValue.indexOf('_') + 1, -CHECKSUM_LENGTH);
  return base62Crc32(body) === tokenValue.slice(-CHECKSUM_LENGTH);
}

/** Pattern and checksum check of `<prefix>_` tokens with 36 base-62 characters (GitHub, npm). */
export function checksummedToken(...prefixes: string[]): { anchors: string[]; pattern: RegExp; verify: (c: { secret: string }) => Verdict } {
  return {
    anchors: prefixes.map((p) => `${p}_`),
    pattern: token(`(?:${prefixes.join('|')})_[A-Za-z0-9]{36}`),
    verify: ({ secret }) => (hasValidChecksum(secret) ? { proven: true } : { doubt: 'its checksum does not match, so it is probably not a real token' }),
  };
}
