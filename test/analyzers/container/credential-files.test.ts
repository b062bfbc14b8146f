import { describe, expect, it } from 'vitest';
import { analyzeDockerfileText } from './scan.js';

const found = (code: string, ruleId: string) =>
  analyzeDockerfileText(code)
    .findings.filter((f) => f.ruleId === ruleId)
    .map((f) => `${f.location.startLine}:${f.location.startColumn} ${f.message}`);

describe('credential files in Dockerfiles', () => {
  it('reports each credential file a COPY or ADD puts in a layer, at its word, and not the files beside it', () => {
    const dockerfile = [
      'FROM apache/airflow:2.6.3',
      'ADD requirements.txt .',
      'ADD google-private-key.json .',
      'COPY --chown=node:node --from=build /app/service-account.json* ./',
      'COPY package.json .env.sample config/ca.pem .env.production /app/',
      'COPY ["keys/deploy.key", "/etc/deploy.key"]',
      '',
    ].join('\n');
    expect(found(dockerfile, 'docker.credential-file-copied')).toEqual([
      '3:5 ADD puts google-private-key.json, a cloud credential key file by its name, into an image layer: whoever can pull the image can read it',
      '4:37 COPY puts /app/service-account.json*, a cloud credential key file by its name, into an image layer: whoever can pull the image can read it',
      '5:45 COPY puts .env.production, an environment file by its name, into an image layer: whoever can pull the image can read it',
      '6:1 COPY puts keys/deploy.key, a private key by its name, into an image layer: whoever can pull the image can read it',
    ]);
  });

  it('reads an ENV that names the file a credential is kept in as a path, not as the secret', () => {
    const env = (value: string) => found(`FROM python:3.12-slim\nENV GOOGLE_APPLICATION_CREDENTIALS=${value}\nUSER 1000\n`, 'docker.secret-in-env');
    expect(env('google-private-key.json')).toEqual([]);
    expect(env('/var/secrets/google/key.json')).toEqual([]);
    expect(env('/run/secrets/gcp')).toEqual([]);
    expect(env('{"type": "service_account"}')).toHaveLength(1);
    expect(found('FROM python:3.12-slim\nENV AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\nUSER 1000\n', 'docker.secret-in-env')).toHaveLength(1);
  });
});
