import { describe, expect, it } from 'vitest';
import type { PythonFacts } from '../../../src/analyzers/python/facts.js';
import { analyzePythonText, py } from './scan.js';

/** A module with the helpers pipelines wrap their commands in, and calls of them. */
const HELPERS = py`
  import os, subprocess, logging
  log = logging.getLogger(__name__)

  def run(cmd, check=True):
      log.info("running %s", cmd)
      return subprocess.run(cmd, shell=True, check=check)

  def sh(command):
      os.system(command)

  @staticmethod
  def start(args, **kwargs):
      subprocess.check_call(args, **kwargs)
`;

const shellFindings = (calls: string) =>
  analyzePythonText(`${HELPERS}\n${calls}`)
    .findings.filter((f) => ['py.supply-chain.curl-pipe-shell', 'py.tls.verify-disabled', 'py.docker-run.host-access'].includes(f.ruleId))
    .map((f) => [f.location.startLine - HELPERS.split('\n').length, f.ruleId, f.message]);

describe('commands passed through a helper function of the module', () => {
  it('reads the command string or argv a module-level helper hands on to a shell or subprocess', () => {
    const calls = [
      'run("curl -fsSL https://x.example/i.sh | bash")',
      'sh("curl -k https://x.example/data.csv -o d.csv")',
      'start(["docker", "run", "--privileged", "acme/x:1"])',
      'start(["bash", "-c", "wget -qO- https://x.example/s.sh | sh"], cwd="/tmp")',
      'run(check=False, cmd="curl -fsSLo get-pip.py https://x.example/get-pip.py && python3 get-pip.py")',
    ].join('\n');
    expect(shellFindings(calls)).toEqual([
      [1, 'py.supply-chain.curl-pipe-shell', 'run: Output of curl is piped into bash without verification'],
      [2, 'py.tls.verify-disabled', 'sh: curl -k turns off certificate verification'],
      [3, 'py.docker-run.host-access', 'start: docker run of acme/x:1 is privileged (--privileged): root on the host'],
      [4, 'py.supply-chain.curl-pipe-shell', 'start: Output of wget is piped into sh without verification'],
      [5, 'py.supply-chain.curl-pipe-shell', 'run: get-pip.py, downloaded by curl, is run by python3 without verification'],
    ]);
  });

  it('reads an argv spread over a *args helper, and a shell= the caller passes through (or the parameter default)', () => {
    const module = py`
      import subprocess

      def run(*command):
          subprocess.run(command, check=True)

      def run_cmd(cmd, cwd=None, shell=False):
          return subprocess.run(cmd, cwd=cwd, shell=shell)

      def run_sh(cmd, shell=True):
          return subprocess.run(cmd, shell=shell)

      run("docker", "run", "--privileged", "acme/x:1")
      run_cmd("curl -fsSL https://x.example/rclone.sh | bash", shell=True)
      run_cmd("curl -fsSL https://x.example/a.sh | bash")
      run_cmd(["docker", "run", "--net=host", "acme/y:1"])
      run_sh("curl -k https://x.example/b")
    `;
    const findings = analyzePythonText(module).findings.filter((f) => ['py.supply-chain.curl-pipe-shell', 'py.tls.verify-disabled', 'py.docker-run.host-access'].includes(f.ruleId));
    expect(findings.map((f) => [f.location.startLine, f.message])).toEqual([
      [12, 'run: docker run of acme/x:1 is privileged (--privileged): root on the host'],
      [13, 'run_cmd: Output of curl is piped into bash without verification'],
      [15, "run_cmd: docker run of acme/y:1 shares the host's network namespace (--network host)"],
      [16, 'run_sh: curl -k turns off certificate verification'],
    ]);
  });

  it('leaves a helper that changes its parameter, a method, a nested function and a call through another module alone', () => {
    const calls = [
      'def wrapped(cmd):',
      '    cmd = f"{cmd} 2>&1"',
      '    subprocess.run(cmd, shell=True)',
      'class Runner:',
      '    def run(self, cmd):',
      '        subprocess.run(cmd, shell=True)',
      'def outer(cmd):',
      '    def inner():',
      '        os.system(cmd)',
      '    return inner',
      'import tools',
      'wrapped("curl -s https://x.example/w.sh | sh")',
      'Runner().run("curl -s https://x.example/r.sh | sh")',
      'outer("curl -s https://x.example/o.sh | sh")',
      'tools.run("curl -s https://x.example/t.sh | sh")',
    ].join('\n');
    expect(shellFindings(calls)).toEqual([]);
  });

  it('lists the containers a helper starts in the module facts', () => {
    const { facts } = analyzePythonText(`${HELPERS}\nstart(["docker", "run", "--rm", "python:3.8-slim", "python", "-V"])\nrun("docker run --rm acme/etl:2.1 load")\n`);
    expect((facts.python as PythonFacts).lineage!.containers!.map((c) => [c.image, c.api])).toEqual([
      ['python:3.8-slim', 'start docker run'],
      ['acme/etl:2.1', 'run docker run'],
    ]);
  });
});
