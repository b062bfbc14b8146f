import { BEST_PRACTICES, type DockerRule } from '../docker-rule.js';
import { isShell, programIndex, programName, type Command } from '../dockerfile/shell.js';

const DOWNLOADERS = new Set(['curl', 'wget', 'fetch']);
const INTERPRETERS = /^(python[\d.]*|perl|ruby|node|php)$/;
/** `sh -c "$(curl …)"` and `bash <(wget -O- …)`: the download runs without a pipe. */
const SUBSTITUTED = /\b(?:ba|da|z|k)?sh\b[^|;&\n]*?(?:\$\(|<\()\s*(?:curl|wget)\b/;

function runsCode(command: Command): boolean {
  const at = programIndex(command);
  const name = at === -1 ? '' : command.words[at]!.text;
  return at !== -1 && (isShell(name) || INTERPRETERS.test(programName(name)));
}

function downloads(command: Command): boolean {
  const at = programIndex(command);
  return at !== -1 && DOWNLOADERS.has(programName(command.words[at]!.text));
}

export const curlPipeShell: DockerRule = {
  id: 'docker.curl-pipe-shell',
  title: 'Script downloaded and run in one step (curl | sh)',
  category: 'container',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-494'],
  what: 'Finds RUN commands that pipe curl/wget output into a shell or interpreter, or run it through `sh -c "$(curl …)"`.',
  why:
    'Whatever the server returns that day runs as root in the build with no checksum or signature check: a compromised ' +
    'host, DNS or CDN puts code into every image built after it, secrets passed to the build included.',
  remediation: 'Download to a file, verify its SHA-256 (or signature) against a pinned value, then run it; better, install a pinned package.',
  bad: [
    { file: 'Dockerfile', code: 'FROM debian:12\nRUN curl -fsSL https://get.example.com/install.sh | bash\n' },
    { file: 'Dockerfile', code: 'FROM debian:12\nRUN wget -qO- https://example.com/setup | sudo -E python3 -\n' },
    { file: 'Dockerfile', code: 'FROM debian:12\nRUN sh -c "$(curl -fsSL https://example.com/install.sh)"\n' },
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
      script.commands.forEach((command, i) => {
        if (command.after !== '|' || !runsCode(command)) return;
        let j = i - 1;
        while (j > 0 && script.commands[j]!.after === '|' && !downloads(script.commands[j]!)) j--;
        const source = script.commands[j];
        if (!source || !downloads(source)) return;
        const last = command.words.at(-1)!;
        ctx.report(script.text, source.words[0]!.start, last.end, { message: `Output of ${programName(source.words[programIndex(source)]!.text)} is piped into ${command.words[programIndex(command)]!.text} without verification` });
      });
      const substituted = SUBSTITUTED.exec(script.text.text);
      if (substituted) ctx.report(script.text, substituted.index, substituted.index + substituted[0].length, { message: 'A downloaded script is run through command substitution without verification' });
    }
  },
};
