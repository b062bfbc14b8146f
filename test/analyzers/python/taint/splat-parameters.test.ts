import { describe, expect, it } from 'vitest';
import { parameterIndex } from '../../../../src/analyzers/python/taint/cross-module.js';
import { assessTree } from '../../../helpers/assess-tree.js';
import { analyzePythonText, py } from '../scan.js';

describe('*args and **kwargs parameters', () => {
  it('take the keywords no other parameter names, and the positional arguments left over, within a file', () => {
    const result = analyzePythonText(py`
      import os
      import subprocess
      import requests

      def run_step(name, **options):
          subprocess.run(options["cmd"], shell=True)

      def run_all(first, *rest):
          for cmd in rest:
              os.system(cmd)

      def main():
          body = requests.get("https://jobs.example.com/next", timeout=5).text
          run_step("sync", cmd=body)
          run_step(body, retries=3)
          run_step("copy", **{"cmd": body})
          run_all("echo start", body)
    `);
    const taint = result.findings.filter((f) => f.ruleId === 'py.taint.command-injection');
    expect(taint.map((f) => f.location.startLine)).toEqual([6, 10]);
    const labels = taint.map((f) => f.trace!.map((s) => s.label).join(' → '));
    expect(labels[0]).toContain('passed to run_step() as options');
    expect(labels[1]).toContain('passed to run_all() as rest');
  });

  it('leave a **kwargs parameter clean when only named parameters get the data', () => {
    const result = analyzePythonText(py`
      import subprocess
      import requests

      def run_step(name, **options):
          subprocess.run(options["cmd"], shell=True)

      def main():
          body = requests.get("https://jobs.example.com/next", timeout=5).text
          run_step(body, cmd="ls -l")
          run_step(name=body)
    `);
    expect(result.findings.filter((f) => f.ruleId.startsWith('py.taint.'))).toEqual([]);
  });

  it('bind arguments across modules the same way', async () => {
    const { findings } = await assessTree(
      {
        'steps.py': py`
          import subprocess

          def run_step(name, *extra, **options):
              subprocess.run(options["cmd"], shell=True)
              subprocess.run(" ".join(extra), shell=True)
        `,
        'job.py': py`
          import requests
          from steps import run_step

          body = requests.get("https://jobs.example.com/next", timeout=5).text
          run_step("sync", cmd=body)
          run_step("copy", "-v", body)
        `,
      },
      { only: ['sast'] },
    );
    const taint = findings.filter((f) => f.ruleId === 'py.taint.command-injection');
    expect(taint.map((f) => [f.location.file, f.location.startLine])).toEqual([
      ['steps.py', 4],
      ['steps.py', 5],
    ]);
    expect(taint.map((f) => f.trace!.find((s) => s.label.startsWith('passed to'))!.label)).toEqual([
      'passed to steps.run_step() as **options',
      'passed to steps.run_step() as *extra',
    ]);
  });

  it('follow what a call unpacks into its arguments: a dataclass built from **record, a helper given *fields', () => {
    const result = analyzePythonText(py`
      import json
      import os
      import sqlite3
      from dataclasses import dataclass
      from pydantic import BaseModel
      import boto3

      @dataclass
      class Job:
          table: str
          path: str

      class Checked(BaseModel):
          table: str

      def load_jobs():
          body = boto3.client("s3").get_object(Bucket="cfg", Key="jobs.json")["Body"].read()
          return [Job(**j) for j in json.loads(body)]

      def run(conn: sqlite3.Connection, fields):
          for job in load_jobs():
              conn.execute(f"DELETE FROM {job.table}")
          record = json.loads(open("landing/job.json").read())
          os.system(" ".join(str(*record["argv"])))
          conn.execute("DELETE FROM " + Checked(**record).table)
    `);
    const taint = result.findings.filter((f) => f.ruleId.startsWith('py.taint.'));
    expect(taint.map((f) => [f.ruleId, f.location.startLine])).toEqual([
      ['py.taint.sql-injection', 22],
      ['py.taint.command-injection', 24],
    ]);
    expect(taint[0]!.trace!.map((s) => s.label)).toContain('returned from load_jobs()');
  });

  it.each([
    [['a', 'b'], 'b', 0, 1],
    [['a', 'b'], 'c', 0, -1],
    [['a', '**kw'], 'c', 0, 1],
    [['a', '*rest', 'k'], 3, 0, 1],
    [['self', 'a', '*rest'], 1, 1, 2],
    [['a', 'b'], 1, 0, 1],
  ])('parameterIndex(%j, %j, offset %i) is %i', (params, arg, offset, expected) => {
    expect(parameterIndex(params, arg, offset)).toBe(expected);
  });
});
