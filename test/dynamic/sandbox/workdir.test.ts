import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createWorkDir, removeWorkDir } from '../../../src/dynamic/sandbox/workdir.js';

async function gone(dir: string): Promise<boolean> {
  for (let i = 0; i < 100 && fs.existsSync(dir); i++) await new Promise((r) => setTimeout(r, 50));
  return !fs.existsSync(dir);
}

describe('run directories a killed pipewarden left behind', () => {
  it('are named after their pipewarden, and the next one removes those whose pipewarden is gone', async () => {
    const exited = spawnSync('true').pid;
    const abandoned = fs.mkdtempSync(path.join(os.tmpdir(), `pipewarden-sandbox-${exited}-`));
    fs.mkdirSync(path.join(abandoned, 'work'));
    fs.writeFileSync(path.join(abandoned, 'work', 'output.csv'), 'left behind\n');
    // a pipewarden that still runs (this one) keeps its directories
    const running = fs.mkdtempSync(path.join(os.tmpdir(), `pipewarden-sandbox-${process.pid}-`));
    try {
      const dirs = createWorkDir();
      expect(path.basename(dirs.root)).toMatch(new RegExp(`^pipewarden-sandbox-${process.pid}-`));
      removeWorkDir(dirs.root);
      expect(await gone(abandoned)).toBe(true);
      expect(await gone(dirs.root)).toBe(true);
      expect(fs.existsSync(running)).toBe(true);
    } finally {
      fs.rmSync(abandoned, { recursive: true, force: true });
      fs.rmSync(running, { recursive: true, force: true });
    }
  });
});
