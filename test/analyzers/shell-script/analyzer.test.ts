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

  it('takes no file that is not a shell script', () => {
    expect(analyzeShellText('curl -s https://x.example/a.sh | sh\n', 'notes.txt').findings).toEqual([]);
  });
});
