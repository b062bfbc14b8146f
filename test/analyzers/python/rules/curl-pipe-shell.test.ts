import { describe, expect, it } from 'vitest';
import { py, scan } from '../scan.js';

const ID = 'py.supply-chain.curl-pipe-shell';

describe(ID, () => {
  it('finds a download run as code in every place Python hands a written-out script to a shell', () => {
    const findings = scan(py`
      import asyncio, os, subprocess
      from airflow.decorators import task
      from airflow.providers.cncf.kubernetes.operators.pod import KubernetesPodOperator
      from airflow.providers.docker.operators.docker import DockerOperator
      from airflow.providers.ssh.operators.ssh import SSHOperator
      os.popen("curl -s https://x.example/a.sh | sh")
      subprocess.check_call("wget -O - https://x.example/b.pl | perl", shell=True)
      subprocess.run(["ssh", "-p", "22", "etl@host", "curl -fsSL https://x.example/c.sh", "|", "bash"])
      asyncio.create_subprocess_shell("bash <(curl -s https://x.example/d.sh)")
      KubernetesPodOperator(task_id="k", name="k", image="etl", cmds=["sh", "-c"], arguments=["curl -s https://x.example/e.sh | tee /tmp/log | sh"])
      DockerOperator(task_id="d", image="etl", command="bash -c 'curl -s https://x.example/f.sh | bash'")
      SSHOperator(task_id="s", ssh_conn_id="etl", command="curl -s https://x.example/g.sh | sudo -E bash")
      @task.bash
      def install():
          return "curl -s https://x.example/h.py | python3"
    `, ID);
    expect(findings.map((f) => [f.location.startLine, f.message])).toEqual([
      [6, 'os.popen: Output of curl is piped into sh without verification'],
      [7, 'subprocess.check_call: Output of wget is piped into perl without verification'],
      [8, 'subprocess.run: Output of curl is piped into bash without verification'],
      [9, 'asyncio.create_subprocess_shell: A downloaded script is run through process substitution without verification'],
      [10, 'KubernetesPodOperator cmds/arguments: Output of curl is piped into sh without verification'],
      [11, 'DockerOperator command: Output of curl is piped into bash without verification'],
      [12, 'SSHOperator command: Output of curl is piped into bash without verification'],
      [15, '@task.bash install() command: Output of curl is piped into python3 without verification'],
    ]);
  });

  it('reads a command built from fixed text and run-time parts, each part one word: f-strings, + chains, .format, argv in a name', () => {
    const findings = scan(py`
      import os, subprocess
      url = os.environ["INSTALLER"]
      SHELL = "bash"
      os.system(f"curl -s {url} | {SHELL}")
      subprocess.run("wget -qO- " + url + " | sh", shell=True)
      os.system("curl -fsSL {} | {}".format(url, "python3"))
      argv = ["bash", "-c", f"curl -s {url} | sh"]
      subprocess.run(argv)
      later = ["bash", "-c", "echo"]
      later.append("curl -s https://x.example/a.sh | sh")
      subprocess.run(later)
    `, ID);
    expect(findings.map((f) => [f.location.startLine, f.message])).toEqual([
      [4, 'os.system: Output of curl is piped into bash without verification'],
      [5, 'subprocess.run: Output of wget is piped into sh without verification'],
      [6, 'os.system: Output of curl is piped into python3 without verification'],
      [7, 'subprocess.run: Output of curl is piped into sh without verification'],
    ]);
  });

  it('leaves downloads saved to files and checked, piped into other tools, or in argv without a shell', () => {
    const findings = scan(py`
      import os, subprocess
      url = os.environ["INSTALLER"]
      os.system("curl -fsSLo /tmp/a.sh https://x.example/a.sh && sha256sum -c a.sha256 && sh /tmp/a.sh")
      subprocess.run("curl -s https://x.example/data.csv | gzip > data.gz", shell=True)
      subprocess.run(["curl", "-s", "https://x.example/a.sh", "|", "sh"])
      subprocess.run("curl -s https://x.example/a.sh | sh", shell=False)
      os.system(f"curl -s {url} -o /tmp/a.sh && sha256sum -c a.sha256 && sh /tmp/a.sh")
    `, ID);
    expect(findings).toEqual([]);
  });

  it('follows a file one call downloads to a later call of the module that runs it, unless a digest is checked between', () => {
    const findings = scan(py`
      import hashlib, os, subprocess, urllib.request
      INSTALLER = "/tmp/install.sh"
      subprocess.run(["curl", "-fsSLo", INSTALLER, "https://x.example/install.sh"], check=True)
      subprocess.run(["bash", INSTALLER, "--yes"], check=True)
      urllib.request.urlretrieve("https://x.example/get-pip.py", "get-pip.py")
      os.system("python3 get-pip.py")
      urllib.request.urlretrieve("https://x.example/tool.sh", "/tmp/tool.sh")
      digest = hashlib.sha256(open("/tmp/tool.sh", "rb").read()).hexdigest()
      subprocess.run(["sh", "/tmp/tool.sh"])
      os.system("curl -fsSLo /tmp/one.sh https://x.example/one.sh && sh /tmp/one.sh")
      urllib.urlretrieve("https://x.example/old.py", "old.py")
      subprocess.call(["python", "old.py"])

      def sha_ok(path):
          return hashlib.sha256(open(path, "rb").read()).hexdigest() == PINNED

      urllib.request.urlretrieve("https://x.example/checked.sh", "/tmp/checked.sh")
      if sha_ok("/tmp/checked.sh"):
          subprocess.run(["sh", "/tmp/checked.sh"])
    `, ID);
    expect(findings.map((f) => [f.location.startLine, f.location.snippet, f.message])).toEqual([
      [4, 'subprocess.run(["bash", INSTALLER, "--yes"], check=True)', 'subprocess.run: /tmp/install.sh, downloaded by curl, is run by bash without verification'],
      [6, 'os.system("python3 get-pip.py")', 'os.system: get-pip.py, downloaded by urllib.request.urlretrieve, is run by python3 without verification'],
      [10, 'os.system("curl -fsSLo /tmp/one.sh https://x.example/one.sh && sh /tmp/one.sh")', 'os.system: /tmp/one.sh, downloaded by curl, is run by sh without verification'],
      [12, 'subprocess.call(["python", "old.py"])', 'subprocess.call: old.py, downloaded by urllib.urlretrieve, is run by python without verification'],
    ]);
  });
});

describe('py.command-injection.wildcard on the same shell carriers', () => {
  it('reads Airflow commands and bash -c argv as well as os.system', () => {
    const findings = scan(py`
      import subprocess
      from airflow.operators.bash import BashOperator
      BashOperator(task_id="archive", bash_command="cd /data/landing && tar czf /archive/{{ ds }}.tgz *")
      subprocess.run(["bash", "-c", "chown etl *"])
      BashOperator(task_id="safe", bash_command="cd /data/landing && tar czf /archive/{{ ds }}.tgz -- ./*")
    `, 'py.command-injection.wildcard');
    expect(findings.map((f) => [f.location.startLine, f.message])).toEqual([
      [3, 'tar gets a bare * glob: file names starting with - become tar options'],
      [4, 'chown gets a bare * glob: file names starting with - become chown options'],
    ]);
  });
});
