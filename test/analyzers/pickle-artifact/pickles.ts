import { spawnSync } from 'node:child_process';

/**
 * Builds pickles with the real CPython pickler, so the walker is tested on what Python writes.
 * The scripts only ever dump; nothing here loads a pickle. Returns undefined when python3 is missing.
 */
export function pythonPickles(script: string): Record<string, Buffer> | undefined {
  const prelude = 'import pickle, sys, json, base64, collections, os\nout = {}\n';
  const epilogue = '\nsys.stdout.write(json.dumps({k: base64.b64encode(v).decode() for k, v in out.items()}))\n';
  const run = spawnSync('python3', ['-c', prelude + script + epilogue], { encoding: 'utf8' });
  if (run.error) return undefined;
  if (run.status !== 0) throw new Error(`python3 failed: ${run.stderr}`);
  const encoded = JSON.parse(run.stdout) as Record<string, string>;
  return Object.fromEntries(Object.entries(encoded).map(([k, v]) => [k, Buffer.from(v, 'base64')]));
}

export const HAS_PYTHON = spawnSync('python3', ['--version']).status === 0;
