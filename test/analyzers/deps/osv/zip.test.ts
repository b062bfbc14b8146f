import fs from 'node:fs';
import path from 'node:path';
import { strFromU8, strToU8, zipSync } from 'fflate';
import { afterEach, describe, expect, it } from 'vitest';
import { crc32, readZipEntries } from '../../../../src/analyzers/deps/osv/zip.js';
import { removeTree, tempTree } from '../../../helpers/temp-tree.js';

let roots: string[] = [];
afterEach(() => {
  roots.forEach(removeTree);
  roots = [];
});

function zipFile(bytes: Uint8Array): string {
  const root = tempTree();
  roots.push(root);
  const file = path.join(root, 'test.zip');
  fs.writeFileSync(file, bytes);
  return file;
}

function read(bytes: Uint8Array): Record<string, string> {
  return Object.fromEntries([...readZipEntries(zipFile(bytes))].map((e) => [e.name, strFromU8(e.data)]));
}

/** Offset of `text`'s bytes inside the archive (stored entries keep their content verbatim). */
function offsetOf(bytes: Uint8Array, text: string): number {
  return Buffer.from(bytes).indexOf(Buffer.from(text));
}

/** A one-entry ZIP64 archive, sizes and offset in the extra fields, as writers produce for huge or many-entry archives. */
function zip64(name: string, content: string): Uint8Array {
  const data = Buffer.from(content);
  const nameBytes = Buffer.from(name);
  const crc = crc32(data);
  const local = Buffer.alloc(30 + nameBytes.length + 20);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(45, 4);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(0xffffffff, 18);
  local.writeUInt32LE(0xffffffff, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  local.writeUInt16LE(20, 28);
  nameBytes.copy(local, 30);
  local.writeUInt16LE(1, 30 + nameBytes.length);
  local.writeUInt16LE(16, 32 + nameBytes.length);
  local.writeBigUInt64LE(BigInt(data.length), 34 + nameBytes.length);
  local.writeBigUInt64LE(BigInt(data.length), 42 + nameBytes.length);
  const central = Buffer.alloc(46 + nameBytes.length + 28);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(45, 4);
  central.writeUInt16LE(45, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(0xffffffff, 20);
  central.writeUInt32LE(0xffffffff, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  central.writeUInt16LE(28, 30);
  central.writeUInt32LE(0xffffffff, 42);
  nameBytes.copy(central, 46);
  const extra = 46 + nameBytes.length;
  central.writeUInt16LE(1, extra);
  central.writeUInt16LE(24, extra + 2);
  central.writeBigUInt64LE(BigInt(data.length), extra + 4);
  central.writeBigUInt64LE(BigInt(data.length), extra + 12);
  central.writeBigUInt64LE(0n, extra + 20);
  const centralAt = local.length + data.length;
  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeUInt16LE(45, 12);
  record.writeUInt16LE(45, 14);
  record.writeBigUInt64LE(1n, 24);
  record.writeBigUInt64LE(1n, 32);
  record.writeBigUInt64LE(BigInt(central.length), 40);
  record.writeBigUInt64LE(BigInt(centralAt), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(centralAt + central.length), 8);
  locator.writeUInt32LE(1, 16);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(0xffff, 8);
  end.writeUInt16LE(0xffff, 10);
  end.writeUInt32LE(0xffffffff, 12);
  end.writeUInt32LE(0xffffffff, 16);
  return Buffer.concat([local, data, central, record, locator, end]);
}

describe('crc32', () => {
  it('gives the standard check value', () => {
    expect(crc32(strToU8('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });
});

describe('readZipEntries', () => {
  it('reads stored and deflated entries and skips directories', () => {
    const big = JSON.stringify({ id: 'X', details: 'y'.repeat(100_000) });
    const bytes = zipSync({ 'dir/': new Uint8Array(), 'dir/a.json': strToU8('{"id":"A"}'), 'b.json': [strToU8(big), { level: 9 }], 'c.json': [strToU8('{}'), { level: 0 }] });
    expect(read(bytes)).toEqual({ 'dir/a.json': '{"id":"A"}', 'b.json': big, 'c.json': '{}' });
  });

  it('reads ZIP64 archives', () => {
    expect(read(zip64('PYSEC-1.json', '{"id":"PYSEC-1"}'))).toEqual({ 'PYSEC-1.json': '{"id":"PYSEC-1"}' });
  });

  it('reads an archive with a trailing comment', () => {
    const bytes = zipSync({ 'a.json': strToU8('{}') }, { comment: 'exported by a test' });
    expect(read(bytes)).toEqual({ 'a.json': '{}' });
  });

  it('detects a corrupted stored entry by its CRC', () => {
    const bytes = zipSync({ 'a.json': [strToU8('{"id":"AAAA"}'), { level: 0 }] });
    bytes[offsetOf(bytes, 'AAAA')] = 'B'.charCodeAt(0);
    expect(() => read(bytes)).toThrow('entry a.json: CRC-32 mismatch (corrupted data)');
  });

  it('detects corrupted deflate data', () => {
    const bytes = zipSync({ 'a.json': [strToU8(JSON.stringify({ id: 'A', text: 'lorem ipsum '.repeat(500) })), { level: 9 }] });
    const dataAt = 30 + 'a.json'.length;
    for (let i = dataAt + 2; i < dataAt + 40; i++) bytes[i] ^= 0x5a;
    expect(() => read(bytes)).toThrow(/^entry a\.json: (corrupt compressed data|inflates to|CRC-32 mismatch)/);
  });

  it('rejects what is not a complete zip archive', () => {
    const bytes = zipSync({ 'a.json': strToU8('{}'), 'b.json': strToU8('{}') });
    expect(() => read(strToU8('<html>Not Found</html>'))).toThrow(/not a zip archive/);
    expect(() => read(new Uint8Array())).toThrow(/not a zip archive/);
    expect(() => read(bytes.subarray(0, bytes.length - 10))).toThrow(/not a zip archive/);
    expect(() => read(bytes.subarray(40))).toThrow(/not a valid zip archive|local header missing/);
  });

  it('refuses encrypted entries and unknown compression', () => {
    const encrypted = zipSync({ 'a.json': [strToU8('{}'), { level: 0 }] });
    const central = Buffer.from(encrypted).indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    encrypted[central + 8] |= 1;
    expect(() => read(encrypted)).toThrow('entry a.json: encrypted');
    const bzip = zipSync({ 'a.json': [strToU8('{}'), { level: 0 }] });
    bzip[central + 10] = 12;
    expect(() => read(bzip)).toThrow('entry a.json: unsupported compression method 12');
  });

  it('refuses an entry whose declared size is absurd', () => {
    const bytes = zipSync({ 'a.json': [strToU8('{}'), { level: 0 }] });
    const central = Buffer.from(bytes).indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).writeUInt32LE(0xfffffff0, central + 24);
    expect(() => read(bytes)).toThrow(/declared size over/);
  });
});
