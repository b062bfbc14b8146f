import { describe, expect, it } from 'vitest';
import { unprivilegedUser } from '../../../src/analyzers/container/unprivileged-images.js';
import { parseImageRef } from '../../../src/inventory/containers.js';
import { analyzeDockerfileText } from './scan.js';

const userOf = (ref: string) => unprivilegedUser(parseImageRef(ref));

describe('base images that run unprivileged by themselves', () => {
  it('knows the images whose Dockerfile ends with a non-root USER, with or without a registry prefix', () => {
    expect(userOf('apache/airflow:2.9.3')).toBe('airflow (uid 50000)');
    expect(userOf('docker.io/apache/airflow:slim-2.10.2-python3.12')).toBe('airflow (uid 50000)');
    expect(userOf('quay.io/jupyter/pyspark-notebook:2024-10-07')).toMatch(/^jovyan/);
    expect(userOf('jupyter/minimal-notebook')).toMatch(/^jovyan/);
    expect(userOf('bitnami/spark:3.5')).toBe('1001');
    expect(userOf('gcr.io/distroless/python3-debian12:nonroot')).toBe('nonroot');
    expect(userOf('gcr.io/distroless/java17-debian12:debug-nonroot')).toBe('nonroot');
  });

  it('leaves root images, look-alike names and versions from before the image dropped root', () => {
    expect(userOf('python:3.12-slim')).toBeUndefined();
    expect(userOf('bitnami/minideb:bookworm')).toBeUndefined();
    expect(userOf('example.com/apache/airflow:2.9.3')).toBeUndefined();
    expect(userOf('apache/airflow-custom:1')).toBeUndefined();
    expect(userOf('gcr.io/spark-operator/spark:v2.4.5')).toBeUndefined();
    expect(userOf('gcr.io/spark-operator/spark:v3.1.1')).toBe('185');
    expect(userOf('confluentinc/cp-kafka:5.5.1')).toBeUndefined();
    expect(userOf('confluentinc/cp-kafka:7.7.1')).toBe('appuser');
    expect(userOf('gcr.io/distroless/static:latest')).toBeUndefined();
  });
});

describe('docker.root-user on an unprivileged base', () => {
  const rootFindings = (code: string) => analyzeDockerfileText(code).findings.filter((f) => f.ruleId === 'docker.root-user').map((f) => f.location.startLine);

  it('takes the base image\'s user when the Dockerfile sets none, through earlier stages and build arguments', () => {
    expect(rootFindings('FROM apache/airflow:2.9.3\nCOPY requirements.txt /\nRUN pip install --no-cache-dir -r /requirements.txt\n')).toEqual([]);
    expect(rootFindings('ARG BASE=quay.io/jupyter/scipy-notebook:2024-10-07\nFROM ${BASE} AS base\nFROM base\nCOPY notebooks/ /home/jovyan/\n')).toEqual([]);
  });

  it('still reports a switch to root that is never undone, and a root base', () => {
    expect(rootFindings('FROM apache/airflow:2.9.3\nUSER root\nRUN apt-get update\n')).toEqual([2]);
    expect(rootFindings('FROM gcr.io/spark-operator/spark:v2.4.5\nCOPY jobs/ /opt/jobs/\n')).toEqual([1]);
    expect(rootFindings('FROM python:3.12-slim AS base\nFROM base\nCOPY . /app\n')).toEqual([2]);
  });
});
