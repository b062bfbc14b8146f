import { describe, expect, it } from 'vitest';
import { analyzeCiText } from '../analyze.js';
import { gitlabCiAnalyzer } from '../../../../src/analyzers/ci/gitlab-ci/index.js';

const analyzePipelineText = (code: string, file = '.gitlab-ci.yml') => analyzeCiText(gitlabCiAnalyzer, code, file);

describe('the GitLab CI analyzer', () => {
  it('runs the shell rules over default and job scripts, each line on its own line of the file', () => {
    const code = [
      'default:',
      '  before_script:',
      '    - curl -k https://mirror.example/pip.conf -o /etc/pip.conf',
      'test:',
      '  image: python:3.12',
      '  script:',
      '    - pip install -r requirements.txt',
      '    - - curl -s https://codecov.io/bash | bash',
      '  after_script: docker run --privileged acme/cleanup:1.0',
      '.template:',
      '  script: |',
      '    echo start',
      '    wget -qO- https://get.example.com/i.sh | sh',
    ].join('\n');
    const { findings, errors } = analyzePipelineText(code);
    expect(errors).toEqual([]);
    expect(findings.map((f) => [f.ruleId, f.location.startLine])).toEqual([
      ['sh.tls-verify-disabled', 3],
      ['sh.curl-pipe-shell', 8],
      ['sh.docker-run-host-access', 9],
      ['sh.curl-pipe-shell', 13],
    ]);
  });

  it('follows a file one script line downloads to a later line of the job, through cd within one shell, not into after_script', () => {
    const code = [
      'install:',
      '  before_script:',
      '    - wget -q https://repo.example.com/miniconda.sh -O miniconda.sh',
      '  script:',
      '    - bash miniconda.sh -b -p /opt/conda',
      '    - cd /opt/dl',
      '    - curl -fsSLO https://x.example/setup.sh',
      '  after_script:',
      '    - sh setup.sh',
      'deploy:',
      '  script:',
      '    - cd /opt/dl && curl -fsSLO https://x.example/setup.sh',
      '    - sh setup.sh',
    ].join('\n');
    const { findings } = analyzePipelineText(code);
    expect(findings.map((f) => [f.ruleId, f.location.startLine, f.message])).toEqual([
      ['sh.curl-pipe-shell', 5, 'miniconda.sh, downloaded by wget, is run by bash without verification'],
      ['sh.curl-pipe-shell', 13, 'setup.sh, downloaded by curl, is run by sh without verification'],
    ]);
  });

  it('runs a job as GitLab does: the lines of the jobs it extends and of default:, and those a !reference tag names, in one shell with its own', () => {
    const code = [
      'default:',
      '  before_script:',
      '    - curl -fsSL https://get.example.com/installer.sh -o /tmp/installer.sh',
      '.conda:',
      '  before_script:',
      '    - wget -q https://repo.example.com/miniconda.sh',
      '.snippets:',
      '  fetch:',
      '    - curl -sSL https://tools.example.com/lint.sh -o lint.sh',
      '    - curl -k https://mirror.example/ca.pem -o ca.pem',
      'setup-env:',
      '  script:',
      '    - bash /tmp/installer.sh',
      'train:',
      '  extends: .conda',
      '  script:',
      '    - bash miniconda.sh -b',
      'evaluate:',
      '  extends: [.conda]',
      '  script: [bash miniconda.sh -b -u]',
      'lint:',
      '  script:',
      '    - !reference [.snippets, fetch]',
      '    - sh lint.sh',
      'quiet:',
      '  inherit:',
      '    default: false',
      '  script: [bash /tmp/installer.sh]',
      '.nightly:',
      '  before_script: [curl -fsSLO https://get.example.com/report.sh]',
      '  script: [sh report.sh]',
      'nightly-a: { extends: .nightly }',
      'nightly-b: { extends: .nightly }',
    ].join('\n');
    const { findings, errors } = analyzePipelineText(code);
    expect(errors).toEqual([]);
    expect(findings.map((f) => [f.ruleId, f.location.startLine, f.message])).toEqual([
      ['sh.tls-verify-disabled', 10, 'curl -k turns off certificate verification'],
      ['sh.curl-pipe-shell', 13, '/tmp/installer.sh, downloaded by curl, is run by bash without verification'],
      ['sh.curl-pipe-shell', 17, 'miniconda.sh, downloaded by wget, is run by bash without verification'],
      ['sh.curl-pipe-shell', 20, 'miniconda.sh, downloaded by wget, is run by bash without verification'],
      ['sh.curl-pipe-shell', 24, 'lint.sh, downloaded by curl, is run by sh without verification'],
      ['sh.curl-pipe-shell', 31, 'report.sh, downloaded by curl, is run by sh without verification'],
    ]);
  });

  it('follows no download into a job that sets its own before_script, or into a default it does not inherit', () => {
    const code = [
      'default:',
      '  before_script: [curl -fsSLO https://get.example.com/setup.sh]',
      '.base:',
      '  before_script: [wget -q https://repo.example.com/miniconda.sh]',
      'own:',
      '  extends: .base',
      '  before_script: [echo ready]',
      '  script: [bash miniconda.sh -b, sh setup.sh]',
      'picky:',
      '  inherit:',
      '    default: [image, services]',
      '  script: [sh setup.sh]',
    ].join('\n');
    expect(analyzePipelineText(code).findings).toEqual([]);
  });

  it('places a finding on the repeated option it concerns, reads the hooks script, and a file classified as a manifest', () => {
    const code = [
      'scan:',
      '  hooks:',
      '    pre_get_sources_script:',
      '      - curl -k https://mirror.example/ca.pem -o ca.pem',
      '  script:',
      '    - |',
      '      docker run --rm \\',
      '        --volume "$PWD":/code \\',
      '        --volume /var/run/docker.sock:/var/run/docker.sock \\',
      '        registry.example/codequality:11',
      '      cat <<EOF > job.yaml',
      '      apiVersion: batch/v1',
      '      kind: Job',
      '      EOF',
    ].join('\n');
    const { findings } = analyzePipelineText(code);
    expect(findings.map((f) => [f.ruleId, f.location.startLine])).toEqual([
      ['sh.tls-verify-disabled', 4],
      ['sh.docker-run-host-access', 9],
    ]);
  });

  it('reads the top level’s before_script and after_script, which every job runs, and a component input as one word', () => {
    const code = [
      'before_script:',
      '  - curl -fsSL https://get.example.com/tool.sh | bash',
      'after_script:',
      '  - docker run -v $[[ inputs.cache_dir ]]:/cache --privileged cleaner:1 true',
      'test:',
      '  script: [pytest]',
    ].join('\n');
    expect(analyzePipelineText(code).findings.map((f) => [f.ruleId, f.location.startLine])).toEqual([
      ['sh.curl-pipe-shell', 2],
      ['sh.docker-run-host-access', 4],
    ]);
  });

  it('reads the file’s and each job’s variables for switches that turn certificate or host key checks off', () => {
    const code = [
      'variables:',
      '  GIT_SSL_NO_VERIFY: "true"',
      '  PIP_INDEX_URL: https://pypi.org/simple',
      'deploy:',
      '  variables:',
      '    GIT_SSH_COMMAND: { value: "ssh -o StrictHostKeyChecking=no", description: deploy key }',
      '    NODE_TLS_REJECT_UNAUTHORIZED: 1',
      '  script: [./deploy.sh]',
    ].join('\n');
    expect(analyzePipelineText(code).findings.map((f) => [f.ruleId, f.location.startLine, f.message])).toEqual([
      ['sh.tls-verify-disabled', 2, 'GIT_SSL_NO_VERIFY=true turns off certificate verification'],
      ['sh.tls-verify-disabled', 6, 'GIT_SSH_COMMAND=ssh -o StrictHostKeyChecking=no turns off SSH host key checking'],
    ]);
  });

  it('reports debug tracing turned on in the file’s, a job’s or a template’s variables, with any value the runner takes for true', () => {
    const code = [
      'variables:',
      '  CI_DEBUG_TRACE: "1"',
      '.debug:',
      '  variables:',
      '    CI_DEBUG_SERVICES: { value: "true", description: service logs }', // 5
      'load:',
      '  variables:',
      '    CI_DEBUG_TRACE: "false"',
      '  script: [python load.py]',
    ].join('\n');
    expect(analyzePipelineText(code).findings.map((f) => [f.ruleId, f.location.startLine, f.message])).toEqual([
      ['gitlab.debug-trace', 2, 'CI_DEBUG_TRACE=1 prints every variable of the job, masked secrets included, to its log'],
      ['gitlab.debug-trace', 5, 'CI_DEBUG_SERVICES=true prints every variable of the job, masked secrets included, to its log'],
    ]);
  });

  it('reports a file that is not YAML as a scan error of that file, and reads no other file', () => {
    expect(analyzePipelineText('test: [unclosed\n').errors.map((e) => e.message)).toEqual([expect.stringMatching(/^invalid YAML at line 2/)]);
    expect(gitlabCiAnalyzer.required({ path: 'ci.yml', absPath: '/x/ci.yml', kind: 'config', size: 1 })).toBe(false);
  });
});
