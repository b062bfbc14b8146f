import { afterEach, describe, expect, it } from 'vitest';
import { parseCompose } from '../../src/analyzers/iac/compose/parse.js';
import { parseManifests } from '../../src/analyzers/iac/kubernetes/parse.js';
import { DEFAULT_DEPS_SETTINGS } from '../../src/analyzers/deps/settings.js';
import { collectInventory } from '../../src/inventory/collect.js';
import { parseWorkflow } from '../../src/analyzers/ci/github-actions/workflow.js';
import { commandsOf } from '../../src/analyzers/container/dockerfile/shell.js';
import { isGitlabCiFile, parsePipeline } from '../../src/analyzers/ci/gitlab-ci/pipeline.js';
import { composeImages, gitlabCiImages, kubernetesImages, shellImages, workflowImages } from '../../src/inventory/deployed-images.js';
import { helmValuesImages } from '../../src/analyzers/iac/helm-values/images.js';
import { exampleNotebook } from '../../src/analyzers/notebook/example-notebook.js';
import { renderCycloneDx } from '../../src/report/cyclonedx.js';
import { removeTree, tempTree } from '../helpers/temp-tree.js';

const COMPOSE = `x-airflow: &airflow
  image: apache/airflow:\${AIRFLOW_VERSION:-2.10.3}
services:
  scheduler:
    <<: *airflow
    command: scheduler
  warehouse:
    image: postgres:11-alpine
  app:
    build: .
  mirror:
    image: \${REGISTRY}/tools/mirror:1.2
  loader:
    image: ghcr.io/acme/loader:\${LOADER_TAG:?set it in .env}
`;

const MANIFESTS = `apiVersion: batch/v1
kind: CronJob
metadata:
  name: nightly
spec:
  schedule: "0 2 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          initContainers:
            - name: fetch
              image: curlimages/curl:8.10.1
          containers:
            - name: load
              image: ghcr.io/acme/loader@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
---
apiVersion: argoproj.io/v1alpha1
kind: Workflow
metadata:
  generateName: etl-
spec:
  templates:
    - name: clean
      script:
        image: python:3.8-slim
        source: print(1)
    - name: dynamic
      container:
        image: "{{inputs.parameters.image}}"
`;

const WORKFLOW = `on: push
jobs:
  test:
    runs-on: ubuntu-latest
    container: python:3.8-slim
    services:
      warehouse:
        image: postgres:11
      cache: {}
    steps:
      - uses: actions/checkout@v4
      - name: Lint SQL
        uses: docker://sqlfluff/sqlfluff:3.2.5
  matrix:
    runs-on: ubuntu-latest
    container:
      image: python:\${{ matrix.python }}
      credentials: { username: ci }
    steps:
      - run: pytest
`;

describe('images that Compose services and Kubernetes workloads run', () => {
  it('lists each Compose service image with its line and service, merged blocks and variable defaults applied', () => {
    const images = composeImages(parseCompose(COMPOSE), 'docker-compose.yml');
    expect(images).toEqual([
      // The image comes from the x-airflow block through `<<`, and is placed where that block writes it.
      { name: 'apache/airflow', tag: '2.10.3', file: 'docker-compose.yml', line: 2, workload: 'compose service scheduler' },
      { name: 'postgres', tag: '11-alpine', file: 'docker-compose.yml', line: 8, workload: 'compose service warehouse' },
      { name: '${REGISTRY}/tools/mirror', tag: '1.2', file: 'docker-compose.yml', line: 12, workload: 'compose service mirror', unresolvedArgs: ['REGISTRY'] },
      { name: 'ghcr.io/acme/loader', tag: '${LOADER_TAG:?set it in .env}', file: 'docker-compose.yml', line: 14, workload: 'compose service loader', unresolvedArgs: ['LOADER_TAG'] },
    ]);
  });

  it('lists every container of every workload kind and Argo Workflow steps, but not an Argo parameter', () => {
    const images = kubernetesImages(parseManifests(MANIFESTS), 'k8s/etl.yaml');
    expect(images.map((i) => [i.name, i.tag ?? i.digest, i.line, i.workload])).toEqual([
      ['curlimages/curl', '8.10.1', 13, 'CronJob nightly, container fetch'],
      ['ghcr.io/acme/loader', 'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', 16, 'CronJob nightly, container load'],
      ['python', '3.8-slim', 26, 'Workflow etl-, container clean'],
    ]);
  });
});

describe('images GitHub Actions jobs run', () => {
  it('lists job containers in both forms, services and docker:// steps, keeping an expression as written and unresolved', () => {
    const images = workflowImages(parseWorkflow(WORKFLOW), '.github/workflows/ci.yml');
    expect(images.map((i) => [i.name, i.tag, i.line, i.workload, i.unresolvedArgs])).toEqual([
      ['python', '3.8-slim', 5, 'GitHub Actions job test, container', undefined],
      ['postgres', '11', 8, 'GitHub Actions job test, service warehouse', undefined],
      ['sqlfluff/sqlfluff', '3.2.5', 13, 'GitHub Actions job test, step "Lint SQL"', undefined],
      ['python', '${{ matrix.python }}', 17, 'GitHub Actions job matrix, container', ['${{ matrix.python }}']],
    ]);
  });
});

const GITLAB_CI = `spec:
  inputs:
    stage:
      default: test
---
variables:
  PYTHON_IMAGE: python:3.8-slim
image: \${PYTHON_IMAGE}
default:
  services:
    - postgres:11
.dbt:
  image:
    name: ghcr.io/dbt-labs/dbt-postgres:1.8.2
    entrypoint: [""]
test:
  variables:
    PYTHON_IMAGE: python:3.12-slim
  image: $PYTHON_IMAGE
  services:
    - name: redis:7.4
      alias: cache
  script: [pytest]
build:
  image: $CI_REGISTRY_IMAGE/builder:latest
  script: [make]
scan:
  variables:
    SCANNER: $SCANNER_REGISTRY/scanner
    SCANNER_REGISTRY: registry.example.com/sec
  image: $SCANNER:$[[ inputs.scanner_version ]]
  script: [scan]
`;

const RUN_WORKFLOW = `on: push
env:
  REGISTRY: ghcr.io/acme
jobs:
  load:
    runs-on: ubuntu-latest
    env:
      TAG: "2.1"
    steps:
      - name: Load
        env:
          DBT: \${{ vars.DBT_IMAGE }}
        run: |
          docker pull $REGISTRY/etl:$TAG
          docker run --rm -v "$(pwd)":/w $REGISTRY/etl:$TAG load
          ID=$(docker run -d postgres:\${{ matrix.pg }})
          docker run --rm "$DBT" run
      - shell: pwsh
        run: docker run --rm mcr.microsoft.com/powershell:7.4
`;

describe('images GitHub Actions run: scripts start', () => {
  it('lists each docker run of a bash or sh step, also inside $(…), on its line, variables taken from the step’s env', () => {
    const images = workflowImages(parseWorkflow(RUN_WORKFLOW), '.github/workflows/load.yml');
    expect(images.map((i) => [i.name, i.tag, i.line, i.workload, i.unresolvedArgs])).toEqual([
      ['ghcr.io/acme/etl', '2.1', 15, 'GitHub Actions job load, step "Load", docker run', undefined],
      ['postgres', '${{ matrix.pg }}', 16, 'GitHub Actions job load, step "Load", docker run', ['${{ matrix.pg }}']],
      ['${{ vars.DBT_IMAGE }}', undefined, 17, 'GitHub Actions job load, step "Load", docker run', ['${{ vars.DBT_IMAGE }}']],
    ]);
  });
});

describe('images GitLab CI jobs run', () => {
  it('lists the default and each job’s image and services, variables substituted from the file and the job, after a component spec header', () => {
    const parsed = parsePipeline(GITLAB_CI);
    expect(parsed.problems).toEqual([]);
    expect(gitlabCiImages(parsed, '.gitlab-ci.yml').map((i) => [i.name, i.tag, i.line, i.workload, i.unresolvedArgs])).toEqual([
      ['python', '3.8-slim', 8, 'GitLab CI default image', undefined],
      ['postgres', '11', 11, 'GitLab CI default service', undefined],
      ['ghcr.io/dbt-labs/dbt-postgres', '1.8.2', 14, 'GitLab CI job .dbt image', undefined],
      ['python', '3.12-slim', 19, 'GitLab CI job test image', undefined],
      ['redis', '7.4', 21, 'GitLab CI job test service', undefined],
      ['$CI_REGISTRY_IMAGE/builder', 'latest', 25, 'GitLab CI job build image', ['CI_REGISTRY_IMAGE']],
      ['registry.example.com/sec/scanner', '$[[ inputs.scanner_version ]]', 31, 'GitLab CI job scan image', ['inputs.scanner_version']],
    ]);
  });

  it('lists each docker run of a job’s, the default’s and the top level’s scripts on its line, GitLab variables substituted', () => {
    const parsed = parsePipeline(`variables:
  TAG: "1.4"
before_script:
  - docker run --rm alpine:3.19 true
default:
  after_script: [docker run --rm busybox:1.36 true]
load:
  variables:
    APP: $CI_REGISTRY_IMAGE/app
  script:
    - echo start
    - >
      docker run --rm -e MODE=full
      $APP:$TAG load
`);
    expect(gitlabCiImages(parsed, '.gitlab-ci.yml').map((i) => [i.name, i.tag, i.line, i.workload, i.unresolvedArgs])).toEqual([
      ['alpine', '3.19', 4, 'GitLab CI default script, docker run', undefined],
      ['busybox', '1.36', 6, 'GitLab CI default script, docker run', undefined],
      ['$CI_REGISTRY_IMAGE/app', '1.4', 14, 'GitLab CI job load script, docker run', ['CI_REGISTRY_IMAGE']],
    ]);
  });

  it('lists a template’s image once for each value the variables of the jobs extending it give, the default once for the jobs inheriting it', () => {
    const parsed = parsePipeline(`variables:
  PY: "3.12"
default:
  image: python:$PY-slim
.train:
  image:
    name: pytorch/pytorch:$TORCH
    entrypoint: [""]
  script:
    - docker run --rm redis:$REDIS true
train-old:
  extends: .train
  variables: { TORCH: 1.4-cuda10.1-cudnn7-runtime, REDIS: "5.0" }
train-new:
  extends: [.train]
  variables: { TORCH: 2.3.0-cuda12.1-cudnn8-runtime, REDIS: "7.4" }
  image:
    entrypoint: ["/bin/sh"]
lint: { script: [ruff .] }
test:
  variables: { PY: "3.7" }
  script: [pytest]
bare:
  inherit: { default: false }
  script: [make]
.unused:
  image: postgres:$PG
`);
    expect(parsed.problems).toEqual([]);
    expect(gitlabCiImages(parsed, '.gitlab-ci.yml').map((i) => [i.name, i.tag, i.line, i.workload, i.unresolvedArgs])).toEqual([
      ['python', '3.12-slim', 4, 'GitLab CI default image', undefined],
      ['python', '3.7-slim', 4, 'GitLab CI default image', undefined],
      ['pytorch/pytorch', '1.4-cuda10.1-cudnn7-runtime', 7, 'GitLab CI job .train image', undefined],
      ['pytorch/pytorch', '2.3.0-cuda12.1-cudnn8-runtime', 7, 'GitLab CI job .train image', undefined],
      ['redis', '5.0', 10, 'GitLab CI job .train script, docker run', undefined],
      ['redis', '7.4', 10, 'GitLab CI job .train script, docker run', undefined],
      ['postgres', '$PG', 27, 'GitLab CI job .unused image', ['PG']],
    ]);
  });

  it('follows !reference tags to the image, services and variables they name', () => {
    const parsed = parsePipeline(`.shared:
  image: node:$NODE
  services: [mongo:4.4]
.versions:
  variables:
    NODE: "14"
etl:
  image: !reference [.shared, image]
  services: !reference [.shared, services]
  variables: !reference [.versions, variables]
  script: [npm start]
`);
    expect(gitlabCiImages(parsed, '.gitlab-ci.yml').map((i) => [i.name, i.tag, i.line, i.workload])).toEqual([
      ['node', '$NODE', 2, 'GitLab CI job .shared image'],
      ['node', '14', 2, 'GitLab CI job .shared image'],
      ['mongo', '4.4', 3, 'GitLab CI job .shared service'],
    ]);
  });

  it('knows GitLab CI files by name', () => {
    expect(['.gitlab-ci.yml', 'ci/python.gitlab-ci.yaml', '.gitlab/ci/build.yml', 'gitlab-ci.yml'].every(isGitlabCiFile)).toBe(true);
    expect(['gitlab.yml', '.github/workflows/ci.yml', 'my-gitlab-ci-notes.md'].some(isGitlabCiFile)).toBe(false);
  });
});

describe('images shell scripts start', () => {
  it('lists the image of each docker run with its line, a variable default applied, another variable unresolved', () => {
    const script = '#!/bin/bash\nset -e\nsudo docker run --rm \\\n  -v "$PWD:/w" ghcr.io/acme/etl:${TAG:-2.1} python -m etl\npodman run -it "$IMAGE"\necho docker run fake:1\n';
    expect(shellImages(script, commandsOf(script), 'jobs/nightly.sh').map((i) => [i.name, i.tag, i.line, i.workload, i.unresolvedArgs])).toEqual([
      ['ghcr.io/acme/etl', '2.1', 4, 'docker run', undefined],
      ['$IMAGE', undefined, 5, 'docker run', ['IMAGE']],
    ]);
  });
});

describe('images a Helm chart deploys by default', () => {
  const VALUES = `global:
  imageRegistry: ""
image:
  registry: docker.io
  repository: bitnami/postgresql
  tag: 11.22.0-debian-11-r4
metrics:
  enabled: true
  image:
    repository: prometheuscommunity/postgres-exporter
    tag: 0.15
sidecar:
  image:
    repository: "{{ .Values.global.sidecar }}"
    tag: 1.0
app:
  image:
    repository: ghcr.io/acme/loader
    digest: sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
  command: ["load"]
`;

  it('lists each image map with a repository under its key path, registry, tag and digest put together', () => {
    const { images, problems } = helmValuesImages(VALUES, 'charts/warehouse/values.yaml');
    expect(problems).toEqual([]);
    expect(images.map((i) => [i.name, i.tag ?? i.digest, i.line, i.workload])).toEqual([
      ['docker.io/bitnami/postgresql', '11.22.0-debian-11-r4', 4, 'Helm values image'],
      ['prometheuscommunity/postgres-exporter', '0.15', 10, 'Helm values metrics.image'],
      ['ghcr.io/acme/loader', 'sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef', 18, 'Helm values app.image'],
    ]);
  });

  it('reports a values file that is not YAML as a problem, and reads an alias bomb without expanding it', () => {
    expect(helmValuesImages('image:\n  repository: [unclosed\n', 'values.yaml').problems).toEqual([expect.stringMatching(/^invalid YAML at line 3/)]);
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', ...Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(', ')}]`), 'image: {repository: redis, tag: "7.4"}'].join('\n');
    expect(helmValuesImages(bomb, 'values.yaml').images.map((i) => `${i.name}:${i.tag}`)).toEqual(['redis:7.4']);
  });
});

describe('the inventory and SBOM with deployed images', () => {
  let root: string | undefined;
  afterEach(() => {
    if (root) removeTree(root);
    root = undefined;
  });

  it('puts Compose and Kubernetes images beside base images, says what runs them, and reports a broken Compose file as an error of that file', async () => {
    root = tempTree({
      Dockerfile: 'FROM python:3.12-slim\n',
      'docker-compose.yml': COMPOSE,
      'k8s/etl.yaml': MANIFESTS,
      'ops/compose.prod.yaml': 'services:\n  db: [unclosed\n',
      'dags/etl.py': 'from airflow.providers.docker.operators.docker import DockerOperator\n\nDockerOperator(task_id="load", image="ghcr.io/acme/loader:2.1")\n',
      'pipeline/convert.py': [
        'import docker, os, subprocess',
        'IMAGE = "acme/convert:1.4"',
        'docker.from_env().containers.run(IMAGE, "convert /in")',
        'subprocess.run(["docker", "run", "--rm", "python:3.8-slim", "python", "-V"])',
        'os.system("podman run --rm busybox:1.36 true")',
        'subprocess.run(["docker", "run", os.environ["IMAGE"]])',
        'os.system("docker run --rm ghcr.io/acme/score:${SCORE_TAG} /in")',
        'os.system(f"docker run --rm {image} /in")',
        '',
      ].join('\n'),
      'Jenkinsfile': "pipeline {\n  agent { docker { image 'maven:3.9' } }\n  stages { stage('b') { steps { sh 'mvn -B package' } } }\n}\n",
      'charts/cache/values.yaml': 'image:\n  repository: redis\n  tag: 7.4.1\n',
      '.github/workflows/ci.yml': WORKFLOW,
      'jobs/nightly.sh': '#!/bin/sh\ndocker run --rm ghcr.io/acme/etl:2.1\n',
      'notebooks/convert.ipynb': exampleNotebook(['import os\n', '!docker run --rm acme/featurize:1.2\n']),
      '.circleci/config.yml': 'version: 2.1\njobs:\n  test:\n    docker:\n      - image: cimg/python:3.7\n    steps:\n      - run: pytest\n',
      'bitbucket-pipelines.yml': 'image: node:16\npipelines:\n  default:\n    - step:\n        script: [npm test]\n',
      '.gitlab-ci.yml': 'test:\n  image: python:3.8-slim\n  script: [pytest]\n',
    });
    const collected = await collectInventory(root, { maxFileSize: 5_000_000, exclude: [], deps: { ...DEFAULT_DEPS_SETTINGS, offline: true } });
    expect(collected.images.map((i) => `${i.file}:${i.line} ${i.name}`).sort()).toEqual([
      '.circleci/config.yml:5 cimg/python',
      '.github/workflows/ci.yml:13 sqlfluff/sqlfluff',
      '.github/workflows/ci.yml:17 python',
      '.github/workflows/ci.yml:5 python',
      '.github/workflows/ci.yml:8 postgres',
      '.gitlab-ci.yml:2 python',
      'Dockerfile:1 python',
      'Jenkinsfile:2 maven',
      'bitbucket-pipelines.yml:1 node',
      'charts/cache/values.yaml:2 redis',
      'dags/etl.py:3 ghcr.io/acme/loader',
      'docker-compose.yml:12 ${REGISTRY}/tools/mirror',
      'docker-compose.yml:14 ghcr.io/acme/loader',
      'docker-compose.yml:2 apache/airflow',
      'docker-compose.yml:8 postgres',
      'jobs/nightly.sh:2 ghcr.io/acme/etl',
      'k8s/etl.yaml:13 curlimages/curl',
      'k8s/etl.yaml:16 ghcr.io/acme/loader',
      'k8s/etl.yaml:26 python',
      'notebooks/convert.ipynb:16 acme/featurize',
      'pipeline/convert.py:3 acme/convert',
      'pipeline/convert.py:4 python',
      'pipeline/convert.py:5 busybox',
      'pipeline/convert.py:7 ghcr.io/acme/score',
    ]);
    expect(collected.errors).toEqual([{ file: 'ops/compose.prod.yaml', message: expect.stringMatching(/^invalid YAML at line 3/) }]);
    const bom = JSON.parse(renderCycloneDx({ inventory: collected.built.inventory, images: collected.images, services: collected.services, root, toolVersion: '0.0.0', timestamp: '2026-11-25T12:00:00Z' })) as {
      components: Array<{ 'bom-ref': string; properties?: Array<{ name: string; value: string }> }>;
    };
    expect(collected.images.find((i) => i.file === 'dags/etl.py')?.workload).toBe('Airflow task load (DockerOperator)');
    expect(collected.images.filter((i) => i.file === 'pipeline/convert.py').map((i) => i.workload)).toEqual([
      'Python docker.from_env().containers.run',
      'Python subprocess.run docker run',
      'Python os.system docker run',
      'Python os.system docker run',
    ]);
    expect(collected.images.find((i) => i.name === 'ghcr.io/acme/score')?.unresolvedArgs).toEqual(['SCORE_TAG']);
    expect(collected.images.find((i) => i.file === 'Jenkinsfile')?.workload).toBe('Jenkins agent');
    expect(collected.images.find((i) => i.file === 'notebooks/convert.ipynb')?.workload).toBe('Notebook shell docker run');
    expect(bom.components.find((c) => c['bom-ref'] === 'pkg:docker/postgres@11-alpine')?.properties).toEqual([
      { name: 'pipewarden:location', value: 'docker-compose.yml:8' },
      { name: 'pipewarden:workload', value: 'compose service warehouse' },
    ]);
  });
});
