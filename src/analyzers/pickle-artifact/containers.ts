import { Gunzip, unzipSync, Unzlib } from 'fflate';

/** A pickle stream found in an artifact, named for messages (`archive/data.pkl` inside a .pt). */
export interface PickleStream {
  name: string | undefined;
  bytes: Uint8Array;
}

/** Inflating past this is treated as a decompression bomb, not as a pickle to check. */
export const MAX_INFLATED_BYTES = 256 * 1024 * 1024;

/**
 * The pickle streams inside an artifact file: the file itself for plain pickles; the `*.pkl`
 * entries of a zip (PyTorch's format since 1.6 keeps the object graph in `archive/data.pkl`
 * and tensor bytes in other entries); the inflated content of a zlib- or gzip-compressed joblib
 * dump. Returns a problem instead when the container cannot be opened.
 */
export function pickleStreams(bytes: Uint8Array): PickleStream[] | { problem: string } {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return zipEntries(bytes);
  if (startsWith(bytes, [0x1f, 0x8b])) return inflated(bytes, 'gzip');
  if (isZlibHeader(bytes)) return inflated(bytes, 'zlib');
  return [{ name: undefined, bytes }];
}

function zipEntries(bytes: Uint8Array): PickleStream[] | { problem: string } {
  let tooLarge: string | undefined;
  try {
    const entries = unzipSync(bytes, {
      filter: (file) => {
        if (!/\.(pkl|pickle)$/.test(file.name)) return false;
        if (file.originalSize > MAX_INFLATED_BYTES) tooLarge = file.name;
        return file.originalSize <= MAX_INFLATED_BYTES;
      },
    });
    if (tooLarge) return { problem: `zip entry ${tooLarge} inflates past ${MAX_INFLATED_BYTES} bytes and was not checked` };
    const names = Object.keys(entries).sort();
    if (names.length === 0) return { problem: 'zip archive without a .pkl entry; nothing to check' };
    return names.map((name) => ({ name, bytes: entries[name]! }));
  } catch (err) {
    return { problem: `unreadable zip archive (${(err as Error).message})` };
  }
}

/**
 * RFC 1950 with a 32K window, as Python's zlib writes it: 0x78 and check bits making the header a
 * multiple of 31. 0x78 is no pickle opcode, whereas smaller windows would start like `(S`.
 */
function isZlibHeader(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x78 && ((bytes[0] << 8) | bytes[1]!) % 31 === 0;
}

function inflated(bytes: Uint8Array, format: 'gzip' | 'zlib'): PickleStream[] | { problem: string } {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const collect = (chunk: Uint8Array) => {
    total += chunk.length;
    // Stop the inflater from inside its callback: a few KB of deflate can expand to gigabytes.
    if (total > MAX_INFLATED_BYTES) throw new Error(`inflates past ${MAX_INFLATED_BYTES} bytes`);
    chunks.push(chunk);
  };
  try {
    const stream = format === 'gzip' ? new Gunzip(collect) : new Unzlib(collect);
    stream.push(bytes, true);
  } catch (err) {
    return { problem: `${format}-compressed artifact not checked: ${(err as Error).message}` };
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return [{ name: `${format}-decompressed`, bytes: out }];
}

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}
