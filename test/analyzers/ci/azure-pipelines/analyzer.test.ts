import { describe, expect, it } from 'vitest';
import { analyzeCiText } from '../analyze.js';
import { azurePipelinesAnalyzer } from '../../../../src/analyzers/ci/azure-pipelines/pipeline.js';
import type { FileEntry } from '../../../../src/core/analyzer.js';
import type { ImageFacts } from '../../../../src/inventory/containers.js';

const analyzePipeline = (code: string, file = 'azure-pipelines.yml') => analyzeCiText(azurePipelinesAnalyzer, code, file);

const PIPELINE = [
  'resources:',
  '  containers:',
  '    - container: py',
  '      image: python:3.7',
  'stages:',
  '  - stage: Test',
  '    jobs:',
  '      - job: unit',
  '        pool: { vmImage: ubuntu-latest }',
  '        container: py',
  '        services:',
  '          db: postgres:11',
  '        steps:',
  '          - script: wget -q https://x.example/tool.sh -O tool.sh',
  '          - bash: bash tool.sh',
  '            env:',
  '              NODE_TLS_REJECT_UNAUTHORIZED: "0"',
  '          - task: Bash@3',
  '            inputs:',
  '              targetType: inline',
  '              script: docker run --net=host acme/it:1.0',
  '          - powershell: iwr https://x.example/i.ps1 | iex',
  '      - job: win',
  '        pool: { vmImage: windows-latest }',
  '        container: { image: mcr.microsoft.com/windows/servercore:ltsc2019 }',
  '        steps:',
  '          - script: curl -k https://x.example',
  '  - stage: Deploy',
  '    jobs:',
  '      - deployment: prod',
  '        strategy:',
  '          runOnce:',
  '            deploy:',
  '              steps:',
  '                - bash: curl -fsSL https://x.example/d.sh | sh',
].join('\n');

describe('the Azure Pipelines analyzer', () => {
  it('runs the shell rules over bash, Linux script and inline Bash@3 steps of jobs, stages and deployment strategies, following a file across steps', () => {
    const { findings, errors } = analyzePipeline(PIPELINE);
    expect(errors).toEqual([]);
    expect(findings.map((f) => [f.ruleId, f.location.startLine, f.message])).toEqual([
      ['sh.curl-pipe-shell', 15, 'tool.sh, downloaded by wget, is run by bash without verification'],
      ['sh.tls-verify-disabled', 17, expect.stringContaining('NODE_TLS_REJECT_UNAUTHORIZED')],
      ["sh.docker-run-host-access", 21, "docker run of acme/it:1.0 shares the host's network namespace (--network host)"],
      ['sh.curl-pipe-shell', 35, 'Output of curl is piped into sh without verification'],
    ]);
  });

  it('lists container resources, services and job containers as images, not a container alias', () => {
    const { facts } = analyzePipeline(PIPELINE);
    expect((facts['azure-pipelines'] as ImageFacts).images.map((i) => [i.line, i.name, i.workload])).toEqual([
      [4, 'python', 'Azure Pipelines resources image'],
      [12, 'postgres', 'Azure Pipelines job unit image'],
      [21, 'acme/it', 'Azure Pipelines job unit script, docker run'],
      [25, 'mcr.microsoft.com/windows/servercore', 'Azure Pipelines job win image'],
    ]);
  });

  it('takes azure-pipelines*.yml and files under .azure-pipelines/, not other YAML', () => {
    const entry = (path: string): FileEntry => ({ path, absPath: `/r/${path}`, kind: 'config', size: 1 });
    expect(['azure-pipelines.yml', 'ci/azure-pipelines-release.yaml', '.azure-pipelines/build.yml', 'pipelines.yml'].map((p) => azurePipelinesAnalyzer.required(entry(p)))).toEqual([true, true, true, false]);
  });

  it('reads steps inside template conditions, pipeline and stage variables in map and list form, and leaves runtime expressions out of the images', () => {
    const code = [
      'variables:',
      '  - name: NODE_TLS_REJECT_UNAUTHORIZED',
      '    value: "0"',
      'stages:',
      '  - stage: Build',
      '    variables:',
      '      GIT_SSL_NO_VERIFY: "true"',
      '    jobs:',
      '      - job: build',
      '        container: $[ variables[\'python.container\'] ]',
      '        steps:',
      '          - ${{ if eq(parameters.coverage, true) }}:',
      '              - bash: bash <(curl -s https://codecov.io/bash)',
      '          - bash: make',
    ].join('\n');
    const { findings, facts } = analyzePipeline(code);
    expect(findings.map((f) => [f.ruleId, f.location.startLine])).toEqual([
      ['sh.tls-verify-disabled', 2],
      ['sh.tls-verify-disabled', 7],
      ['sh.curl-pipe-shell', 13],
    ]);
    expect((facts['azure-pipelines'] as ImageFacts).images).toEqual([]);
  });
});
