import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { removeTree, tempTree } from '../helpers/temp-tree.js';

const NOBODY = 65534;
let root: string;

/**
 * A tree built to hurt a scanner: binary and undecodable files, a 50 MB file, a 1 MB line,
 * 100,000-deep brackets, a 4 MB generated literal of four million syntax nodes, symlink loops
 * and a link to /etc, a file nobody may read, a FIFO, a YAML alias bomb, YAML nested 30,000
 * deep and a YAML bomb posing as the config's neighbour.
 */
beforeAll(() => {
  root = tempTree({
    'jobs/ok.py': 'import pickle\nmodel = pickle.loads(blob)\n',
    'jobs/binary.py': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1, 2, 3, 0, 0]),
    'bin/convert': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0]),
    'jobs/invalid_utf8.py': Buffer.concat([Buffer.from('x = "'), Buffer.from([0xc3, 0x28, 0xa0, 0xa1]), Buffer.from('"\n')]),
    'jobs/long_line.py': `payload = "${'A'.repeat(1024 * 1024)}"\nimport pickle; pickle.loads(payload)\n`,
    'jobs/deep.py': `x = ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`,
    'jobs/deep_calls.py': `x = ${'f('.repeat(20_000)}${')'.repeat(20_000)}\n`,
    'jobs/unbalanced.py': `x = ${'('.repeat(50_000)}\n`,
    'jobs/generated_table.py': `TABLE = [${'1,'.repeat(2_000_000)}]\n`,
    'k8s/deep.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: deep\ndata: ${'['.repeat(30_000)}${']'.repeat(30_000)}\n`,
    'jobs/secret.py': 'import pickle\npickle.loads(b)\n',
    'k8s/bomb.yaml': yamlBomb(),
    'data/huge.csv': '',
  });
  fs.truncateSync(path.join(root, 'data/huge.csv'), 50 * 1024 * 1024);
  fs.writeFileSync(path.join(root, 'jobs/huge.py'), Buffer.alloc(50 * 1024 * 1024, 'x = 1\n'));
  fs.symlinkSync('/etc', path.join(root, 'etc'));
  fs.symlinkSync('/etc/passwd', path.join(root, 'jobs/passwd.py'));
  fs.symlinkSync('loop2', path.join(root, 'loop1'));
  fs.symlinkSync('loop1', path.join(root, 'loop2'));
  fs.symlinkSync('.', path.join(root, 'jobs/self'));
  fs.chmodSync(path.join(root, 'jobs/secret.py'), 0o000);
  // Reading a FIFO with no writer blocks forever: the walk must not open it.
  fs.mkdirSync(path.join(root, 'pipes'));
  execFileSync('mkfifo', [path.join(root, 'pipes/feed.py')]);
  // The run goes as an unprivileged user where possible, so "unreadable" really is unreadable.
  if (process.getuid?.() === 0) {
    for (const p of [root, ...walkDirs(root)]) fs.chmodSync(p, 0o777);
  }
});

afterAll(() => removeTree(root));

describe('assess on a hostile tree', () => {
  it('completes, reports what it skipped or could not analyse, and still finds the real finding', async () => {
    const asNobody = process.getuid?.() === 0 ? { uid: NOBODY, gid: NOBODY } : {};
    const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pipewarden-hostile-out-'));
    fs.chmodSync(outDir, 0o777);
    const out = path.join(outDir, 'report.json');
    const res = await runCli(['assess', root, '--format', 'json', '--output', out, '--fail-on', 'none', '--no-history', '--no-cache'], asNobody);
    expect(res.stderr).toBe('');
    expect(res.code).toBe(0);
    const report = JSON.parse(fs.readFileSync(out, 'utf8'));
    fs.rmSync(outDir, { recursive: true });

    const findingFiles = report.findings.map((f: { location: { file: string } }) => f.location.file).sort();
    expect(findingFiles).toEqual(['jobs/long_line.py', 'jobs/ok.py']);
    const longLine = report.findings.find((f: { location: { file: string } }) => f.location.file === 'jobs/long_line.py');
    expect(longLine.location.snippet.length).toBeLessThanOrEqual(201);

    const errors = Object.fromEntries(report.errors.map((e: { file: string; message: string }) => [e.file, e.message]));
    expect(errors['jobs/binary.py']).toMatch(/binary content/);
    // A binary file that no language claims is passed over, as secret scanners do, not an error.
    expect(errors['bin/convert']).toBeUndefined();
    expect(errors['jobs/invalid_utf8.py']).toMatch(/not valid UTF-8/);
    expect(errors['jobs/unbalanced.py']).toMatch(/syntax error/);
    // Copying this tree would exhaust the thread's heap inside the parser binding, which aborts the process.
    expect(errors['jobs/generated_table.py']).toMatch(/^the file has 4,000,00\d syntax nodes, more than the 750,000 one analysis holds in memory/);
    expect(errors['k8s/deep.yaml']).toBe('invalid YAML at line 5, column 3283: nested too deeply to parse');
    if (process.getuid?.() === 0) expect(errors['jobs/secret.py']).toMatch(/cannot read file \(EACCES\)/);

    const skipped = Object.fromEntries(report.skipped.map((s: { file: string; reason: string }) => [s.file, s.reason]));
    expect(skipped['jobs/huge.py']).toMatch(/larger than the size limit/);
    expect(skipped['data/huge.csv']).toMatch(/larger than the size limit/);
    expect(skipped['etc']).toMatch(/outside the scanned root/);
    expect(skipped['jobs/passwd.py']).toMatch(/outside the scanned root/);
    expect(skipped['loop1']).toMatch(/looping symlink/);
    expect(skipped['pipes/feed.py']).toMatch(/not a regular file/);

    // Deep nesting parses or fails cleanly: either way it is not a crash of the run.
    for (const file of ['jobs/deep.py', 'jobs/deep_calls.py']) {
      if (errors[file]) expect(errors[file]).not.toMatch(/analysis failed: .*Maximum call stack/);
    }
  });
});

function yamlBomb(): string {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 10; i++) {
    const prev = String.fromCharCode(96 + i);
    const name = String.fromCharCode(97 + i);
    lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
  }
  return `apiVersion: v1\nkind: ConfigMap\n${lines.join('\n')}\n`;
}

function walkDirs(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .flatMap((e) => [path.join(dir, e.name), ...walkDirs(path.join(dir, e.name))]);
}
