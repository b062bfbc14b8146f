import { describe, expect, it } from 'vitest';
import { analyzeCiText } from '../analyze.js';
import { bitbucketPipelinesAnalyzer } from '../../../../src/analyzers/ci/bitbucket/pipelines.js';
import type { ImageFacts } from '../../../../src/inventory/containers.js';

const analyzePipelines = (code: string, file = 'bitbucket-pipelines.yml') => analyzeCiText(bitbucketPipelinesAnalyzer, code, file);

const PIPELINES = [
  'image: python:3.7',
  'definitions:',
  '  services:',
  '    db:',
  '      image: postgres:11',
  'pipelines:',
  '  default:',
  '    - step:',
  '        name: Test',
  '        script:',
  '          - curl -fsSLo install.sh https://x.example/install.sh',
  '          - cd /opt',
  '          - bash install.sh',
  '          - pipe: atlassian/aws-s3-deploy:1.1.0',
  '        after-script:',
  '          - sh /opt/cleanup.sh',
  '  branches:',
  '    main:',
  '      - parallel:',
  '          - step:',
  '              image: node:16',
  '              script:',
  '                - wget -qO- https://x.example/s.sh | sh',
  '      - stage:',
  '          steps:',
  '            - step:',
  '                script:',
  '                  - curl -O https://x.example/deploy.sh',
  '                  - ./deploy.sh --prod',
].join('\n');

describe('the Bitbucket Pipelines analyzer', () => {
  it('runs the shell rules over every step’s script lines, in parallel and stage blocks too, following a file and cd across lines', () => {
    const { findings, errors } = analyzePipelines(PIPELINES);
    expect(errors).toEqual([]);
    expect(findings.map((f) => [f.ruleId, f.location.startLine, f.message])).toEqual([
      ['sh.curl-pipe-shell', 23, 'Output of wget is piped into sh without verification'],
      ['sh.curl-pipe-shell', 29, './deploy.sh, downloaded by curl, is run without verification'],
    ]);
  });

  it('lists the default image, services and each step’s image as facts', () => {
    const { facts } = analyzePipelines(PIPELINES);
    expect((facts['bitbucket-pipelines'] as ImageFacts).images.map((i) => [i.line, `${i.name}:${i.tag}`, i.workload])).toEqual([
      [1, 'python:3.7', 'Bitbucket Pipelines default image'],
      [5, 'postgres:11', 'Bitbucket Pipelines service db image'],
      [21, 'node:16', 'Bitbucket Pipelines step pipelines.branches.main.0.parallel.0.step image'],
    ]);
  });

  it('reads a step reused through a YAML alias once, findings and images', () => {
    const code = [
      'definitions:',
      '  steps:',
      '    - step: &lint',
      '        name: Lint',
      '        image: node:20',
      '        script:',
      '          - curl -s https://x.example/i.sh | bash',
      'pipelines:',
      '  branches:',
      '    main:',
      '      - step: *lint',
      '  custom:',
      '    lint:',
      '      - step: *lint',
    ].join('\n');
    const { findings, facts } = analyzePipelines(code);
    expect(findings.map((f) => [f.ruleId, f.location.startLine])).toEqual([['sh.curl-pipe-shell', 7]]);
    expect((facts['bitbucket-pipelines'] as ImageFacts).images.map((i) => [i.line, i.name])).toEqual([[5, 'node']]);
  });
});
