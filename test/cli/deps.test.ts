import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO, runCli } from '../helpers/cli.js';
import { cycloneDxValidator } from '../helpers/cyclonedx-schema.js';
import { removeTree, tempTree } from '../helpers/temp-tree.js';

const SHARED_OSV = path.resolve(REPO, '..', 'shared', 'data', 'osv', 'PyPI');
const EXAMPLE = path.join(REPO, 'examples', 'feedback-pipeline');
const hasShared = fs.existsSync(SHARED_OSV);
if (!hasShared) console.warn(`skipping the real-advisory tests: ${SHARED_OSV} is absent`);

let roots: string[] = [];
afterEach(() => {
  roots.forEach(removeTree);
  roots = [];
});
const tree = (files: Record<string, string>) => {
  const root = tempTree(files);
  roots.push(root);
  return root;
};

interface JsonFinding {
  ruleId: string;
  severity: string;
  confidence: string;
  message: string;
  location: { file: string; startLine: number };
}

describe.skipIf(!hasShared)('dependencies against the real PyPI advisories', () => {
  it('finds PyYAML 5.3.1 → CVE-2020-14343 in the example pipeline, reachable through yaml.load', async () => {
    const res = await runCli(['assess', EXAMPLE, '--only', 'deps', '--osv-db', SHARED_OSV, '--format', 'json', '--no-history', '--no-cache']);
    expect(res.code).toBe(1);
    const findings = JSON.parse(res.stdout).findings as JsonFinding[];
    const pyyaml = findings.find((f) => f.message.includes('pyyaml 5.3.1') && f.message.includes('CVE-2020-14343'));
    expect(pyyaml).toBeDefined();
    expect(pyyaml!.message).toMatch(/GHSA-8q59-q68h-6hv4/);
    expect(pyyaml!.message).toMatch(/PYSEC-2021-142/);
    expect(pyyaml!.message).toMatch(/Fixed in 5\.4\./);
    expect(pyyaml!.message).toMatch(/Reachable: jobs\/config\.py:\d+ calls yaml\.load/);
    expect(pyyaml!.confidence).toBe('high');
    expect(pyyaml!.location).toMatchObject({ file: 'requirements.txt' });
  });

  it('reports nothing for fixed versions', async () => {
    const root = tree({ 'requirements.txt': 'PyYAML==6.0.1\nJinja2==3.1.4\nurllib3==2.2.2\n' });
    const res = await runCli(['assess', root, '--only', 'deps', '--osv-db', SHARED_OSV, '--format', 'json', '--no-history']);
    expect(JSON.parse(res.stdout).findings.filter((f: JsonFinding) => f.ruleId === 'deps.vulnerable-package')).toEqual([]);
    expect(res.code).toBe(0);
  });
});

describe('dependency assessment', () => {
  it('turns a malformed lockfile into a scan error for that file and assesses the rest', async () => {
    const root = tree({
      'poetry.lock': '[[package]]\nname = "pyyaml"\nversion = \n',
      'tools/requirements.txt': 'pandas>=1.5\n',
      'jobs/load.py': 'import pickle\npickle.loads(b)\n',
    });
    const res = await runCli(['assess', root, '--format', 'json', '--no-history', '--offline']);
    const report = JSON.parse(res.stdout);
    expect(report.errors).toEqual([{ file: 'poetry.lock', analyzer: 'deps-files', message: expect.stringMatching(/cannot parse poetry\.lock/) }]);
    expect(report.findings.map((f: JsonFinding) => f.ruleId).sort()).toEqual(['deps.unpinned-requirement', 'py.deserialization.pickle']);
  });

  it('leaves out one requirement that does not read, as a scan error, and assesses the others of its file', async () => {
    const root = tree({ 'requirements.txt': 'pandas>=1.5\nnumpy >= = 1\nrequests\n' });
    const res = await runCli(['assess', root, '--only', 'deps', '--format', 'json', '--no-history', '--offline']);
    const report = JSON.parse(res.stdout);
    expect(report.errors).toEqual([
      {
        file: 'requirements.txt',
        analyzer: 'deps-files',
        message: 'cannot parse requirements.txt (line 2): invalid requirement "numpy >= = 1": ">= = 1" is not a version specifier; that entry was left out, the others were read',
      },
    ]);
    expect(report.findings.map((f: JsonFinding) => [f.ruleId, f.location.startLine])).toEqual([
      ['deps.unpinned-requirement', 1],
      ['deps.unpinned-requirement', 3],
    ]);
  });

  it('says plainly when no advisory source is available, and carries on', async () => {
    const root = tree({ 'requirements.txt': 'PyYAML==5.3.1\n' });
    const res = await runCli(['assess', root, '--only', 'deps', '--offline', '--no-history'], { env: { XDG_CACHE_HOME: root } });
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/no advisory database .* and offline: dependencies were not checked for known vulnerabilities/);
  });

  it('honours an inline ignore on the manifest line', async () => {
    const root = tree({ 'requirements.txt': 'pandas>=1.5  # pipewarden: ignore[deps.unpinned-requirement] tracked in DATA-42\n' });
    const report = JSON.parse((await runCli(['assess', root, '--only', 'deps', '--offline', '--format', 'json', '--no-history'])).stdout);
    expect(report.findings).toEqual([]);
    expect(report.suppressed[0].suppression).toEqual({ kind: 'inline', reason: 'tracked in DATA-42' });
  });
});

describe('pipewarden inventory', () => {
  it('writes a CycloneDX 1.6 SBOM of the example that the official schema accepts', async () => {
    const res = await runCli(['inventory', EXAMPLE, '--format', 'cyclonedx', '--offline']);
    expect(res.code).toBe(0);
    const bom = JSON.parse(res.stdout);
    const validate = cycloneDxValidator();
    expect(validate(bom), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const purls = bom.components.map((c: { purl?: string }) => c.purl);
    expect(purls).toContain('pkg:pypi/pyyaml@5.3.1');
    expect(bom.components.some((c: { type: string }) => c.type === 'container')).toBe(true);
    expect(bom.services.length).toBeGreaterThan(0);
  });
});

describe('pipewarden db status', () => {
  it('explains how to create a missing database and exits 2', async () => {
    const root = tree({});
    const res = await runCli(['db', 'status', '--db', path.join(root, 'none.db')]);
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/db update/);
  });
});

describe('pipewarden inventory lineage', () => {
  it('maps the example DAG: Airflow tasks in order, and the jobs they run', async () => {
    const res = await runCli(['inventory', EXAMPLE, '--format', 'json', '--offline']);
    expect(res.code).toBe(0);
    const { lineage } = JSON.parse(res.stdout) as { lineage: { nodes: Array<{ id: string; type: string; label: string }>; edges: Array<{ from: string; to: string; type: string }> } };
    const tasks = lineage.nodes.filter((n) => n.type === 'task').map((n) => n.label);
    expect(tasks).toEqual(expect.arrayContaining(['download_export', 'clean_feedback', 'load_to_warehouse', 'publish_report']));
    expect(lineage.edges.filter((e) => e.type === 'precedes').length).toBeGreaterThanOrEqual(3);
    expect(lineage.edges.some((e) => e.type === 'reads')).toBe(true);
    expect(lineage.edges.some((e) => e.type === 'writes')).toBe(true);
  });

  it.each([
    ['mermaid', /^flowchart LR\n/],
    ['dot', /^digraph lineage \{/],
    ['openlineage', /^\{"eventTime":.*"schemaURL":"https:\/\/openlineage\.io\/spec\/2-0-2\/OpenLineage\.json#\/\$defs\/JobEvent"/],
  ])('prints the lineage as %s', async (format, shape) => {
    const res = await runCli(['inventory', EXAMPLE, '--format', format, '--offline']);
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(shape);
  });
});
