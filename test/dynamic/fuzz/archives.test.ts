import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fuzzPipeline } from '../../../src/dynamic/fuzz/engine.js';
import { removeTree } from '../../helpers/temp-tree.js';
import { PIPELINES, PYTHON } from '../sandbox/helpers.js';
import { fixtureProject, testPipeline } from './helpers.js';

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) removeTree(root);
});

const ARCHIVES = path.join(PIPELINES, 'archives');

/** A project holding every archive fixture, fuzzed with the bombs only. */
async function fuzzArchive(script: string, sample: string) {
  const root = fixtureProject(ARCHIVES);
  roots.push(root);
  const pipeline = testPipeline(root, `${PYTHON} ${script} {input} {output}`, sample);
  return fuzzPipeline(pipeline, { seed: 1, maxExecs: 10, timeMs: 180_000, families: ['compression-bomb'], concurrency: 2 });
}

/** The bombs some oracle caught (memory spike, hang, or a crash such as Python's own overlap check), by mutation id. */
const caught = (result: Awaited<ReturnType<typeof fuzzArchive>>): string[] =>
  [...new Set(result.failures.filter((f) => ['dyn.memory-spike', 'dyn.hang', 'dyn.crash'].includes(f.verdict.ruleId)).flatMap((f) => [f.mutation.id, ...f.alsoBy]))].sort();

describe('archive bombs in the real sandbox', () => {
  it('catch the reader that unpacks a zip into memory on trust, with each zip bomb', async () => {
    const result = await fuzzArchive('read_zip_naive.py', 'orders.zip');
    expect(result.baseline.output[0]!.bytes.toString()).toContain('3,carol,7.25');
    expect(caught(result)).toEqual(['compression-bomb/zip-bomb', 'compression-bomb/zip-many-members', 'compression-bomb/zip-overlapping-entries']);
  });

  it('leave the reader that checks member count, unpacked size and entries first alone', async () => {
    const result = await fuzzArchive('read_zip_checked.py', 'orders.zip');
    expect(result.execs).toBe(3);
    expect(result.failures.map((f) => `${f.verdict.ruleId}: ${f.verdict.message}`)).toEqual([]);
  });

  it('catch the naive tar reader with the gzip, sparse and many-member bombs', async () => {
    const result = await fuzzArchive('read_tar_naive.py', 'orders.tar.gz');
    expect(caught(result)).toEqual(['compression-bomb/tar-gzip-bomb', 'compression-bomb/tar-many-members', 'compression-bomb/tar-sparse-bomb']);
    const plain = await fuzzArchive('read_tar_naive.py', 'orders.tar');
    expect(caught(plain)).toEqual(['compression-bomb/tar-sparse-bomb']);
  });

  it('reach code that opens zips even where the sample is a plain CSV', async () => {
    const result = await fuzzArchive('sniff_zip_naive.py', 'orders.csv');
    expect(result.planned).toBe(3);
    expect(caught(result)).toEqual(['compression-bomb/zip-bomb', 'compression-bomb/zip-many-members', 'compression-bomb/zip-overlapping-entries']);
  });

  it('leave the tar reader that checks sizes (sparse members at full size) alone', async () => {
    for (const sample of ['orders.tar.gz', 'orders.tar']) {
      const result = await fuzzArchive('read_tar_checked.py', sample);
      expect(result.execs).toBe(sample === 'orders.tar' ? 1 : 3);
      expect(result.failures.map((f) => `${f.verdict.ruleId}: ${f.verdict.message}`)).toEqual([]);
    }
  });
});
