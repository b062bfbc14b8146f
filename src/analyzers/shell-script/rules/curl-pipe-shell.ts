import { downloadedScriptRuns } from '../../shell/downloaded-script.js';
import type { ShellRule } from '../shell-rule.js';

export const shellCurlPipeShell: ShellRule = {
  id: 'sh.curl-pipe-shell',
  title: 'Shell script runs a downloaded script without verification (curl | sh)',
  category: 'sast',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-494'],
  what:
    'Finds commands in shell scripts (`.sh`, `.bash`, files starting with a shell `#!`) that pipe curl or wget output ' +
    'into a shell or interpreter, run it through `sh -c "$(curl …)"` or `bash <(wget …)`, or download a file and later run ' +
    'it (`curl -o /tmp/agent.sh …` then `bash /tmp/agent.sh` or `./agent.sh`) with no digest or signature check in between.',
  why:
    'Entrypoints, bootstrap and job scripts run on workers and in containers with the pipeline’s credentials. Whatever ' +
    'the server returns on the day runs there: a compromised download host, DNS entry or CDN gets code execution in ' +
    'every run, and nothing in the repository changes to show it.',
  remediation:
    'Download to a file, check its SHA-256 against a pinned value (`echo "<sha256>  tool.sh" | sha256sum -c -`) and only ' +
    'then run it; better, install a pinned package or bake the tool into the image.',
  bad: [
    { file: 'scripts/bootstrap.sh', code: '#!/usr/bin/env bash\nset -euo pipefail\ncurl -fsSL https://get.example.com/agent.sh \\\n  | sudo bash -s -- --token "$AGENT_TOKEN"\n' },
    { file: 'entrypoint.sh', code: '#!/bin/sh\nsh -c "$(wget -qO- https://example.com/setup.sh)"\nexec python -m etl.run "$@"\n' },
    { file: 'scripts/install-agent.sh', code: '#!/bin/sh\ncurl -fsSL -o /tmp/agent.sh https://get.example.com/agent.sh\nchmod +x /tmp/agent.sh\n/tmp/agent.sh --token "$AGENT_TOKEN"\n' },
  ],
  good: [
    {
      file: 'scripts/bootstrap.sh',
      code:
        '#!/usr/bin/env bash\nset -euo pipefail\ncurl -fsSLo /tmp/agent.sh https://get.example.com/agent.sh\n' +
        'echo "9b2c5f0e…  /tmp/agent.sh" | sha256sum -c -\nsudo bash /tmp/agent.sh --token "$AGENT_TOKEN"\n' +
        '# curl https://example.com/x.sh | sh was the old way\ncurl -fsSL https://example.com/data.csv | gzip > data.csv.gz\n',
    },
  ],
  references: ['https://cwe.mitre.org/data/definitions/494.html'],
  check(ctx) {
    for (const run of downloadedScriptRuns(ctx.text, ctx.commands)) ctx.report(run.start, run.end, { message: run.message });
  },
};
