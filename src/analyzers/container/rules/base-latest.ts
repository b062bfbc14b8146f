import { imageReference } from '../../../inventory/containers.js';
import { BEST_PRACTICES, type DockerRule } from '../docker-rule.js';

export const baseLatest: DockerRule = {
  id: 'docker.base-latest',
  title: 'Base image uses the latest tag or no tag',
  category: 'container',
  severity: 'medium',
  confidence: 'high',
  cwe: ['CWE-829'],
  what: 'Finds FROM lines whose image has no tag and no digest (Docker then pulls `latest`) or is tagged `latest`.',
  why:
    'Each build then pulls whatever the tag points at that day: builds stop being reproducible, a scanned image differs ' +
    'from the one shipped, and a compromised or broken upstream push enters the pipeline silently.',
  remediation: 'Pin a version tag (`python:3.12.7-slim-bookworm`), ideally with its digest (`…@sha256:…`), and update it deliberately.',
  bad: [
    { file: 'Dockerfile', code: 'FROM python\nUSER 1000\n' },
    { file: 'Dockerfile', code: 'FROM registry.example.com:5000/base/python:latest\nUSER 1000\n' },
  ],
  good: [
    { file: 'Dockerfile', code: 'FROM python:3.12-slim\nUSER 1000\n' },
    { file: 'Dockerfile', code: 'ARG PY=3.12\nFROM python:${PY}-slim AS build\nFROM build\nUSER 1000\n' },
    { file: 'Dockerfile', code: 'FROM python@sha256:8c8e6a1f2b3d4c5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6\nUSER 1000\n' },
  ],
  references: [BEST_PRACTICES + '#from', 'https://cwe.mitre.org/data/definitions/829.html'],
  check(ctx) {
    for (const image of ctx.images) {
      if (image.digest || image.unresolvedArgs || (image.tag && image.tag !== 'latest')) continue;
      const from = ctx.file.stages.find((s) => s.from.startLine === image.line)?.from;
      if (!from) continue;
      const ref = imageReference(image);
      ctx.report(from.body, 0, from.body.text.split(/\s/)[0]!.length, { message: `Base image ${ref} ${image.tag ? 'uses the mutable latest tag' : 'has no tag, so Docker pulls latest'}` });
    }
  },
};
