import { describe, expect, it } from 'vitest';
import { classify } from '../../src/inventory/classify.js';

describe('classify', () => {
  it.each([
    ['jobs/clean.py', '', 'python'],
    ['notebooks/explore.ipynb', '', 'notebook'],
    ['models/staging/stg_feedback.sql', '', 'sql'],
    ['ingest/fetch.ts', '', 'javascript'],
    ['ingest/fetch.mjs', '', 'javascript'],
    ['requirements-dev.txt', '', 'manifest'],
    ['constraints.txt', '', 'manifest'],
    ['dev-requirements.txt', '', 'manifest'],
    ['requirements/prod.txt', '', 'manifest'],
    ['docs/MANIFEST.in', '', 'other'],
    ['pyproject.toml', '', 'manifest'],
    ['package.json', '{}', 'manifest'],
    ['poetry.lock', '', 'lockfile'],
    ['web/package-lock.json', '{}', 'lockfile'],
    ['pnpm-lock.yaml', '', 'lockfile'],
    ['Dockerfile', '', 'dockerfile'],
    ['docker/Dockerfile.worker', '', 'dockerfile'],
    ['infra/main.tf', '', 'terraform'],
    ['infra/main.tf.json', '{}', 'terraform'],
    ['data/feedback.csv', '', 'data'],
    ['data/model.pkl', '', 'data'],
    ['.env', '', 'config'],
    ['settings.toml', '', 'config'],
    ['README.md', '', 'other'],
  ])('%s is %s', (file, head, kind) => {
    expect(classify(file, head)).toBe(kind);
  });

  it('tells CloudFormation, Kubernetes and IAM policies from plain config by their content', () => {
    expect(classify('stack.yaml', "AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n")).toBe('cloudformation');
    expect(classify('stack.json', '{"Resources": {"B": {"Type": "AWS::S3::Bucket"}}}')).toBe('cloudformation');
    expect(classify('k8s/job.yml', 'apiVersion: batch/v1\nkind: Job\n')).toBe('kubernetes');
    expect(classify('policy.json', '{"Version": "2012-10-17", "Statement": [{"Effect": "Allow"}]}')).toBe('iam-policy');
    expect(classify('airflow.yaml', 'dags_folder: /opt/dags\n')).toBe('config');
  });

  it('recognises extensionless scripts by their shebang', () => {
    expect(classify('bin/run-job', '#!/usr/bin/env python3\nprint(1)\n')).toBe('python');
    expect(classify('bin/ingest', '#!/usr/bin/env node\n')).toBe('javascript');
    expect(classify('bin/setup', '#!/bin/sh\n')).toBe('shell');
    expect(classify('bin/load', '#!/usr/bin/env bash\nset -e\n')).toBe('shell');
    expect(classify('bin/notes', '#!not a shell\n')).toBe('other');
    expect(classify('scripts/entrypoint.sh', '')).toBe('shell');
  });
});
