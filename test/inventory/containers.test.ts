import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { baseImagesOf, dockerPurl, imageReference, parseImageRef, type ContainerImage } from '../../src/inventory/containers.js';

const fixture = (name: string) => fs.readFileSync(new URL(`../fixtures/inventory/${name}`, import.meta.url), 'utf8');
const DIGEST = 'sha256:4b8e53fa8f9d0a4bbf7e0fa5e4a0c9f3e1f0d3f2c8b3a1d8e9f0a1b2c3d4e5f6';
const images = (text: string) => baseImagesOf(text, 'Dockerfile');

describe('baseImagesOf', () => {
  it('lists the base images of a multi-stage Dockerfile with their lines, stages and platforms', () => {
    expect(baseImagesOf(fixture('Dockerfile'), 'docker/Dockerfile')).toEqual<ContainerImage[]>([
      { name: 'python', tag: '3.11-slim', file: 'docker/Dockerfile', line: 6, stage: 'build', platform: '$BUILDPLATFORM' },
      { name: 'registry.example.com:5000/data/runtime', tag: '1.2', digest: DIGEST, file: 'docker/Dockerfile', line: 18, stage: 'runtime' },
      { name: 'ghcr.io/acme/base', digest: '${BASE_DIGEST}', file: 'docker/Dockerfile', line: 22, stage: 'audit', unresolvedArgs: ['BASE_DIGEST'] },
    ]);
  });

  it('does not count references to earlier stages, in any letter case, nor scratch', () => {
    const text = 'FROM node:20 AS Builder\nFROM builder\nFROM BUILDER AS again\nFROM again\nFROM SCRATCH\n';
    expect(images(text).map(imageReference)).toEqual(['node:20']);
  });

  it('takes a later stage name that matches an image only from its own FROM onwards', () => {
    // `FROM alpine` before any stage named alpine is the real image.
    expect(images('FROM alpine:3.19\nFROM alpine AS alpine\nFROM alpine\n').map(imageReference)).toEqual(['alpine:3.19', 'alpine']);
  });

  it('substitutes build arguments declared before the first FROM, with defaults and alternatives', () => {
    const text = [
      'ARG A=3.12 B="bookworm"',
      'ARG EMPTY=',
      'ARG UNSET',
      'FROM python:${A}-slim-${B}',
      'FROM python:$A',
      'FROM node:${UNSET:-20}',
      'FROM node:${EMPTY:-22}',
      'FROM node:${EMPTY-none}',
      'FROM debian:${A:+stable}',
    ].join('\n');
    expect(images(text).map(imageReference)).toEqual(['python:3.12-slim-bookworm', 'python:3.12', 'node:20', 'node:22', 'node', 'debian:stable']);
  });

  it('resolves defaults that use earlier arguments, and marks those that need a missing one', () => {
    const text = 'ARG PY=3.12\nARG BASE=python:${PY}-slim\nARG TAG\nARG DERIVED=app:${TAG}\nFROM ${BASE}\nFROM ${DERIVED}\n';
    const [base, derived] = images(text);
    expect(base).toEqual({ name: 'python', tag: '3.12-slim', file: 'Dockerfile', line: 5 });
    expect(derived).toMatchObject({ name: '${DERIVED}', unresolvedArgs: ['DERIVED'] });
  });

  it('skips heredoc bodies but not shell here-strings', () => {
    const text = 'FROM a:1\nRUN <<-"EOT"\n\tFROM fake:1\n\tEOT\nRUN grep x <<< word\nFROM b:2\nword\nFROM c:3\n';
    expect(images(text).map(imageReference)).toEqual(['a:1', 'b:2', 'c:3']);
  });

  it('ignores arguments declared inside a stage, as Docker does, and marks what stays unresolved', () => {
    const text = 'FROM alpine AS one\nARG LATE=1\nFROM python:${LATE}\nFROM $IMAGE\n';
    const [, late, bare] = images(text);
    expect(late).toMatchObject({ name: 'python', tag: '${LATE}', unresolvedArgs: ['LATE'] });
    expect(bare).toMatchObject({ name: '$IMAGE', unresolvedArgs: ['IMAGE'] });
  });

  it('joins continuation lines, skipping comments inside them, and honours the escape directive', () => {
    expect(images('FROM \\\n  # the base\n  python:3.11 \\\n  AS base\n')).toEqual([{ name: 'python', tag: '3.11', file: 'Dockerfile', line: 1, stage: 'base' }]);
    expect(images('# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022 `\n  AS win\n')).toEqual([
      { name: 'mcr.microsoft.com/windows/servercore', tag: 'ltsc2022', file: 'Dockerfile', line: 2, stage: 'win' },
    ]);
  });

  it('reads lower-case instructions and CRLF line ends', () => {
    expect(images('from python:3.11 as build\r\nfrom build\r\n')).toMatchObject([{ name: 'python', tag: '3.11', line: 1, stage: 'build' }]);
  });

  it('never throws on garbage and returns what it can', () => {
    const garbage = ['', '\u0000\u0001\uFFFD', 'FROM', 'FROM --platform=linux/amd64', 'FROM ${', '\\\n\\\n\\', '{"not": "a dockerfile"}', 'ARG =x\nFROM a:${=}'];
    for (const text of garbage) expect(() => images(text)).not.toThrow();
    expect(images('FROM\nFROM --platform=linux/amd64\nFROM ok:1\n')).toMatchObject([{ name: 'ok', tag: '1', line: 3 }]);
    expect(images(`FROM ${'x'.repeat(100_000)}:${'y'.repeat(10)}`)[0]!.tag).toBe('yyyyyyyyyy');
  });
});

describe('parseImageRef', () => {
  it.each([
    ['python', { name: 'python' }],
    ['python:3.11-slim', { name: 'python', tag: '3.11-slim' }],
    ['registry.example.com:5000/team/img', { name: 'registry.example.com:5000/team/img' }],
    ['registry.example.com:5000/team/img:1.2', { name: 'registry.example.com:5000/team/img', tag: '1.2' }],
    [`img@${DIGEST}`, { name: 'img', digest: DIGEST }],
    [`localhost:5000/img:dev@${DIGEST}`, { name: 'localhost:5000/img', tag: 'dev', digest: DIGEST }],
    // Unresolved variables keep their own colons, slashes and at signs.
    ['ghcr.io/acme/loader:${TAG:?set it in .env}', { name: 'ghcr.io/acme/loader', tag: '${TAG:?set it in .env}' }],
    ['${REGISTRY:-registry.example.com:5000/team}/img', { name: '${REGISTRY:-registry.example.com:5000/team}/img' }],
    ['img:${TAG:-dev@x}', { name: 'img', tag: '${TAG:-dev@x}' }],
  ])('%s', (ref, expected) => {
    expect(parseImageRef(ref)).toEqual(expected);
  });
});

describe('dockerPurl', () => {
  const purl = (ref: string, extra: Partial<ContainerImage> = {}) => dockerPurl({ ...parseImageRef(ref), file: 'Dockerfile', line: 1, ...extra });

  it('leaves Docker Hub, the default registry, implicit and drops its library/ namespace', () => {
    expect(purl('python:3.11-slim')).toBe('pkg:docker/python@3.11-slim');
    expect(purl('docker.io/library/python:3.11-slim')).toBe('pkg:docker/python@3.11-slim');
    expect(purl('bitnami/spark:3.5')).toBe('pkg:docker/bitnami/spark@3.5');
  });

  it('puts other registries in repository_url and prefers the digest to the tag', () => {
    expect(purl(`registry.example.com:5000/team/img:1.2@${DIGEST}`)).toBe(`pkg:docker/team/img@${DIGEST}?repository_url=registry.example.com%3A5000`);
    expect(purl('ghcr.io/acme/tools/base')).toBe('pkg:docker/acme/tools/base?repository_url=ghcr.io');
  });

  it('gives no purl while build arguments are unresolved', () => {
    expect(purl('python:${V}', { unresolvedArgs: ['V'] })).toBeUndefined();
  });
});
