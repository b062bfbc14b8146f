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
});
