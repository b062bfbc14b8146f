import { BEST_PRACTICES, type DockerRule } from '../docker-rule.js';
import { downloadedFileRuns } from '../../shell/downloaded-file.js';
import { pipedDownloadRuns } from '../../shell/downloaded-script.js';

export const curlPipeShell: DockerRule = {
  id: 'docker.curl-pipe-shell',
  title: 'Script downloaded and run without verification (curl | sh)',
  category: 'container',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-494'],
  what:
    'Finds RUN commands that pipe curl/wget output into a shell or interpreter, run it through `sh -c "$(curl …)"`, or ' +
    'download a file (`curl -o`, `curl -O`, `wget`, `> file`) and run it, in the same RUN or a later one of the stage ' +
    '(`sh install.sh`, `python3 get-pip.py`, `./tool`), with no `sha256sum`, `gpg --verify` or other digest or signature ' +
    'check in between.',
  why:
    'Whatever the server returns that day runs as root in the build with no checksum or signature check: a compromised ' +
    'host, DNS or CDN puts code into every image built after it, secrets passed to the build included.',
  remediation: 'Download to a file, verify its SHA-256 (or signature) against a pinned value, then run it; better, install a pinned package.',
  bad: [
    { file: 'Dockerfile', code: 'FROM debian:12\nRUN curl -fsSL https://get.example.com/install.sh | bash\n' },
    { file: 'Dockerfile', code: 'FROM debian:12\nRUN wget -qO- https://example.com/setup | sudo -E python3 -\n' },
    { file: 'Dockerfile', code: 'FROM debian:12\nRUN sh -c "$(curl -fsSL https://example.com/install.sh)"\n' },
    { file: 'Dockerfile', code: 'FROM python:3.12-slim\nRUN wget -q https://example.com/get-pip.py && python3 get-pip.py && rm get-pip.py\n' },
  ],
  good: [
    {
      file: 'Dockerfile',
      code:
        'FROM debian:12\nRUN curl -fsSLo /tmp/install.sh https://get.example.com/install.sh \\\n' +
        ' && echo "3f5e…  /tmp/install.sh" | sha256sum -c - \\\n && sh /tmp/install.sh\n',
    },
  ],
  references: [BEST_PRACTICES + '#run', 'https://cwe.mitre.org/data/definitions/494.html'],
  check(ctx) {
    for (const script of ctx.scripts) {
      for (const run of pipedDownloadRuns(script.commands)) ctx.report(script.text, run.start, run.end, { message: run.message });
    }
    // A file one RUN downloads stays in the stage's file system for a later RUN to run.
    for (const stage of ctx.file.stages) {
      const scripts = ctx.scripts.filter((s) => stage.instructions.includes(s.instruction));
      const owner = new Map(scripts.flatMap((script) => script.commands.map((command) => [command, script] as const)));
      for (const { command, message } of downloadedFileRuns(scripts.map((s) => s.commands))) {
        ctx.report(owner.get(command)!.text, command.words[0]!.start, command.words.at(-1)!.end, { message });
      }
    }
  },
};
