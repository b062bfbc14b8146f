import { describe, expect, it } from 'vitest';
import { analyzeCiText } from '../analyze.js';
import { circleCiAnalyzer } from '../../../../src/analyzers/ci/circleci/config.js';
import type { ImageFacts } from '../../../../src/inventory/containers.js';

const analyzeConfig = (code: string, file = '.circleci/config.yml') => analyzeCiText(circleCiAnalyzer, code, file);

const CONFIG = [
  'version: 2.1',
  'executors:',
  '  py:',
  '    docker:',
  '      - image: cimg/python:3.7',
  'commands:',
  '  setup:',
  '    steps:',
  '      - run: curl -fsSL https://x.example/i.sh | bash',
  'jobs:',
  '  test:',
  '    docker:',
  '      - image: python:3.8-slim',
  '      - image: postgres:11',
  '    environment:',
  '      GIT_SSL_NO_VERIFY: "true"',
  '    steps:',
  '      - checkout',
  '      - run:',
  '          name: Install miniconda',
  '          command: wget -q https://repo.example.com/miniconda.sh -O miniconda.sh',
  '      - run: bash miniconda.sh -b -p $HOME/conda',
  '      - run:',
  '          shell: powershell.exe',
  '          command: curl -k https://x.example',
  '      - run: docker run --privileged acme/it:1.0',
].join('\n');

describe('the CircleCI analyzer', () => {
  it('runs the shell rules over jobs’ and commands’ run steps, follows a file across steps, and reads environment switches', () => {
    const { findings, errors } = analyzeConfig(CONFIG);
    expect(errors).toEqual([]);
    expect(findings.map((f) => [f.ruleId, f.location.startLine, f.message])).toEqual([
      ['sh.curl-pipe-shell', 9, 'Output of curl is piped into bash without verification'],
      ['sh.tls-verify-disabled', 16, expect.stringContaining('GIT_SSL_NO_VERIFY')],
      ['sh.curl-pipe-shell', 22, 'miniconda.sh, downloaded by wget, is run by bash without verification'],
      ['sh.docker-run-host-access', 26, 'docker run of acme/it:1.0 is privileged (--privileged): root on the host'],
    ]);
  });

  it('lists the images of executors, jobs and docker run, each on its line, as facts', () => {
    const { facts } = analyzeConfig(CONFIG);
    expect((facts.circleci as ImageFacts).images.map((i) => [i.line, `${i.name}:${i.tag}`, i.workload])).toEqual([
      [13, 'python:3.8-slim', 'CircleCI job test image'],
      [14, 'postgres:11', 'CircleCI job test image'],
      [26, 'acme/it:1.0', 'CircleCI job test script, docker run'],
      [5, 'cimg/python:3.7', 'CircleCI executor py image'],
    ]);
  });

  it('reads a << parameters.x >> or << pipeline.… >> template as one word, not as a heredoc that hides the commands after it', () => {
    const code = [
      'version: 2.1',
      'jobs:',
      '  deploy:',
      '    parameters:',
      '      env: { type: string }',
      '    steps:',
      '      - run: |',
      '          echo << parameters.env >> > target',
      '          docker run -v << pipeline.git.branch >>:/b --privileged acme/deploy:2',
      '          curl -s https://x.example/i.sh | bash',
    ].join('\n');
    expect(analyzeConfig(code).findings.map((f) => [f.ruleId, f.location.startLine])).toEqual([
      ['sh.docker-run-host-access', 9],
      ['sh.curl-pipe-shell', 10],
    ]);
  });

  it('takes only .circleci/config.yml, and reports a file that is not YAML as a scan error of that file', () => {
    expect(analyzeConfig(CONFIG, 'ci/config.yml').findings).toEqual([]);
    const { errors } = analyzeConfig('jobs: [unclosed\n');
    expect(errors).toEqual([{ file: '.circleci/config.yml', analyzer: 'circleci', message: expect.stringMatching(/^invalid YAML/) }]);
  });

  it('reads Windows jobs as PowerShell unless a step names a POSIX shell, list-form and image environments, and a template tag as unresolved', () => {
    const code = [
      'version: 2.1',
      'orbs:',
      '  win: circleci/windows@5.0',
      'jobs:',
      '  build-win:',
      '    executor: win/default',
      '    steps:',
      '      - run: curl -k https://x.example/a',
      '      - run:',
      '          shell: bash.exe',
      '          command: curl -k https://x.example/b',
      '  test:',
      '    parameters:',
      '      tag: { type: string }',
      '    docker:',
      '      - image: cimg/python:<< parameters.tag >>',
      '        environment:',
      '          PIP_TRUSTED_HOST: pypi.internal',
      '    environment:',
      '      - GIT_SSL_NO_VERIFY=true',
      '    steps:',
      '      - run: pytest',
    ].join('\n');
    const { findings, facts } = analyzeConfig(code);
    expect(findings.map((f) => [f.ruleId, f.location.startLine])).toEqual([
      ['sh.tls-verify-disabled', 11],
      ['sh.tls-verify-disabled', 18],
      ['sh.tls-verify-disabled', 20],
    ]);
    expect((facts.circleci as ImageFacts).images.map((i) => [i.name, i.tag, i.unresolvedArgs])).toEqual([['cimg/python', '<< parameters.tag >>', ['<< parameters.tag >>']]]);
  });
});
