import fs from 'node:fs';
import path from 'node:path';
import type { Pipeline } from '../../../src/dynamic/pipeline.js';
import { inputFormat, PIPELINE_DEFAULTS } from '../../../src/dynamic/pipeline.js';
import { tempTree } from '../../helpers/temp-tree.js';

/** A pipeline over a project directory, with short limits for tests. */
export function testPipeline(root: string, run: string, sample: string, extra: Partial<Pipeline> = {}): Pipeline {
  const samplePath = path.resolve(root, sample);
  if (!fs.existsSync(samplePath)) throw new Error(`missing sample ${samplePath}`);
  return { ...PIPELINE_DEFAULTS, root, run, sample: samplePath, format: inputFormat(samplePath), timeoutMs: 10_000, memoryBytes: 256 * 1024 ** 2, outputIsDir: false, ...extra };
}

/** A temporary project holding a copy of the files of a fixture directory (remove it with removeTree). */
export function fixtureProject(dir: string): string {
  const files = fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isFile());
  return tempTree(Object.fromEntries(files.map((e) => [e.name, fs.readFileSync(path.join(dir, e.name))])));
}
