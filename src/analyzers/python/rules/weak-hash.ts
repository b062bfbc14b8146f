import { argument, calls } from '../call-site.js';
import type { PythonRule } from '../python-rule.js';

/** Digests with practical collision attacks (MD5, SHA-1) or worse. */
const WEAK = new Set(['md4', 'md5', 'sha1', 'md5-sha1', 'ripemd160']);
const CONSTRUCTORS = [...WEAK].filter((n) => /^\w+$/.test(n)).map((n) => `hashlib.${n}`);

export const weakHash: PythonRule = {
  id: 'py.crypto.weak-hash',
  title: 'MD5 or SHA-1 used without usedforsecurity=False',
  category: 'sast',
  severity: 'medium',
  confidence: 'high',
  cwe: ['CWE-327', 'CWE-328'],
  what:
    'Finds hashlib.md5(), hashlib.sha1() (and md4/ripemd160) and hashlib.new("md5"/"sha1"…) without ' +
    'usedforsecurity=False, the flag Python 3.9+ offers to declare a non-security use.',
  why:
    'Pipelines hash to prove integrity — checksums of downloaded drops, manifests of model artifacts, dedup keys that ' +
    'decide which record wins. MD5 and SHA-1 collisions are cheap to produce, so an attacker can craft a poisoned ' +
    'file with the same digest as the expected one and pass the check.',
  remediation:
    'Use hashlib.sha256() (or blake2b) for integrity and identifiers. Where MD5 is required for compatibility (S3 ' +
    'ETags, partition hashing), say so with hashlib.md5(data, usedforsecurity=False).',
  bad: [
    {
      file: 'ingest/verify_drop.py',
      code:
        'import hashlib\n\n\n' +
        'def verify(path: str, expected: str) -> None:\n' +
        '    with open(path, "rb") as fh:\n' +
        '        digest = hashlib.md5(fh.read()).hexdigest()\n' +
        '    if digest != expected:\n' +
        '        raise ValueError(f"{path}: checksum mismatch")\n',
    },
    { file: 'ingest/dedup.py', code: 'import hashlib\n\n\ndef row_key(row: str) -> str:\n    return hashlib.new("sha1", row.encode()).hexdigest()\n' },
  ],
  good: [
    {
      file: 'ingest/verify_drop.py',
      code:
        'import hashlib\n\n\n' +
        'def verify(path: str, expected: str) -> None:\n' +
        '    with open(path, "rb") as fh:\n' +
        '        digest = hashlib.sha256(fh.read()).hexdigest()\n' +
        '    if digest != expected:\n' +
        '        raise ValueError(f"{path}: checksum mismatch")\n\n\n' +
        'def partition(key: str, buckets: int) -> int:\n' +
        '    return int(hashlib.md5(key.encode(), usedforsecurity=False).hexdigest(), 16) % buckets\n',
    },
  ],
  bandit: ['B303', 'B324'],
  references: ['https://docs.python.org/3/library/hashlib.html#hash-algorithms', 'https://cwe.mitre.org/data/definitions/328.html'],
  onCall(call, ctx) {
    let algorithm: string | undefined;
    if (calls(call, CONSTRUCTORS)) algorithm = call.name!.slice('hashlib.'.length);
    else if (calls(call, ['hashlib.new'])) {
      const name = argument(call, 0, 'name');
      const value = name ? ctx.constantOf(name) : undefined;
      if (typeof value === 'string' && WEAK.has(value.toLowerCase())) algorithm = value.toLowerCase();
    }
    if (!algorithm) return;
    const flag = call.keywords.get('usedforsecurity');
    if (flag && ctx.truthOf(flag) !== true) return;
    if (!flag && call.hasSplat) return;
    ctx.report(call.node, { message: `${algorithm.toUpperCase()} is broken for integrity checks; use SHA-256, or pass usedforsecurity=False for non-security uses` });
  },
};
