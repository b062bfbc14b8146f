import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadOsvDirectory } from '../../../../src/analyzers/deps/osv/directory.js';
import { parseAdvisory } from '../../../../src/analyzers/deps/osv/types.js';
import { removeTree, tempTree } from '../../../helpers/temp-tree.js';
import { FIXTURES } from './helpers.js';

let roots: string[] = [];
afterEach(() => {
  roots.forEach(removeTree);
  roots = [];
});

function tree(files: Record<string, string>): string {
  const root = tempTree(files);
  roots.push(root);
  return root;
}

const advisory = (id: string, name: string, modified = '2024-01-01T00:00:00Z') =>
  JSON.stringify({ id, modified, affected: [{ package: { ecosystem: 'PyPI', name }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }] }] }] });

describe('loadOsvDirectory', () => {
  it('indexes every advisory by ecosystem and normalised name, and counts per ecosystem', () => {
    const { source, problems } = loadOsvDirectory(FIXTURES);
    expect(problems).toEqual([]);
    expect(source.description).toMatchObject({ kind: 'directory', location: FIXTURES, counts: { PyPI: 8, npm: 3 } });
    expect(
      source
        .lookup('PyPI', 'DEMO_pkg')
        .map((a) => a.id)
        .sort(),
    ).toEqual(['GHSA-9000-aaaa-bbbb', 'PYSEC-9000-1', 'PYSEC-9000-2', 'PYSEC-9000-5']);
    expect(source.lookup('npm', 'demo-pkg')).toEqual([]);
  });

  it('records malformed files as problems and loads the rest, from nested directories', () => {
    const root = tree({
      'good.json': advisory('PYSEC-1', 'pkg'),
      'nested/deeper/also-good.json': advisory('PYSEC-2', 'pkg'),
      'broken.json': '{"id": "PYSEC-3", ',
      'no-id.json': '{"affected": []}',
      'bad-event.json': JSON.stringify({ id: 'PYSEC-4', affected: [{ package: { ecosystem: 'PyPI', name: 'x' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0', fixed: '1' }] }] }] }),
      'list.json': '[]',
      'README.md': 'not an advisory, not a .json file',
    });
    const { source, problems } = loadOsvDirectory(root);
    expect(source.lookup('PyPI', 'pkg').map((a) => a.id)).toEqual(['PYSEC-1', 'PYSEC-2']);
    expect(problems.map((p) => p.file)).toEqual(['bad-event.json', 'broken.json', 'list.json', 'no-id.json']);
    expect(problems.find((p) => p.file === 'bad-event.json')!.message).toMatch(/exactly one of introduced/);
    expect(problems.find((p) => p.file === 'no-id.json')!.message).toBe('no "id" string');
  });

  it('keeps the later-modified record when two files carry one id', () => {
    const root = tree({
      'a.json': advisory('PYSEC-1', 'old-name', '2024-01-01T00:00:00Z'),
      'b.json': advisory('PYSEC-1', 'new-name', '2024-06-01T00:00:00Z'),
    });
    const { source } = loadOsvDirectory(root);
    expect(source.lookup('PyPI', 'old-name')).toEqual([]);
    expect(source.lookup('PyPI', 'new-name').map((a) => a.id)).toEqual(['PYSEC-1']);
  });

  it('throws when the directory does not exist', () => {
    expect(() => loadOsvDirectory(path.join(FIXTURES, 'missing'))).toThrow(/ENOENT/);
  });

  it('does not follow a symlink out of the directory', () => {
    const outside = tree({ 'x.json': advisory('PYSEC-9', 'pkg') });
    const root = tree({});
    fs.symlinkSync(outside, path.join(root, 'link'));
    expect(loadOsvDirectory(root).source.lookup('PyPI', 'pkg')).toEqual([]);
  });
});

describe('parseAdvisory', () => {
  it('rejects wrongly typed fields the matcher reads', () => {
    expect(() => parseAdvisory({ id: 'X', aliases: 'CVE-1' })).toThrow(/aliases/);
    expect(() => parseAdvisory({ id: 'X', affected: [{ package: { ecosystem: 'PyPI' } }] })).toThrow(/package/);
    expect(() => parseAdvisory({ id: 'X', affected: [{ versions: [1] }] })).toThrow(/versions/);
    expect(() => parseAdvisory({ id: 'X', severity: [{ type: 'CVSS_V3' }] })).toThrow(/severity/);
    expect(() => parseAdvisory({ id: 'X', affected: [{ ranges: [{ type: 'SEMVER', events: [{ introduced: 0 }] }] }] })).toThrow(/events\[0\]/);
    expect(parseAdvisory({ id: 'X', unknown: { kept: true } })).toEqual({ id: 'X', unknown: { kept: true } });
  });
});
