/**
 * Version orders of Linux distribution packages, for OSV's Debian, Ubuntu and Alpine ecosystems
 * (matching what an image's package database lists against their advisories).
 */
import type { VersionOrder } from './versions.js';

const DPKG_VERSION = /^(?:(\d+):)?([0-9][A-Za-z0-9.+~:-]*?)(?:-([A-Za-z0-9.+~]+))?$/;

/** dpkg's character weight: `~` sorts before everything (even the end), letters before other symbols. */
function weight(c: string | undefined): number {
  if (c === undefined || /\d/.test(c)) return 0;
  if (/[A-Za-z]/.test(c)) return c.charCodeAt(0);
  if (c === '~') return -1;
  return c.charCodeAt(0) + 256;
}

/** dpkg's verrevcmp: alternating non-digit runs (by weight) and digit runs (numerically). */
function compareDpkgPart(a: string, b: string): number {
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    while ((i < a.length && !/\d/.test(a[i]!)) || (j < b.length && !/\d/.test(b[j]!))) {
      const diff = weight(a[i]) - weight(b[j]);
      if (diff !== 0) return diff;
      i++;
      j++;
    }
    const da = /^\d*/.exec(a.slice(i))![0];
    const db = /^\d*/.exec(b.slice(j))![0];
    i += da.length;
    j += db.length;
    const diff = Number(BigInt(da || '0') - BigInt(db || '0'));
    if (diff !== 0) return Math.sign(diff);
  }
  return 0;
}

function dpkgParts(version: string): [number, string, string] | undefined {
  const m = DPKG_VERSION.exec(version);
  return m ? [Number(m[1] ?? 0), m[2]!, m[3] ?? ''] : undefined;
}

export const DPKG_ORDER: VersionOrder = {
  valid: (v) => dpkgParts(v) !== undefined,
  compare(a, b) {
    const [ea, ua, ra] = dpkgParts(a)!;
    const [eb, ub, rb] = dpkgParts(b)!;
    return Math.sign(ea - eb) || Math.sign(compareDpkgPart(ua, ub)) || Math.sign(compareDpkgPart(ra, rb));
  },
  key(v) {
    const parts = dpkgParts(v);
    // Leading zeros of a number do not count in dpkg's comparison.
    return parts && `${parts[0]}:${parts[1].replace(/(^|\D)0+(?=\d)/g, '$1')}-${parts[2].replace(/(^|\D)0+(?=\d)/g, '$1') || '0'}`;
  },
};

const APK_VERSION = /^(\d+(?:\.\d+)*)([a-z]?)((?:_(?:alpha|beta|pre|rc|cvs|svn|git|hg|p)\d*)*)(?:~[0-9a-f]+)?(?:-r(\d+))?$/;
/** Suffix ranks: pre-releases sort before the plain version (rank 0 here stands for "no suffix"), patch levels after it. */
const SUFFIX_RANK: Record<string, number> = { alpha: -4, beta: -3, pre: -2, rc: -1, cvs: 1, svn: 2, git: 3, hg: 4, p: 5 };

interface ApkVersion {
  numbers: bigint[];
  letter: string;
  suffixes: Array<[number, bigint]>;
  revision: bigint;
}

function apkParts(version: string): ApkVersion | undefined {
  const m = APK_VERSION.exec(version);
  if (!m) return undefined;
  const suffixes = [...(m[3] ?? '').matchAll(/_([a-z]+)(\d*)/g)].map((s): [number, bigint] => [SUFFIX_RANK[s[1]!]!, BigInt(s[2] || '0')]);
  return { numbers: m[1]!.split('.').map(BigInt), letter: m[2] ?? '', suffixes, revision: BigInt(m[4] ?? '0') };
}

function compareBig(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function compareApk(a: ApkVersion, b: ApkVersion): number {
  for (let i = 0; i < Math.max(a.numbers.length, b.numbers.length); i++) {
    // A version with more components is the later one (1.2.1 after 1.2).
    if (a.numbers[i] === undefined || b.numbers[i] === undefined) return a.numbers[i] === undefined ? -1 : 1;
    const diff = compareBig(a.numbers[i]!, b.numbers[i]!);
    if (diff !== 0) return diff;
  }
  if (a.letter !== b.letter) return a.letter < b.letter ? -1 : 1;
  for (let i = 0; i < Math.max(a.suffixes.length, b.suffixes.length); i++) {
    const [ra, na] = a.suffixes[i] ?? [0, 0n];
    const [rb, nb] = b.suffixes[i] ?? [0, 0n];
    if (ra !== rb) return Math.sign(ra - rb);
    const diff = compareBig(na, nb);
    if (diff !== 0) return diff;
  }
  return compareBig(a.revision, b.revision);
}

export const APK_ORDER: VersionOrder = {
  valid: (v) => apkParts(v) !== undefined,
  compare: (a, b) => compareApk(apkParts(a)!, apkParts(b)!),
  key(v) {
    const p = apkParts(v);
    return p && `${p.numbers.join('.')}${p.letter}${p.suffixes.map(([r, n]) => `_${r}:${n}`).join('')}-r${p.revision}`;
  },
};
