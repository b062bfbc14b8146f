import { imageReference } from '../../../inventory/containers.js';
import { describeRelease, isPastEol, releasesOfImage } from '../eol-images.js';
import type { ImageRule } from '../image-rule.js';

export const eolBaseImage: ImageRule = {
  id: 'docker.eol-base-image',
  title: 'Container image is past its end of life',
  category: 'container',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-1104'],
  what:
    'Finds Dockerfile FROM lines, Compose services, Kubernetes (and Argo Workflows) containers, Helm values and Airflow container tasks whose image names a Python, ' +
    'Node.js, Debian, Ubuntu, Alpine or PostgreSQL release that no longer gets security fixes on the day of the assessment ' +
    '(from the tag, including suffixes such as `-buster` or `-alpine3.12`).',
  why:
    'After its end of life a runtime or distribution gets no more security fixes: every vulnerability found later in ' +
    'its interpreter, database server, OpenSSL or libc stays open in the pipeline image for good, and scanners stop reporting some of them.',
  remediation: 'Move to a supported release (for example `python:3.12-slim-bookworm`, `node:22-alpine3.22`, `postgres:17`) and rebuild or redeploy.',
  bad: [
    { file: 'Dockerfile', code: 'FROM python:3.7-slim-buster\nUSER 1000\n' },
    { file: 'Dockerfile', code: 'FROM node:16-alpine3.15\nUSER node\n' },
    { file: 'docker-compose.yml', code: 'services:\n  warehouse:\n    image: postgres:11-alpine\n' },
  ],
  good: [
    { file: 'Dockerfile', code: 'FROM python:3.12-slim-bookworm\nUSER 1000\n' },
    { file: 'Dockerfile', code: 'FROM python:3-slim\nUSER 1000\n' },
    { file: 'docker-compose.yml', code: 'services:\n  warehouse:\n    image: postgres:17-alpine\n' },
  ],
  references: ['https://endoflife.date/python', 'https://www.postgresql.org/support/versioning/', 'https://wiki.debian.org/LTS', 'https://cwe.mitre.org/data/definitions/1104.html'],
  check(project) {
    return project.images.flatMap((image) => {
      const ended = releasesOfImage(image.name, image.tag).filter((r) => isPastEol(r, project.now));
      if (ended.length === 0) return [];
      const ref = imageReference(image);
      return [
        {
          file: image.file,
          line: image.line,
          key: ref,
          message: `${image.workload ? `Image ${ref} of ${image.workload}` : `Base image ${ref}`}: ${ended.map((r) => `${describeRelease(r)} reached end of life on ${r.eol}`).join('; ')}`,
        },
      ];
    });
  },
};

