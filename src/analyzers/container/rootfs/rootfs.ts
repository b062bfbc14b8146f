import fs from 'node:fs';
import path from 'node:path';

/** Symlink hops followed for one path before giving up (the kernel's own limit is 40). */
const MAX_LINK_HOPS = 40;
/** Package databases are a few MB; anything far larger is not one and is not read into memory. */
const MAX_READ_BYTES = 64 * 1024 * 1024;

/**
 * An unpacked image filesystem, read as the image would see it: symbolic links are resolved
 * against the image root (an absolute link target means the image's `/`, not the host's),
 * and no path ever leads outside it.
 */
export class RootFs {
  readonly root: string;

  constructor(dir: string) {
    this.root = fs.realpathSync(dir);
  }

  /** The host path of an image path, links resolved inside the image; undefined when it does not exist. */
  resolve(imagePath: string): string | undefined {
    const pending = imagePath.split('/').filter(Boolean);
    const resolved: string[] = [];
    let hops = 0;
    while (pending.length > 0) {
      const part = pending.shift()!;
      if (part === '.') continue;
      if (part === '..') {
        resolved.pop();
        continue;
      }
      const host = path.join(this.root, ...resolved, part);
      let stat: fs.Stats;
      try {
        stat = fs.lstatSync(host);
      } catch {
        return undefined;
      }
      if (!stat.isSymbolicLink()) {
        resolved.push(part);
        continue;
      }
      if (++hops > MAX_LINK_HOPS) return undefined;
      const target = fs.readlinkSync(host);
      if (target.startsWith('/')) resolved.length = 0;
      pending.unshift(...target.split('/').filter(Boolean));
    }
    return path.join(this.root, ...resolved);
  }

  /** A regular file's text, or undefined when it is missing, not a file, or too large. */
  read(imagePath: string): string | undefined {
    const host = this.resolve(imagePath);
    if (!host) return undefined;
    try {
      const stat = fs.statSync(host);
      if (!stat.isFile() || stat.size > MAX_READ_BYTES) return undefined;
      return fs.readFileSync(host, 'utf8');
    } catch {
      return undefined;
    }
  }

  /** Names in a directory of the image (empty when it is missing). */
  list(imagePath: string): fs.Dirent[] {
    const host = this.resolve(imagePath);
    if (!host) return [];
    try {
      return fs.readdirSync(host, { withFileTypes: true });
    } catch {
      return [];
    }
  }
}

/** Parses RFC 822-style stanzas (dpkg status, apk's `K:value` database, Python metadata) with the line each starts on. */
export function stanzas(text: string, field: RegExp): Array<{ fields: Map<string, string>; line: number }> {
  const out: Array<{ fields: Map<string, string>; line: number }> = [];
  let current: { fields: Map<string, string>; line: number } | undefined;
  let last: string | undefined;
  text.split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') {
      current = undefined;
      return;
    }
    if (/^[ \t]/.test(line)) {
      // A continuation line belongs to the field above (dpkg descriptions, conffiles).
      if (current && last) current.fields.set(last, `${current.fields.get(last)}\n${line.trim()}`);
      return;
    }
    const m = field.exec(line);
    if (!m) return;
    if (!current) {
      current = { fields: new Map(), line: i + 1 };
      out.push(current);
    }
    last = m[1]!;
    if (!current.fields.has(last)) current.fields.set(last, m[2]!.trim());
  });
  return out;
}
