import path from 'node:path';
import { DOCKERFILE_DOCS, type DockerRule } from '../docker-rule.js';
import { copySources } from '../dockerfile/copy-sources.js';
import { secretExample } from '../secret-build-config.js';

/** File names that hold a credential by convention; examples and templates (`.env.example`) do not. */
const CREDENTIAL_FILES: ReadonlyArray<[RegExp, string]> = [
  [/^\.env(\.(?!example$|sample$|template$|tmpl$|dist$|defaults?$)[\w.-]+)?$/, 'an environment file'],
  [/^id_(rsa|dsa|ecdsa|ed25519)$/, 'an SSH private key'],
  [/\.key$|(^|[-_.])(private|priv|key)([-_.][\w.-]*)?\.pem$/, 'a private key'],
  [/^(?!.*trust).*\.(p12|pfx|jks|keystore)$/, 'a key store'],
  [/(service[-_.]?account|credential|client[-_]secret|keyfile)[\w.-]*\.json$|(^|[-_.])keys?([-_.][\w.-]*)?\.json$/, 'a cloud credential key file'],
  [/^(\.netrc|\.git-credentials|\.pgpass|credentials)$/, 'a credential store'],
];

function credentialKind(source: string): string | undefined {
  const name = path.posix.basename(source.replace(/\*+$/, '')).toLowerCase();
  return CREDENTIAL_FILES.find(([pattern]) => pattern.test(name))?.[1];
}

export const credentialFileCopied: DockerRule = {
  id: 'docker.credential-file-copied',
  title: 'Credential file copied into the image',
  category: 'container',
  severity: 'high',
  confidence: 'medium',
  cwe: ['CWE-538', 'CWE-522'],
  what:
    'Finds COPY and ADD instructions whose source is a credential file by its name: a service-account or other key JSON ' +
    '(`service-account.json`, `*-key.json`, `credentials.json`, `client_secret*.json`), a private key (`*.key`, `*key*.pem`, ' +
    '`id_rsa`), a key store (`.p12`, `.pfx`, `.jks` but trust stores), `.env` files (not `.env.example`/`.sample`/`.template`) ' +
    'and `.netrc`, `.git-credentials`, `.pgpass`, AWS `credentials`.',
  why:
    'An image layer keeps every file copied into it, even when a later RUN deletes it: whoever can pull the image — a registry ' +
    'reader, a CI cache, a cluster node — can extract the key and act as the pipeline’s service account.',
  remediation:
    'Mount the credential at run time (an orchestrator secret, workload identity, GOOGLE_APPLICATION_CREDENTIALS pointing at a ' +
    'mounted file); at build time use `RUN --mount=type=secret,id=…`. Add such files to `.dockerignore`.',
  bad: [
    { file: 'Dockerfile', code: 'FROM python:3.12-slim\nCOPY service-account.json /app/service-account.json\nENV GOOGLE_APPLICATION_CREDENTIALS=/app/service-account.json\nUSER 1000\n' },
    secretExample('COPY .env /app/.env'),
    secretExample('ADD ["deploy/id_rsa", "/root/.ssh/id_rsa"]'),
  ],
  good: [
    secretExample('COPY .env.example /app/.env.example'),
    secretExample('COPY package.json keymap.json certs/ca.pem truststore.jks /app/'),
    secretExample('RUN --mount=type=secret,id=gcp,target=/run/secrets/gcp.json python /app/load.py'),
  ],
  references: [DOCKERFILE_DOCS + '#copy', 'https://docs.docker.com/build/building/secrets/', 'https://cwe.mitre.org/data/definitions/538.html'],
  check(ctx) {
    for (const instruction of ctx.file.instructions) {
      if (instruction.keyword !== 'COPY' && instruction.keyword !== 'ADD') continue;
      for (const source of copySources(instruction)) {
        const kind = credentialKind(source.text);
        if (!kind) continue;
        const message = `${instruction.keyword} puts ${source.text}, ${kind} by its name, into an image layer: whoever can pull the image can read it`;
        if (source.word) ctx.report(instruction.body, source.word.start, source.word.end, { message });
        else ctx.reportInstruction(instruction, { message });
      }
    }
  },
};
