export interface CycloneDxHash {
  alg: string;
  content: string;
}

/** Lock-file algorithm names → CycloneDX's, with the digest length that proves a value is what it claims. */
const ALGORITHMS: Record<string, { alg: string; hexLength: number }> = {
  md5: { alg: 'MD5', hexLength: 32 },
  sha1: { alg: 'SHA-1', hexLength: 40 },
  sha256: { alg: 'SHA-256', hexLength: 64 },
  sha384: { alg: 'SHA-384', hexLength: 96 },
  sha512: { alg: 'SHA-512', hexLength: 128 },
};

/**
 * CycloneDX hashes from lock-file hash strings: `sha256:<hex>` (pip, Poetry, uv, Pipfile.lock) and
 * Subresource Integrity `sha512-<base64>` (npm, pnpm, yarn; one string may hold several). Values
 * of an unknown algorithm or the wrong length are dropped rather than emitted mislabelled.
 */
export function cycloneDxHashes(values: string[]): CycloneDxHash[] {
  const hashes = new Map<string, CycloneDxHash>();
  for (const token of values.flatMap((v) => v.trim().split(/\s+/))) {
    const hash = toHash(token);
    if (hash) hashes.set(`${hash.alg}:${hash.content}`, hash);
  }
  return [...hashes.values()].sort((a, b) => a.alg.localeCompare(b.alg) || a.content.localeCompare(b.content));
}

function toHash(token: string): CycloneDxHash | undefined {
  const m = /^([a-z0-9]+)([:-])([^?]+)/i.exec(token);
  const spec = m && ALGORITHMS[m[1]!.toLowerCase()];
  if (!m || !spec) return undefined;
  const content = m[2] === ':' ? m[3]!.toLowerCase() : Buffer.from(m[3]!, 'base64').toString('hex');
  return content.length === spec.hexLength && /^[0-9a-f]+$/.test(content) ? { alg: spec.alg, content } : undefined;
}
