import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { findRelease, isPastEol, type Product } from '../../../src/analyzers/container/eol-images.js';
import { exampleNotebook } from '../../../src/analyzers/notebook/example-notebook.js';
import { REPO, runCli } from '../../helpers/cli.js';
import { removeTree, tempTree } from '../../helpers/temp-tree.js';

const FIXTURES = path.join(REPO, 'test', 'fixtures');
const read = (rel: string) => fs.readFileSync(path.join(FIXTURES, rel), 'utf8');

/** A temporary tree removed when the test ends. */
const tree = (files: Record<string, string>) => {
  const root = tempTree(files);
  onTestFinished(() => removeTree(root));
  return root;
};

interface JsonFinding {
  ruleId: string;
  message: string;
  location: { file: string; startLine: number };
}

const assess = (root: string, ...extra: string[]) =>
  runCli(['assess', root, '--only', 'iac,container', '--format', 'json', '--no-history', '--no-cache', '--offline', '-j', '1', ...extra]);

describe('pipewarden assess: Kubernetes, Dockerfiles and image rootfs', () => {
  it('passes a clean, well-configured tree with no findings', async () => {
    const names = ['deployment.yaml', 'cronjob.yaml', 'statefulset.yaml', 'rbac.yaml', 'helm-rendered.yaml', 'argo-list.yaml'];
    const root = tree({
      ...Object.fromEntries(names.map((n) => [`deploy/${n}`, read(`iac/kubernetes/safe/${n}`)])),
      Dockerfile: read('container/clean/Dockerfile'),
      'web/node.Dockerfile': read('container/clean/node.Dockerfile'),
    });
    const res = await assess(root);
    expect(res.stderr).not.toMatch(/error/i);
    const result = JSON.parse(res.stdout) as { findings: JsonFinding[]; errors: unknown[] };
    expect(result.errors).toEqual([]);
    // End of life is judged on today's date: the clean bases (Python 3.12 on Debian 12, Node 22 on
    // Alpine 3.22 and on distroless Debian 12) are clean until the first of them reaches its end.
    const bases: Array<[Product, string]> = [['python', '3.12'], ['debian', '12'], ['node', '22'], ['alpine', '3.22']];
    const supported = bases.every(([product, release]) => !isPastEol(findRelease(product, release)!, new Date()));
    const found = result.findings.map((f) => `${f.ruleId} ${f.location.file}:${f.location.startLine}`);
    expect(found.filter((f) => !f.startsWith('docker.eol-base-image '))).toEqual([]);
    if (supported) {
      expect(found).toEqual([]);
      expect(res.code).toBe(0);
    } else {
      expect(found.length).toBeGreaterThan(0);
    }
  });

  it('reports manifests, Dockerfiles and the image rootfs together, and a Helm template as a scan error of its file', async () => {
    const root = tree({
      'k8s/etl-job.yaml': read('iac/kubernetes/vulnerable/etl-job.yaml'),
      'k8s/rbac.yaml': read('iac/kubernetes/vulnerable/rbac.yaml'),
      'chart/templates/job.yaml': 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: {{ .Release.Name }}\n',
      Dockerfile: read('container/vulnerable/Dockerfile'),
      'legacy/Dockerfile': 'FROM python:3.7-slim-buster\nUSER 1000\n',
      'docker-compose.yml': 'services:\n  warehouse:\n    image: postgres:11\n    ports: ["127.0.0.1:5432:5432"]\n',
      'dags/score.py': 'from airflow.decorators import task\n\n@task.docker(image="node:16-alpine3.22")\ndef score():\n    return 1\n',
      '.circleci/config.yml': 'version: 2.1\njobs:\n  test:\n    docker:\n      - image: python:3.6\n    steps:\n      - run: pytest\n',
      'notebooks/convert.ipynb': exampleNotebook(['import os\n', '!docker run --rm -v $PWD:/w python:3.6-slim python /w/convert.py\n']),
      'charts/warehouse/values.yaml': 'primary:\n  image:\n    registry: docker.io\n    repository: bitnami/postgresql\n    tag: 11.22.0-debian-11-r4\n',
      '.gitlab-ci.yml': 'lint:\n  image:\n    name: node:16-alpine\n  script: [npm run lint]\n',
      'jobs/profile.sh': '#!/bin/sh\ndocker run --rm -v "$PWD:/w" python:3.7-alpine python /w/profile.py\n',
      '.github/workflows/test.yml': 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    container:\n      image: python:3.8-slim\n    steps:\n      - run: pytest\n',
    });
    const res = await assess(root, '--image-rootfs', path.join(FIXTURES, 'container/rootfs/debian'), '--osv-db', path.join(FIXTURES, 'container/osv'));
    expect(res.code).toBe(1);
    const result = JSON.parse(res.stdout) as { findings: JsonFinding[]; errors: Array<{ file: string; message: string }>; notices: string[] };
    const ids = new Set(result.findings.map((f) => f.ruleId));
    for (const id of ['k8s.secret-in-env', 'k8s.rbac.cluster-admin-binding', 'docker.root-user', 'docker.curl-pipe-shell', 'docker.eol-base-image', 'image.eol-os', 'image.vulnerable-package']) {
      expect(ids, id).toContain(id);
    }
    const eol = result.findings.filter((f) => f.ruleId === 'docker.eol-base-image').sort((a, b) => a.location.file.localeCompare(b.location.file));
    expect(eol.map((f) => [f.location.file, f.location.startLine, f.message])).toEqual([
      ['.circleci/config.yml', 5, 'Image python:3.6 of CircleCI job test image: Python 3.6 reached end of life on 2021-12-23'],
      ['.github/workflows/test.yml', 6, 'Image python:3.8-slim of GitHub Actions job test, container: Python 3.8 reached end of life on 2024-10-07'],
      ['.gitlab-ci.yml', 3, 'Image node:16-alpine of GitLab CI job lint image: Node.js 16 reached end of life on 2023-09-11'],
      ['charts/warehouse/values.yaml', 3, 'Image docker.io/bitnami/postgresql:11.22.0-debian-11-r4 of Helm values primary.image: PostgreSQL 11 reached end of life on 2023-11-09; Debian 11 (bullseye) reached end of life on 2026-08-31'],
      ['dags/score.py', 3, 'Image node:16-alpine3.22 of Airflow task score (@task): Node.js 16 reached end of life on 2023-09-11'],
      ['docker-compose.yml', 3, 'Image postgres:11 of compose service warehouse: PostgreSQL 11 reached end of life on 2023-11-09'],
      ['jobs/profile.sh', 2, 'Image python:3.7-alpine of docker run: Python 3.7 reached end of life on 2023-06-27'],
      ['legacy/Dockerfile', 1, 'Base image python:3.7-slim-buster: Python 3.7 reached end of life on 2023-06-27; Debian 10 (buster) reached end of life on 2024-06-30'],
      ['notebooks/convert.ipynb', 16, 'Image python:3.6-slim of Notebook shell docker run: Python 3.6 reached end of life on 2021-12-23'],
    ]);
    const vulnerable = result.findings.filter((f) => f.ruleId === 'image.vulnerable-package').map((f) => f.location.file);
    expect(vulnerable).toContain(path.relative(root, path.join(FIXTURES, 'container/rootfs/debian/var/lib/dpkg/status')));
    expect(result.errors).toEqual([{ file: 'chart/templates/job.yaml', analyzer: 'kubernetes', message: expect.stringMatching(/^unrendered Helm\/Go template/) }]);
    expect(result.notices.some((n) => n.includes('Debian GNU/Linux 10 (buster), 3 deb, 2 pypi'))).toBe(true);
  });

  it('rejects an --image-rootfs that is not a directory as a usage error', async () => {
    const res = await assess(tree({}), '--image-rootfs', path.join(REPO, 'no-such-rootfs'));
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('--image-rootfs: not a directory');
  });
});
