import { DOCKERFILE_DOCS, type DockerRule } from '../docker-rule.js';
import { copySources } from '../dockerfile/copy-sources.js';

export const addUrl: DockerRule = {
  id: 'docker.add-url',
  title: 'ADD downloads a remote file without a checksum',
  category: 'container',
  severity: 'medium',
  confidence: 'high',
  cwe: ['CWE-494'],
  what: 'Finds ADD instructions whose source is an http(s) or ftp URL and that give no `--checksum`.',
  why:
    'ADD fetches the URL at build time and puts whatever comes back into the image, unverified: a changed or hijacked ' +
    'download ends up in the pipeline’s image with no trace in the Dockerfile.',
  remediation: 'Add `--checksum=sha256:…` to the ADD, or download with curl and verify the SHA-256 before use.',
  bad: [{ file: 'Dockerfile', code: 'FROM debian:12\nADD https://repo1.maven.org/maven2/org/postgresql/postgresql/42.7.4/postgresql-42.7.4.jar /opt/jdbc/\n' }],
  good: [
    {
      file: 'Dockerfile',
      code:
        'FROM debian:12\nADD --checksum=sha256:188976ea4d6c4e2d5a0e8bd2c5c5b9f5e1e7c3bfa8b3a4e8f2d4c9f7e6a5b4c3 ' +
        'https://repo1.maven.org/maven2/org/postgresql/postgresql/42.7.4/postgresql-42.7.4.jar /opt/jdbc/\nADD ./vendor /opt/vendor\n',
    },
  ],
  references: [DOCKERFILE_DOCS + '#add', 'https://cwe.mitre.org/data/definitions/494.html'],
  check(ctx) {
    for (const instruction of ctx.file.instructions) {
      if (instruction.keyword !== 'ADD' || instruction.flags.has('checksum')) continue;
      const url = copySources(instruction).find((s) => /^(https?|ftp):\/\//i.test(s.text));
      if (!url) continue;
      const message = `ADD fetches ${url.text} without verifying a checksum`;
      if (url.word) ctx.report(instruction.body, url.word.start, url.word.end, { message });
      else ctx.reportInstruction(instruction, { message });
    }
  },
};
