import fs from 'node:fs';
import path from 'node:path';
import { crc32, gunzipSync, inflateRawSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { archiveKind, firstMember } from '../../../src/dynamic/fuzz/archive-sample.js';
import { saveRepro } from '../../../src/dynamic/fuzz/engine.js';
import { generateMutations, type MutationOptions } from '../../../src/dynamic/fuzz/mutations.js';
import { loadSample } from '../../../src/dynamic/fuzz/sample.js';
import { staticHints } from '../../../src/dynamic/fuzz/static-hints.js';
import { archiveBombs } from '../../../src/dynamic/payloads/bombs.js';
import { deflateSegments } from '../../../src/dynamic/payloads/deflate-zeros.js';
import { inputFormat } from '../../../src/dynamic/pipeline.js';
import { removeTree, tempTree } from '../../helpers/temp-tree.js';
import { PIPELINES } from '../sandbox/helpers.js';

const MiB = 1024 ** 2;
const ARCHIVES = path.join(PIPELINES, 'archives');
const bomb = (kind: Parameters<typeof archiveBombs>[0], id: string, size = 4 * MiB) => archiveBombs(kind, 'orders.csv', size).find((b) => b.id === id)!.bytes;

describe('deflated runs of zeros', () => {
  it('inflates to exactly the segments given, with their CRC-32', () => {
    const head = Buffer.from('id,amount\n');
    const { data, crc, size } = deflateSegments([head, 3 * MiB + 17, Buffer.from('tail')]);
    const inflated = inflateRawSync(data);
    expect(size).toBe(head.length + 3 * MiB + 17 + 4);
    expect(inflated.length).toBe(size);
    expect(inflated.subarray(0, head.length).toString()).toBe('id,amount\n');
    expect(inflated.subarray(-4).toString()).toBe('tail');
    expect(crc).toBe(crc32(inflated));
  });
});

describe('archive bombs', () => {
  it('are valid zips whose members inflate to the size announced', () => {
    const single = unzipSync(bomb('zip', 'zip-bomb'));
    expect(Object.keys(single)).toEqual(['orders.csv']);
    expect(single['orders.csv']!.length).toBe(4 * MiB);
    const many = unzipSync(bomb('zip', 'zip-many-members'));
    expect(Object.keys(many)).toHaveLength(10_000);
    expect(Object.keys(many)[0]).toBe('orders-00001.csv');
    expect(firstMember(bomb('zip', 'zip-overlapping-entries'), 'zip')).toBe('orders.csv');
  });

  it('are valid tars, the gzip-compressed one inflating to the size announced', () => {
    const tar = gunzipSync(bomb('tar.gz', 'tar-gzip-bomb'));
    expect(tar.length).toBe(512 + 4 * MiB + 1024);
    expect(firstMember(tar, 'tar')).toBe('orders.csv');
    // ustar size field, octal
    expect(parseInt(tar.toString('latin1', 124, 135), 8)).toBe(4 * MiB);
    const sparse = bomb('tar', 'tar-sparse-bomb');
    expect(sparse.length).toBe(2048);
    expect(sparse.toString('latin1', 156, 157)).toBe('S');
    expect(parseInt(sparse.toString('latin1', 483, 494), 8)).toBe(4 * MiB);
  });

  it('stay small on disk at 1 GiB and come out byte for byte the same', () => {
    const first = archiveBombs('zip', 'orders.csv', 1024 * MiB);
    for (const b of [...first, ...archiveBombs('tar.gz', 'orders.csv', 1024 * MiB), ...archiveBombs('tar', 'orders.csv', 1024 * MiB)]) {
      expect(b.bytes.length, b.id).toBeLessThan(3 * MiB);
    }
    expect(archiveBombs('zip', 'orders.csv', 1024 * MiB).map((b) => b.bytes.equals(first.find((f) => f.id === b.id)!.bytes))).toEqual([true, true, true]);
  });
});

describe('archive samples', () => {
  it('tells archives by name and finds the member the pipeline reads', () => {
    expect(['a.zip', 'a.TAR', 'a.tar.gz', 'a.tgz', 'a.csv.gz', 'a.csv'].map(archiveKind)).toEqual(['zip', 'tar', 'tar.gz', 'tar.gz', undefined, undefined]);
    for (const name of ['orders.zip', 'orders.tar', 'orders.tar.gz']) {
      const file = path.join(ARCHIVES, name);
      const sample = loadSample(file, inputFormat(file));
      expect(sample.archives).toEqual([{ file: name, kind: archiveKind(name), member: 'export/orders.csv' }]);
    }
  });

  const options: MutationOptions = { seed: 1, redos: [], loadsPickles: false, memoryBytes: 4 * MiB, schema: [], families: ['compression-bomb'] };

  it('puts the bombs of the sample archive in its place, members named as in the sample', async () => {
    const file = path.join(ARCHIVES, 'orders.tar.gz');
    const mutations = await generateMutations(loadSample(file, inputFormat(file)), options);
    expect(mutations.map((m) => m.id).sort()).toEqual(['compression-bomb/tar-gzip-bomb', 'compression-bomb/tar-many-members', 'compression-bomb/tar-sparse-bomb']);
    for (const m of mutations) expect(m.probe.sample.fileName).toBe('orders.tar.gz');
    const gzip = mutations.find((m) => m.id.endsWith('tar-gzip-bomb'))!;
    expect(firstMember(gunzipSync(gzip.probe.raw!), 'tar')).toBe('export/orders.csv');
  });

  it('saves a bomb for reproduction under the double extension of the archive it replaces', async () => {
    const root = tempTree({});
    try {
      const file = path.join(ARCHIVES, 'orders.tar.gz');
      const [first] = await generateMutations(loadSample(file, inputFormat(file)), options);
      const saved = saveRepro(root, 'bomb', first!.probe);
      expect(saved).toBe('.pipewarden/repro/bomb.tar.gz');
      expect(fs.readFileSync(path.join(root, saved)).equals(first!.probe.raw!)).toBe(true);
    } finally {
      removeTree(root);
    }
  });

  it('sends bombs of the kinds the code opens: beside the data in a directory, in place of a single file', async () => {
    const root = tempTree({ 'job.py': 'import shutil, sys\nshutil.unpack_archive(sys.argv[1], "work")\n', 'in/orders.csv': 'id\n1\n', 'orders.csv': 'id\n1\n' });
    try {
      const hints = staticHints({ root, run: 'python3 job.py {input} {output}' });
      expect(hints.codeReadsArchives.sort()).toEqual(['tar', 'zip']);
      const inDir = await generateMutations(loadSample(path.join(root, 'in'), 'dir'), { ...options, readsArchives: hints.codeReadsArchives });
      expect(new Set(inDir.map((m) => m.probe.sample.fileName))).toEqual(new Set(['pipewarden-bomb.zip', 'pipewarden-bomb.tar.gz']));
      expect(inDir.find((m) => m.id === 'compression-bomb/zip-bomb')!.description).toContain('added to the input as pipewarden-bomb.zip');
      const single = await generateMutations(loadSample(path.join(root, 'orders.csv'), 'csv'), { ...options, readsArchives: ['zip'] });
      expect(single.map((m) => m.id).sort()).toEqual(['compression-bomb/zip-bomb', 'compression-bomb/zip-many-members', 'compression-bomb/zip-overlapping-entries']);
      expect(Object.keys(unzipSync(single.find((m) => m.id === 'compression-bomb/zip-bomb')!.probe.raw!))).toEqual(['orders.csv']);
      const none = await generateMutations(loadSample(path.join(root, 'orders.csv'), 'csv'), options);
      expect(none).toEqual([]);
    } finally {
      removeTree(root);
    }
  });
});
