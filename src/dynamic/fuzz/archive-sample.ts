import { gunzipSync } from 'node:zlib';
import type { ArchiveKind } from '../payloads/bombs.js';

/** Archive kinds told by the file name; `.gz` alone is a compressed record file, not an archive. */
export function archiveKind(name: string): Exclude<ArchiveKind, 'gzip'> | undefined {
  const lower = name.toLowerCase();
  if (lower.endsWith('.zip')) return 'zip';
  if (lower.endsWith('.tar')) return 'tar';
  if (lower.endsWith('.tar.gz') || lower.endsWith('.tgz')) return 'tar.gz';
  return undefined;
}

/**
 * The first regular file inside an archive sample, so that a bomb's member carries the name the
 * pipeline looks for; undefined when the archive cannot be read (the caller picks a name then).
 */
export function firstMember(bytes: Buffer, kind: ArchiveKind): string | undefined {
  try {
    if (kind === 'zip') return firstZipMember(bytes);
    if (kind === 'tar') return firstTarMember(bytes);
    if (kind === 'tar.gz') return firstTarMember(gunzipSync(bytes));
  } catch {
    // a damaged sample: the bombs still go in, under a made-up member name
  }
  return undefined;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_ENTRY = 0x02014b50;

function firstZipMember(zip: Buffer): string | undefined {
  // the end record sits in the last 22 bytes plus a comment of at most 64 KiB
  for (let end = zip.length - 22; end >= Math.max(0, zip.length - 22 - 0xffff); end--) {
    if (zip.readUInt32LE(end) !== END_OF_CENTRAL_DIRECTORY) continue;
    const entries = zip.readUInt16LE(end + 10);
    let at = zip.readUInt32LE(end + 16);
    for (let i = 0; i < entries && zip.readUInt32LE(at) === CENTRAL_ENTRY; i++) {
      const nameLength = zip.readUInt16LE(at + 28);
      const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
      if (!name.endsWith('/')) return name;
      at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    }
    return undefined;
  }
  return undefined;
}

const cString = (block: Buffer, from: number, to: number): string => {
  const text = block.toString('utf8', from, to);
  const nul = text.indexOf('\0');
  return nul < 0 ? text : text.slice(0, nul);
};

function firstTarMember(tar: Buffer): string | undefined {
  for (let at = 0; at + 512 <= tar.length; ) {
    const header = tar.subarray(at, at + 512);
    const name = cString(header, 0, 100);
    if (!name) return undefined;
    const size = parseInt(cString(header, 124, 136).trim() || '0', 8);
    const type = String.fromCharCode(header[156]!);
    const prefix = header.toString('latin1', 257, 263) === 'ustar\u0000' ? cString(header, 345, 500) : '';
    if (type === '0' || type === '\0') return prefix ? `${prefix}/${name}` : name;
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return undefined;
}
