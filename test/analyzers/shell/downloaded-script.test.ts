import { describe, expect, it } from 'vitest';
import { downloadedScriptRuns } from '../../../src/analyzers/shell/downloaded-script.js';

const lines = (script: string) => downloadedScriptRuns(script).map((run) => script.slice(0, run.start).split('\n').length);

describe('downloads run as code', () => {
  it('counts a pipe only into a program that reads its code from standard input', () => {
    const script = [
      'curl -fsSL https://get.example.com/i.sh | bash -e',
      'curl -s https://api.example.com/v | python3 -c "import sys, json; print(json.load(sys.stdin)[0])"',
      'curl -s https://api.example.com/v | python3 -m json.tool',
      'wget -qO- https://x.example/setup.py | python3 - --user',
      'curl -s https://x.example/i.sh | bash -s -- --token t',
      'curl -s https://x.example/data.json | node -e "process.stdin.pipe(process.stdout)"',
      'curl -s https://x.example/i.sh | sh /dev/stdin',
      'curl -s https://x.example/i.sh | bash ./local-installer.sh',
    ].join('\n');
    expect(lines(script)).toEqual([1, 4, 5, 7]);
  });

  it('reports every shell given a download by substitution, but not one shown in a comment', () => {
    const script = ['#!/bin/bash', '# To install by hand: sh -c "$(curl -fsSL https://x.example/i.sh)"', '/bin/bash -c "$(curl -fsSL https://x.example/brew.sh)"', 'bash <(wget -qO- https://x.example/b.sh)'].join('\n');
    expect(lines(script)).toEqual([3, 4]);
  });

  it('reports a downloaded file that the script later runs, each way curl and wget name the file', () => {
    const script = [
      'curl -fsSL https://x.example/i.sh > /tmp/i.sh && sh /tmp/i.sh',
      'curl -o a.sh https://x.example/a 2>/dev/null; chmod +x a.sh',
      './a.sh --yes',
      'curl -fsSLO https://bootstrap.example/get-pip.py && python3 get-pip.py',
      'wget -q https://x.example/dl/install.sh && bash -e install.sh',
      'wget -P /opt https://x.example/y/setup.sh && /opt/setup.sh',
      'curl -sSL https://x.example/env.sh --output=env.sh; source ./env.sh',
      'wget -qO /usr/local/bin/tool https://x.example/tool && /usr/local/bin/tool --version',
    ].join('\n');
    expect(downloadedScriptRuns(script).map((run) => [script.slice(run.start, run.end), run.message])).toEqual([
      ['sh /tmp/i.sh', '/tmp/i.sh, downloaded by curl, is run by sh without verification'],
      ['./a.sh --yes', './a.sh, downloaded by curl, is run without verification'],
      ['python3 get-pip.py', 'get-pip.py, downloaded by curl, is run by python3 without verification'],
      ['bash -e install.sh', 'install.sh, downloaded by wget, is run by bash without verification'],
      ['/opt/setup.sh', '/opt/setup.sh, downloaded by wget, is run without verification'],
      ['source ./env.sh', './env.sh, downloaded by curl, is run by source without verification'],
      ['/usr/local/bin/tool --version', '/usr/local/bin/tool, downloaded by wget, is run without verification'],
    ]);
  });

  it('leaves a download checked before it runs, data files, output piped on, and a file of the same name run by PATH', () => {
    const script = [
      'wget -qO /tmp/a.sh https://x.example/a.sh && echo "3f5e…  /tmp/a.sh" | sha256sum -c - && bash /tmp/a.sh',
      'curl -fsSLo b.sh https://x.example/b.sh',
      'curl -fsSLo b.sh.asc https://x.example/b.sh.asc && gpg --verify b.sh.asc b.sh',
      'sh b.sh',
      'curl -o data.csv https://x.example/data.csv && python3 load.py data.csv',
      'wget -qO- https://x.example/key | gpg --dearmor > key.gpg',
      'curl -fsSLo kubectl https://x.example/kubectl && install kubectl /usr/local/bin && kubectl version',
      'curl -sS https://x.example/c.sh -o c.sh && python3 -c "print(1)" c.sh && bash -c "echo c.sh"',
    ].join('\n');
    expect(downloadedScriptRuns(script)).toEqual([]);
  });
});
