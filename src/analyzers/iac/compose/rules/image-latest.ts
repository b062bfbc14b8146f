import { parseImageRef } from '../../../../inventory/containers.js';
import { COMPOSE_DOCS, type ComposeRule } from '../compose-rule.js';
import { interpolate } from '../values.js';

export const composeImageLatest: ComposeRule = {
  id: 'compose.image-latest',
  title: 'Compose service image uses the latest tag or no tag',
  category: 'iac',
  severity: 'medium',
  confidence: 'high',
  cwe: ['CWE-829'],
  what:
    'Finds service images referenced as `:latest` or without any tag or digest. A service with `build:` is skipped (its ' +
    '`image` names what Compose tags the build with), and so is a variable where the tag would be (`app:${TAG}`); ' +
    '`${REGISTRY}/app` is still untagged, and `${TAG:-latest}` is read as its default.',
  why:
    '`latest` moves: each `docker compose pull` or fresh host may run different code than was reviewed and scanned, a ' +
    'compromised push to the tag reaches the pipeline at its next restart, and a rollback has nothing to go back to.',
  remediation: 'Reference images by an immutable version tag, better by digest (`image: postgres:16.4@sha256:…`).',
  bad: [
    { file: 'docker-compose.yml', code: 'services:\n  db:\n    image: postgres\n  cache:\n    image: redis:latest\n' },
    { file: 'compose.yaml', code: 'services:\n  etl:\n    image: ${REGISTRY:-ghcr.io/acme}/etl\n' },
  ],
  good: [
    {
      file: 'docker-compose.yml',
      code:
        'services:\n  db:\n    image: postgres:16.4\n  etl:\n    image: ghcr.io/acme/etl:${ETL_TAG}\n  worker:\n    build: ./worker\n    image: acme/worker\n' +
        '  cache:\n    image: redis@sha256:0f2d3e5ad53fd8cfc4e36a1b0c2a8db9f8ed2b8b2d9a8f8c6f7b4c5d6e7f8a9b0\n',
    },
  ],
  references: [`${COMPOSE_DOCS}#image`, 'https://docs.docker.com/reference/cli/docker/image/pull/#pull-an-image-by-digest-immutable-identifier', 'https://cwe.mitre.org/data/definitions/829.html'],
  check(ctx) {
    for (const service of ctx.services) {
      const image = service.data['image'];
      if (typeof image !== 'string' || image.trim() === '' || service.data['build'] !== undefined) continue;
      const resolved = interpolate(image);
      const ref = parseImageRef(resolved.text);
      // A variable where the tag or digest would be (or in the last name segment, which may carry the tag) is set per deployment.
      if ([ref.tag, ref.digest, ref.name.slice(ref.name.lastIndexOf('/') + 1)].some((part) => part?.includes('$'))) continue;
      if (ref.digest || (ref.tag && ref.tag !== 'latest')) continue;
      const why = ref.tag ? 'the mutable latest tag' : 'no tag, so latest';
      const shown = resolved.text === image.trim() ? image.trim() : `${image.trim()} (${resolved.text})`;
      ctx.report(service, ['image'], { message: `Service "${service.name}" uses ${shown} — ${why}` });
    }
  },
};
