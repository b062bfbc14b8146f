import { describe, expect, it } from 'vitest';
import { analyzeShellText } from './scan.js';

describe('the shell-script analyzer', () => {
  it('reports a download piped into a shell across a line continuation, from the download to the shell, in an extensionless script', () => {
    const script = '#!/bin/bash\n# bootstrap\nexport PATH=/opt/bin:$PATH\ncurl -fsSL https://get.example.com/i.sh \\\n  | sudo -E bash\n';
    const { findings, errors } = analyzeShellText(script, 'bin/bootstrap');
    expect(errors).toEqual([]);
    expect(findings.map((f) => [f.ruleId, f.location.startLine, f.location.startColumn, f.location.endLine, f.message])).toEqual([
      ['sh.curl-pipe-shell', 4, 1, 5, 'Output of curl is piped into bash without verification'],
    ]);
  });

  it('reads the heredoc a shell runs as commands, and the one written to a file as data', () => {
    const script = '#!/bin/sh\ncat > /etc/motd <<EOF\ncurl -k https://x.example/i.sh | sh\nEOF\nssh-keyscan h >> k\nsudo bash <<\'EOF\'\ncurl -fsSL https://x.example/i.sh | sh\nEOF\n';
    const { findings } = analyzeShellText(script, 'deploy.sh');
    expect(findings.map((f) => [f.ruleId, f.location.startLine])).toEqual([['sh.curl-pipe-shell', 7]]);
  });

  it('reads a command past its command substitutions, and the commands inside them', () => {
    const script = [
      '#!/bin/bash',
      'docker run --rm -v "$(pwd)":/src -w `pwd` --privileged etl:1 make',
      'curl -fsSL "$(cat url.txt)" | bash -s -- --prefix "$(mktemp -d)"',
      'VERSION=$(curl -fsSL https://x.example/latest | sh)',
      'echo $((1 << 3)) | sh',
    ].join('\n');
    const { findings } = analyzeShellText(`${script}\n`, 'run.sh');
    expect(findings.map((f) => [f.ruleId, f.location.startLine, f.message])).toEqual([
      ['sh.docker-run-host-access', 2, 'docker run of etl:1 is privileged (--privileged): root on the host'],
      ['sh.curl-pipe-shell', 3, 'Output of curl is piped into bash without verification'],
      ['sh.curl-pipe-shell', 4, 'Output of curl is piped into sh without verification'],
    ]);
  });

  it('reads the script a shell runs from -c, and reports a download it runs once', () => {
    const script = '#!/bin/sh\ndocker exec etl bash -c "curl -fsSL https://x.example/i.sh | sh"\nsh -c "$(curl -fsSL https://x.example/i.sh)"\n';
    const { findings } = analyzeShellText(script, 'ops.sh');
    expect(findings.map((f) => [f.ruleId, f.location.startLine, f.location.startColumn, f.message])).toEqual([
      ['sh.curl-pipe-shell', 2, 26, 'Output of curl is piped into sh without verification'],
      ['sh.curl-pipe-shell', 3, 1, 'A downloaded script is run through command substitution without verification'],
    ]);
  });

  it('reports a download run through substitution by a shell, eval or source, not one echoed, commented or written to a file', () => {
    const script = [
      '#!/bin/bash',
      'eval "$(curl -fsSL https://x.example/env.sh)"',
      'source <(wget -qO- https://x.example/lib.sh)',
      'bash <(curl -s https://x.example/i.sh) --yes',
      'echo "Install: sh -c \\"$(curl -fsSL https://get.example.com)\\""',
      '# sh -c "$(curl -fsSL https://get.example.com)"',
      'cat > README.txt <<EOF',
      'sh -c "$(curl -fsSL https://get.example.com)"',
      'EOF',
      'diff <(curl -s https://x.example/a) local.txt',
    ].join('\n');
    const { findings } = analyzeShellText(`${script}\n`, 'setup.sh');
    expect(findings.map((f) => [f.ruleId, f.location.startLine])).toEqual([
      ['sh.curl-pipe-shell', 2],
      ['sh.curl-pipe-shell', 3],
      ['sh.curl-pipe-shell', 4],
    ]);
  });

  it('takes no file that is not a shell script', () => {
    expect(analyzeShellText('curl -s https://x.example/a.sh | sh\n', 'notes.txt').findings).toEqual([]);
  });
});
