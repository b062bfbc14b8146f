import { deflateSegments, gzipSegments, type Deflated } from './deflate-zeros.js';

/**
 * Size and compression bombs for pipelines that read archives: a few kilobytes to ~2 MB on disk,
 * `inflatedBytes` once unpacked, byte-for-byte the same every time. Each is a well-formed archive
 * (right sizes, CRCs and checksums) so that only a reader that checks sizes and member counts
 * before unpacking escapes it.
 */

export type ArchiveKind = 'zip' | 'tar' | 'tar.gz' | 'gzip';

export interface Bomb {
  id: string;
  description: string;
  bytes: Buffer;
}

/** Members of the many-member bombs: enough to exhaust a reader that keeps each one. */
const MANY_MEMBERS = 10_000;
/** Directory entries of the overlapping-entry zip, all pointing at one compressed member. */
const OVERLAPS = 1_000;
const BLOCK = 512;

const mib = (bytes: number): string => `${Math.round(bytes / 1024 ** 2)} MiB`;

/** The bombs that suit an input of this kind, named after `member` (the data file the reader looks for). */
export function archiveBombs(kind: ArchiveKind, member: string, inflatedBytes: number): Bomb[] {
  const [stem, ext] = splitName(member);
  const nth = (i: number): string => `${stem}-${String(i).padStart(5, '0')}${ext}`;
  switch (kind) {
    case 'gzip':
      return [{ id: 'gzip-bomb', description: `a gzip stream inflating to ${mib(inflatedBytes)}`, bytes: gzipSegments([inflatedBytes]) }];
    case 'zip': {
      const part = deflateSegments([Math.floor(inflatedBytes / MANY_MEMBERS)]);
      const overlapped = deflateSegments([Math.floor(inflatedBytes / OVERLAPS)]);
      return [
        { id: 'zip-bomb', description: `a zip whose member ${member} inflates to ${mib(inflatedBytes)}`, bytes: zipArchive([{ name: member, body: deflateSegments([inflatedBytes]) }]) },
        { id: 'zip-many-members', description: `a zip of ${MANY_MEMBERS} members inflating to ${mib(inflatedBytes)} in all`, bytes: zipArchive(Array.from({ length: MANY_MEMBERS }, (_, i) => ({ name: nth(i + 1), body: part }))) },
        { id: 'zip-overlapping-entries', description: `a zip listing one compressed member ${OVERLAPS} times (${mib(inflatedBytes)} once every entry is read)`, bytes: zipArchive([{ name: member, body: overlapped }], OVERLAPS) },
      ];
    }
    case 'tar':
      return [{ id: 'tar-sparse-bomb', description: `a tar whose sparse member ${member} unpacks to ${mib(inflatedBytes)}`, bytes: Buffer.concat(sparseTar(member, inflatedBytes)) }];
    case 'tar.gz': {
      const each = Math.floor(inflatedBytes / MANY_MEMBERS / BLOCK) * BLOCK;
      const many = Array.from({ length: MANY_MEMBERS }, (_, i) => [tarHeader(nth(i + 1), each), each]).flat();
      return [
        { id: 'tar-gzip-bomb', description: `a tar.gz whose member ${member} inflates to ${mib(inflatedBytes)}`, bytes: gzipSegments([tarHeader(member, inflatedBytes), padded(inflatedBytes) + 2 * BLOCK]) },
        { id: 'tar-sparse-bomb', description: `a tar.gz whose sparse member ${member} unpacks to ${mib(inflatedBytes)}`, bytes: gzipSegments(sparseTar(member, inflatedBytes)) },
        { id: 'tar-many-members', description: `a tar.gz of ${MANY_MEMBERS} members inflating to ${mib(inflatedBytes)} in all`, bytes: gzipSegments([...many, 2 * BLOCK]) },
      ];
    }
  }
}

function splitName(name: string): [string, string] {
  const m = /^(.*?)((?:\.[A-Za-z0-9]{1,5})*)$/.exec(name)!;
  return m[1] ? [m[1], m[2]!] : [name, ''];
}

const padded = (n: number): number => Math.ceil(n / BLOCK) * BLOCK;

// ---- zip (APPNOTE 6.3: local headers, central directory, end record; no zip64, sizes < 4 GiB)

/** 1980-01-01 00:00, the earliest DOS date: fixed so the bytes never depend on the clock. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

interface ZipMember {
  name: string;
  body: Deflated;
}

/** A zip of `members`, each listed `listings` times in the central directory (> 1: overlapping entries). */
function zipArchive(members: ZipMember[], listings = 1): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const { name, body } of members) {
    const nameBytes = Buffer.from(name, 'utf8');
    const flags = /^[\x20-\x7e]*$/.test(name) ? 0 : 0x0800;
    const fixed = (head: Buffer, at: number): void => {
      head.writeUInt16LE(flags, at);
      head.writeUInt16LE(8, at + 2); // deflate
      head.writeUInt16LE(0, at + 4);
      head.writeUInt16LE(DOS_DATE, at + 6);
      head.writeUInt32LE(body.crc, at + 8);
      head.writeUInt32LE(body.data.length, at + 12);
      head.writeUInt32LE(body.size, at + 16);
      head.writeUInt16LE(nameBytes.length, at + 20);
    };
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    fixed(local, 6);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    fixed(entry, 8);
    entry.writeUInt32LE(offset, 42);
    for (let i = 0; i < listings; i++) central.push(entry, nameBytes);
    parts.push(local, nameBytes, body.data);
    offset += local.length + nameBytes.length + body.data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(members.length * listings, 8);
  end.writeUInt16LE(members.length * listings, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, directory, end]);
}

// ---- tar (POSIX ustar headers; the old GNU format for the sparse member)

function octal(header: Buffer, at: number, width: number, value: number): void {
  header.write(value.toString(8).padStart(width - 1, '0') + '\0', at, width, 'latin1');
}

/** One 512-byte header; `gnuSparse` makes it an old-GNU sparse member of that real size. */
function tarHeader(name: string, size: number, gnuSparse?: number): Buffer {
  const header = Buffer.alloc(BLOCK);
  header.write(name.slice(0, 99), 0, 100, 'utf8');
  octal(header, 100, 8, 0o644);
  octal(header, 108, 8, 0);
  octal(header, 116, 8, 0);
  octal(header, 124, 12, size);
  octal(header, 136, 12, 0);
  if (gnuSparse === undefined) {
    header.write('0', 156, 'latin1');
    header.write('ustar\u000000', 257, 'latin1');
  } else {
    header.write('S', 156, 'latin1');
    header.write('ustar  \0', 257, 'latin1');
    // one data segment (the block stored after the header) at offset 0; the rest is a hole
    octal(header, 386, 12, 0);
    octal(header, 398, 12, size);
    octal(header, 483, 12, gnuSparse);
  }
  header.fill(0x20, 148, 156);
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 8, 'latin1');
  return header;
}

/** A tar of one sparse member: one stored block, `realSize` bytes once unpacked. */
function sparseTar(member: string, realSize: number): Buffer[] {
  return [tarHeader(member, BLOCK, realSize), Buffer.alloc(BLOCK), Buffer.alloc(2 * BLOCK)];
}
