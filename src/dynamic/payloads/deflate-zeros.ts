import { constants, crc32, deflateRawSync } from 'node:zlib';

/**
 * Raw DEFLATE streams that inflate to gigabytes of zeros, built without ever holding the
 * inflated bytes: a run of zeros is one compressed megabyte repeated. Each piece ends with a
 * full flush (byte-aligned, no back-references across it), so pieces may simply be concatenated.
 */

/** Literal bytes, or a run of this many zero bytes. */
export type Segment = Buffer | number;

export interface Deflated {
  /** The raw DEFLATE stream (no zlib or gzip framing), final block included. */
  data: Buffer;
  /** CRC-32 of the inflated bytes. */
  crc: number;
  /** Inflated length. */
  size: number;
}

const CHUNK = 1024 ** 2;
const ZEROS = Buffer.alloc(CHUNK);
const flushed = new Map<number, Buffer>();

function deflatePiece(bytes: Buffer): Buffer {
  return deflateRawSync(bytes, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
}

/** The compressed form of `n` zeros (n ≤ CHUNK), kept: bombs repeat the same few sizes. */
function zeroPiece(n: number): Buffer {
  let piece = flushed.get(n);
  if (!piece) flushed.set(n, (piece = deflatePiece(ZEROS.subarray(0, n))));
  return piece;
}

/** Deflates the concatenation of `segments`. Deterministic: the same segments give the same bytes. */
export function deflateSegments(segments: Segment[]): Deflated {
  const parts: Buffer[] = [];
  let crc = 0;
  let size = 0;
  for (const segment of segments) {
    if (typeof segment !== 'number') {
      parts.push(deflatePiece(segment));
      crc = crc32(segment, crc);
      size += segment.length;
      continue;
    }
    for (let left = segment; left > 0; left -= CHUNK) {
      const n = Math.min(left, CHUNK);
      parts.push(zeroPiece(n));
      crc = crc32(ZEROS.subarray(0, n), crc);
      size += n;
    }
  }
  parts.push(deflateRawSync(Buffer.alloc(0)));
  return { data: Buffer.concat(parts), crc: crc >>> 0, size };
}

/** A gzip member around `segments` (RFC 1952; no name, mtime 0, so it is byte-for-byte reproducible). */
export function gzipSegments(segments: Segment[]): Buffer {
  const { data, crc, size } = deflateSegments(segments);
  const header = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 2, 0xff]);
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc, 0);
  trailer.writeUInt32LE(size % 2 ** 32, 4);
  return Buffer.concat([header, data, trailer]);
}
