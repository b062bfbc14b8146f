import fs from 'node:fs';
import type { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { DataInputError } from '../engines/engine.js';

/** Whole-file compression of a data file, as exports and landing zones write it (`events.jsonl.gz`). */
export type Compression = 'gzip' | 'zstd';

const BY_EXTENSION: Record<string, Compression> = { '.gz': 'gzip', '.gzip': 'gzip', '.zst': 'zstd', '.zstd': 'zstd' };
const GZIP_MAGIC = [0x1f, 0x8b];
const ZSTD_MAGIC = [0x28, 0xb5, 0x2f, 0xfd];

/** The compression a file's extension or first bytes say it has; undefined for a plain file. */
export function compressionOf(file: string): Compression | undefined {
  const byName = BY_EXTENSION[compressedExtension(file)];
  if (byName) return byName;
  const head = readBytes(file, 4);
  if (GZIP_MAGIC.every((b, i) => head[i] === b)) return 'gzip';
  return ZSTD_MAGIC.every((b, i) => head[i] === b) ? 'zstd' : undefined;
}

/** The name without its compression extension: `events.jsonl.gz` → `events.jsonl`. */
export function withoutCompressionExtension(file: string): string {
  const extension = compressedExtension(file);
  return BY_EXTENSION[extension] ? file.slice(0, -extension.length) : file;
}

function compressedExtension(file: string): string {
  const dot = file.lastIndexOf('.');
  return dot > Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) ? file.slice(dot).toLowerCase() : '';
}

/**
 * The file's bytes as a stream, decompressed. Node 20 has gzip but no zstd: a zstd file read here
 * (JSON records checked by ajv) is refused with what to do; DuckDB reads it in the other paths.
 */
export function openDecompressed(file: string): Readable {
  const compression = compressionOf(file);
  if (compression === 'zstd') throw zstdRefusal(file);
  const raw = fs.createReadStream(file);
  if (compression !== 'gzip') return raw;
  const gunzip = zlib.createGunzip();
  raw.on('error', (err) => gunzip.destroy(err));
  return raw.pipe(gunzip);
}

/** A whole file, decompressed, refused past `maxBytes` (decompressed) with `tooLarge`'s message. */
export function readDecompressed(file: string, maxBytes: number, tooLarge: (bytes: string) => string): Buffer {
  const compression = compressionOf(file);
  if (compression === 'zstd') throw zstdRefusal(file);
  const size = fs.statSync(file).size;
  if (compression !== 'gzip') {
    if (size > maxBytes) throw new DataInputError(tooLarge(`${size} bytes`));
    return fs.readFileSync(file);
  }
  try {
    return zlib.gunzipSync(fs.readFileSync(file), { maxOutputLength: maxBytes });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new DataInputError(tooLarge(`over ${maxBytes} bytes decompressed`));
    throw new DataInputError(`cannot decompress ${file} as gzip: ${(err as Error).message}`);
  }
}

/**
 * The first `bytes` of the decompressed content, for sniffing the format; what a gzip stream cut
 * short yields. Empty for zstd, which Node 20 cannot decompress: its name must say the format.
 */
export function decompressedHead(file: string, bytes: number): Buffer {
  const compression = compressionOf(file);
  if (compression === 'zstd') return Buffer.alloc(0);
  // gzip rarely shrinks text below a quarter, so this many compressed bytes hold the head.
  const raw = readBytes(file, compression === 'gzip' ? bytes * 4 : bytes);
  if (compression !== 'gzip') return raw;
  try {
    return zlib.gunzipSync(raw, { finishFlush: zlib.constants.Z_SYNC_FLUSH }).subarray(0, bytes);
  } catch {
    return Buffer.alloc(0);
  }
}

function zstdRefusal(file: string): DataInputError {
  return new DataInputError(`${file} is zstd-compressed, which only the DuckDB paths read (profile, drift, CSV validation); decompress it for JSON validation (zstd -d ${file})`);
}

function readBytes(file: string, bytes: number): Buffer {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (err) {
    throw new DataInputError(`cannot open ${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  try {
    const buffer = Buffer.alloc(bytes);
    return buffer.subarray(0, fs.readSync(fd, buffer, 0, bytes, 0));
  } finally {
    fs.closeSync(fd);
  }
}
