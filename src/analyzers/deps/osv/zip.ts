/**
 * Reads the entries of a zip file one at a time, verifying each against the central directory:
 * known compression, inflated length, and CRC-32. fflate inflates but checks no CRC, and its
 * `unzipSync` would hold every entry in memory at once — the npm export has hundreds of
 * thousands — so the archive structure (PKWARE APPNOTE, with ZIP64) is walked here, reading
 * from the file by offset.
 */
import fs from 'node:fs';
import { inflateSync } from 'fflate';

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

/** Any one OSV advisory is far below this; a larger declared size is a broken or hostile archive. */
const MAX_ENTRY_BYTES = 64 * 1024 * 1024;

const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const EOCD_SIZE = 22;
/** The end record is followed only by its comment, at most 65535 bytes. */
const MAX_TAIL = EOCD_SIZE + 0xffff;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 as zip uses it (IEEE 802.3 polynomial, reflected). */
export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

interface CentralEntry {
  name: string;
  flags: number;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** Yields every file entry (directories skipped), verified; throws on the first broken one, naming it. */
export function* readZipEntries(file: string): Generator<ZipEntry> {
  const fd = fs.openSync(file, 'r');
  try {
    const fileSize = fs.fstatSync(fd).size;
    const read = (offset: number, length: number): Buffer => {
      if (offset < 0 || length < 0 || offset + length > fileSize) throw new Error('not a valid zip archive (a record points past the end of the file)');
      const buf = Buffer.alloc(length);
      fs.readSync(fd, buf, 0, length, offset);
      return buf;
    };
    for (const entry of centralDirectory(read, fileSize)) {
      if (entry.name.endsWith('/')) continue;
      yield { name: entry.name, data: extract(read, entry) };
    }
  } finally {
    fs.closeSync(fd);
  }
}

function centralDirectory(read: (offset: number, length: number) => Buffer, fileSize: number): CentralEntry[] {
  if (fileSize < EOCD_SIZE) throw new Error('not a zip archive (too short)');
  const tailStart = Math.max(0, fileSize - MAX_TAIL);
  const tail = read(tailStart, fileSize - tailStart);
  let eocd = -1;
  for (let i = tail.length - EOCD_SIZE; i >= 0; i--) {
    if (tail.readUInt32LE(i) === SIG_EOCD && i + EOCD_SIZE + tail.readUInt16LE(i + 20) === tail.length) {
      eocd = i;
      break;
    }
  }
  if (eocd === -1) throw new Error('not a zip archive (no end-of-central-directory record)');
  let count = tail.readUInt16LE(eocd + 10);
  let size = tail.readUInt32LE(eocd + 12);
  let offset = tail.readUInt32LE(eocd + 16);
  const locatorAt = tailStart + eocd - 20;
  if (locatorAt >= 0 && read(locatorAt, 4).readUInt32LE(0) === SIG_ZIP64_LOCATOR) {
    // ZIP64: the real counts and offsets are in a second end record the locator points at.
    const recordAt = Number(read(locatorAt + 8, 8).readBigUInt64LE(0));
    const record = read(recordAt, 56);
    if (record.readUInt32LE(0) !== SIG_ZIP64_EOCD) throw new Error('not a valid zip archive (bad ZIP64 end record)');
    count = Number(record.readBigUInt64LE(32));
    size = Number(record.readBigUInt64LE(40));
    offset = Number(record.readBigUInt64LE(48));
  }
  const dir = read(offset, size);
  const entries: CentralEntry[] = [];
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > dir.length || dir.readUInt32LE(at) !== SIG_CENTRAL) throw new Error(`not a valid zip archive (central directory entry ${i + 1} of ${count} is damaged)`);
    const nameLength = dir.readUInt16LE(at + 28);
    const extraLength = dir.readUInt16LE(at + 30);
    const commentLength = dir.readUInt16LE(at + 32);
    const entry: CentralEntry = {
      name: dir.toString('utf8', at + 46, at + 46 + nameLength),
      flags: dir.readUInt16LE(at + 8),
      method: dir.readUInt16LE(at + 10),
      crc: dir.readUInt32LE(at + 16),
      compressedSize: dir.readUInt32LE(at + 20),
      size: dir.readUInt32LE(at + 24),
      localOffset: dir.readUInt32LE(at + 42),
    };
    applyZip64Extra(entry, dir.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength));
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** In a ZIP64 extra field (id 1) come, in this order, the 64-bit values of exactly the fields saturated at 0xFFFFFFFF. */
function applyZip64Extra(entry: CentralEntry, extra: Buffer): void {
  for (let at = 0; at + 4 <= extra.length; at += 4 + extra.readUInt16LE(at + 2)) {
    if (extra.readUInt16LE(at) !== 1) continue;
    let field = at + 4;
    const next = () => {
      const value = field + 8 <= extra.length ? Number(extra.readBigUInt64LE(field)) : NaN;
      field += 8;
      return value;
    };
    if (entry.size === 0xffffffff) entry.size = next();
    if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
    if (entry.localOffset === 0xffffffff) entry.localOffset = next();
    return;
  }
}

function extract(read: (offset: number, length: number) => Buffer, entry: CentralEntry): Uint8Array {
  const fail = (why: string) => new Error(`entry ${entry.name}: ${why}`);
  if (entry.flags & 1) throw fail('encrypted');
  if (!(entry.size <= MAX_ENTRY_BYTES && entry.compressedSize <= MAX_ENTRY_BYTES)) throw fail(`declared size over ${MAX_ENTRY_BYTES} bytes`);
  const local = read(entry.localOffset, 30);
  if (local.readUInt32LE(0) !== SIG_LOCAL) throw fail('local header missing');
  const compressed = read(entry.localOffset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28), entry.compressedSize);
  let data: Uint8Array;
  if (entry.method === 0) data = compressed;
  else if (entry.method === 8) {
    try {
      data = inflateSync(compressed, { out: new Uint8Array(entry.size) });
    } catch (err) {
      throw fail(`corrupt compressed data (${err instanceof Error ? err.message : String(err)})`);
    }
  } else throw fail(`unsupported compression method ${entry.method}`);
  if (data.length !== entry.size) throw fail(`inflates to ${data.length} bytes, the directory says ${entry.size}`);
  if (crc32(data) !== entry.crc) throw fail('CRC-32 mismatch (corrupted data)');
  return data;
}
