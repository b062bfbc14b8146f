import { describe, expect, it } from 'vitest';
import { analyzeDockerfileText } from './scan.js';

const runs = (code: string) =>
  analyzeDockerfileText(code)
    .findings.filter((f) => f.ruleId === 'docker.curl-pipe-shell')
    .map((f) => [f.location.startLine, f.message]);

describe('docker.curl-pipe-shell across RUN instructions', () => {
  it('follows a file one RUN downloads to a later RUN of the stage that runs it', () => {
    const code = [
      'FROM debian:12',
      'RUN curl -fsSL -o /tmp/install.sh https://get.example.com/install.sh',
      'RUN apt-get update && apt-get install -y make',
      'RUN sh /tmp/install.sh --prefix /opt/tool',
    ].join('\n');
    expect(runs(code)).toEqual([[4, '/tmp/install.sh, downloaded by curl, is run by sh without verification']]);
  });

  it('takes a checksum RUN between them as the check, and a new stage as a new file system', () => {
    const checked = [
      'FROM debian:12',
      'RUN curl -fsSLO https://get.example.com/install.sh',
      'RUN echo "3f5e…  install.sh" | sha256sum -c -',
      'RUN bash install.sh',
    ].join('\n');
    expect(runs(checked)).toEqual([]);
    const staged = ['FROM debian:12 AS fetch', 'RUN curl -fsSLO https://get.example.com/install.sh', 'FROM debian:12', 'RUN bash install.sh'].join('\n');
    expect(runs(staged)).toEqual([]);
  });

  it('reports a pipe into a shell and a file run in one RUN once each', () => {
    const code = 'FROM debian:12\nRUN curl -fsSL https://a.example/x.sh | sh && wget -q https://b.example/get-pip.py && python3 get-pip.py\n';
    expect(runs(code)).toEqual([
      [2, 'Output of curl is piped into sh without verification'],
      [2, 'get-pip.py, downloaded by wget, is run by python3 without verification'],
    ]);
  });
});
