import { describe, expect, it } from 'vitest';
import { EOL_RELEASES, findRelease, isPastEol, releasesOfImage } from '../../../src/analyzers/container/eol-images.js';

const names = (name: string, tag?: string) => releasesOfImage(name, tag).map((r) => `${r.product} ${r.release}`);

describe('end-of-life table', () => {
  it('holds real calendar dates, one entry per release', () => {
    for (const r of EOL_RELEASES) expect(new Date(`${r.eol}T00:00:00Z`).toISOString().slice(0, 10)).toBe(r.eol);
    const keys = EOL_RELEASES.map((r) => `${r.product} ${r.release}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('knows releases by number and by codename', () => {
    expect(findRelease('debian', 'buster')).toMatchObject({ release: '10', eol: '2024-06-30' });
    expect(findRelease('ubuntu', '18.04')).toMatchObject({ codename: 'bionic' });
    expect(findRelease('python', '3.99')).toBeUndefined();
  });

  it('judges end of life against the given day, inclusive', () => {
    const py37 = findRelease('python', '3.7')!;
    expect(isPastEol(py37, new Date('2023-06-26T23:59:59Z'))).toBe(false);
    expect(isPastEol(py37, new Date('2023-06-27T00:00:00Z'))).toBe(true);
  });

  it('reads runtime and distribution releases from official image tags', () => {
    expect(names('python', '3.7-slim-buster')).toEqual(['python 3.7', 'debian 10']);
    expect(names('docker.io/library/python', '3.10.14-alpine3.19')).toEqual(['python 3.10', 'alpine 3.19']);
    expect(names('node', '16.20.2-bullseye-slim')).toEqual(['node 16', 'debian 11']);
    expect(names('debian', 'stretch-20220622-slim')).toEqual(['debian 9']);
    expect(names('debian', '10.13')).toEqual(['debian 10']);
    expect(names('ubuntu', '18.04')).toEqual(['ubuntu 18.04']);
    expect(names('ubuntu', 'focal-20240530')).toEqual(['ubuntu 20.04']);
    expect(names('alpine', '3.12.12')).toEqual(['alpine 3.12']);
  });

  it('reads the per-architecture copies of official images and CircleCI’s convenience images as the originals', () => {
    expect(names('i386/node', '10.0.0')).toEqual(['node 10']);
    expect(names('arm64v8/python', '3.6-stretch')).toEqual(['python 3.6', 'debian 9']);
    expect(names('cimg/python', '3.9.18')).toEqual(['python 3.9']);
    expect(names('circleci/node', '13.8.0')).toEqual(['node 13']);
    expect(names('circleci/postgres', '9.6')).toEqual(['postgres 9.6']);
    expect(names('cimg/base', '2020.01')).toEqual([]);
    expect(names('acme/python', '3.6')).toEqual([]);
  });

  it('reads PostgreSQL majors from the postgres image: one number from 10 on, two before', () => {
    expect(names('postgres', '15.4')).toEqual(['postgres 15']);
    expect(names('postgres', '11-alpine3.19')).toEqual(['postgres 11', 'alpine 3.19']);
    expect(names('postgres', '9.6.24')).toEqual(['postgres 9.6']);
    expect(names('postgres', '16-bookworm')).toEqual(['postgres 16', 'debian 12']);
    expect(names('postgres', 'alpine')).toEqual([]);
    expect(names('docker.io/bitnami/postgresql', '11.22.0-debian-11-r4')).toEqual(['postgres 11', 'debian 11']);
    expect(names('nvidia/cuda', '11.8.0-runtime-ubuntu20.04')).toEqual(['ubuntu 20.04']);
    expect(isPastEol(findRelease('postgres', '14')!, new Date('2026-11-12T00:00:00Z'))).toBe(true);
    expect(isPastEol(findRelease('postgres', '15')!, new Date('2026-11-12T00:00:00Z'))).toBe(false);
  });

  it('names nothing for moving tags, missing tags and images outside the official library', () => {
    expect(names('python', '3-slim')).toEqual([]);
    expect(names('python', 'alpine')).toEqual([]);
    expect(names('python')).toEqual([]);
    expect(names('mycorp/python', '3.7')).toEqual([]);
    expect(names('registry.example.com/team/base', 'latest')).toEqual([]);
  });
});
