import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

/** A temp directory for one test file's data files, removed after its tests. */
export function tempDataDir(): (name: string, content: string | Buffer) => string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-data-'));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  return (name, content) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, content);
    return file;
  };
}
