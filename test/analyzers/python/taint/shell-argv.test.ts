import { describe, expect, it } from 'vitest';
import { analyzePythonText, py } from '../scan.js';

describe('a shell started with -c from an argv list', () => {
  it('runs its script as a shell command: data reaching it is command injection with a trace, other argv items are not', () => {
    const code = py`
      import subprocess
      import pandas as pd

      name = pd.read_csv("s3://in/list.csv")["file"][0]
      subprocess.run(["bash", "-c", f"gzip {name}"], check=True)
      subprocess.Popen(("/bin/sh", "-ec", "gzip " + name))
      subprocess.run(["gzip", name], check=True)
      subprocess.run(["bash", "-c", 'gzip "$1"', "gz", name], check=True)
      subprocess.run(["bash", "script.sh", "-c", name])
    `;
    const findings = analyzePythonText(code, 'jobs/zip.py').findings.filter((f) => f.ruleId.includes('command-injection'));
    expect(findings.map((f) => [f.ruleId, f.location.startLine, f.confidence])).toEqual([
      ['py.taint.command-injection', 5, 'high'],
      ['py.taint.command-injection', 6, 'high'],
    ]);
    expect(findings[0]!.trace!.at(-1)!.label).toBe('sink: subprocess.run() — the value runs as a shell command (a shell started with -c, or a remote command over ssh)');
  });
});

describe('a remote command run over ssh from an argv list', () => {
  it('hands every word after the destination to the remote shell, past options and their values', () => {
    const code = py`
      import subprocess
      import pandas as pd

      row = pd.read_csv("s3://in/hosts.csv").iloc[0]
      subprocess.run(["ssh", "-i", "/keys/etl", "-o", "BatchMode=yes", row["host"], f"rm -rf /data/{row['dir']}"], check=True)
      subprocess.run(["ssh", "etl@warehouse", "ls", row["dir"]], check=True)
      subprocess.run(["ssh", "-p", "2222", "--", "warehouse", "vacuum " + row["table"]])
      subprocess.run(["ssh", row["host"], "uptime"])
      subprocess.run(["scp", row["file"], "warehouse:/in/"])
    `;
    const findings = analyzePythonText(code, 'jobs/remote.py').findings.filter((f) => f.ruleId.includes('command-injection'));
    expect(findings.map((f) => [f.ruleId, f.location.startLine])).toEqual([
      ['py.taint.command-injection', 5],
      ['py.taint.command-injection', 6],
      ['py.taint.command-injection', 7],
    ]);
  });

  it('is reported by the pattern rule when the command is built and its origin not visible', () => {
    const code = py`
      import subprocess

      def purge(host, table):
          subprocess.run(["ssh", host, f"psql -c 'TRUNCATE {table}'"], check=True)
          subprocess.run(["ssh", host, "uptime"], check=True)
    `;
    const findings = analyzePythonText(code, 'jobs/remote.py').findings.filter((f) => f.ruleId === 'py.command-injection.subprocess-shell');
    expect(findings.map((f) => [f.location.startLine, f.message])).toEqual([
      [4, 'subprocess.run() runs a remote command over ssh, which the remote shell parses, built by string formatting or concatenation'],
    ]);
  });
});

describe('a shell or ssh started by os.exec*, os.spawn*, os.posix_spawn* or asyncio.create_subprocess_exec', () => {
  it('finds the argv where each API takes it, spread out or as a sequence, past a spawn mode and an environment', () => {
    const code = py`
      import asyncio
      import os
      import pandas as pd

      name = pd.read_csv("s3://in/list.csv")["file"][0]
      os.execvp("bash", ["bash", "-c", f"gzip {name}"])
      os.spawnlp(os.P_WAIT, "sh", "sh", "-c", "gzip " + name)
      os.execle("/usr/bin/ssh", "ssh", "warehouse", "gzip " + name, {"LANG": "C"})
      os.posix_spawnp("ssh", ["ssh", "-p", "2222", "warehouse", name], os.environ)
      asyncio.create_subprocess_exec("bash", "-c", name)
      os.execvp("gzip", ["gzip", name])
      os.execle("/usr/bin/ssh", "ssh", "warehouse", "uptime", {"TARGET": name})
      asyncio.create_subprocess_exec("gzip", name)
    `;
    const findings = analyzePythonText(code, 'jobs/zip.py').findings.filter((f) => f.ruleId.includes('command-injection'));
    expect(findings.map((f) => [f.ruleId, f.location.startLine, f.confidence])).toEqual([
      ['py.taint.command-injection', 6, 'high'],
      ['py.taint.command-injection', 7, 'high'],
      ['py.taint.command-injection', 8, 'high'],
      ['py.taint.command-injection', 9, 'high'],
      ['py.taint.command-injection', 10, 'high'],
    ]);
  });
});

describe("the shell script of a container an Airflow operator starts", () => {
  it('follows Python values into the script a pod or a Docker container hands its shell, not into plain arguments', () => {
    const code = py`
      from airflow.models import Variable
      from airflow.providers.cncf.kubernetes.operators.pod import KubernetesPodOperator
      from airflow.providers.docker.operators.docker import DockerOperator

      target = Variable.get("target")
      KubernetesPodOperator(task_id="a", image="etl", cmds=["bash", "-c"], arguments=[f"gzip /data/{target}"])
      KubernetesPodOperator(task_id="b", image="etl", cmds=["sh", "-c", "export.sh " + target])
      DockerOperator(task_id="c", image="etl", command=["sh", "-c", f"load.sh {target}"])
      KubernetesPodOperator(task_id="d", image="etl", cmds=["python", "load.py"], arguments=[target])
      DockerOperator(task_id="e", image="etl", command=["python", "load.py", target])
    `;
    const findings = analyzePythonText(code, 'dags/export.py').findings.filter((f) => f.ruleId.includes('command-injection'));
    expect(findings.map((f) => [f.ruleId, f.location.startLine, f.severity])).toEqual([
      ['py.taint.command-injection', 6, 'critical'],
      ['py.taint.command-injection', 7, 'critical'],
      ['py.taint.command-injection', 8, 'critical'],
    ]);
    expect(findings[2]!.trace!.at(-1)!.label).toBe(
      'sink: airflow.providers.docker.operators.docker.DockerOperator() — the value is rendered by Airflow and run by a shell in the container',
    );
  });
});

describe('a database client started from an argv with a query option', () => {
  it('runs the option as SQL: psql -c, mysql --execute=, duckdb -c, also in a pod; a psql variable quoted with :\'name\' is bound, not spliced', () => {
    const code = py`
      import subprocess
      from airflow.models import Variable
      from airflow.providers.cncf.kubernetes.operators.pod import KubernetesPodOperator

      day = Variable.get("day")
      subprocess.run(["psql", "-h", "db", "-c", f"DELETE FROM events WHERE ds = '{day}'"], check=True)
      subprocess.run(["mysql", f"--execute=DELETE FROM events WHERE ds = '{day}'"], check=True)
      subprocess.run(["duckdb", "wh.db", "-c", "SELECT * FROM t WHERE d = '" + day + "'"], check=True)
      KubernetesPodOperator(task_id="purge", image="postgres:16", cmds=["psql"], arguments=["-c", f"VACUUM {day}"])
      subprocess.run(["psql", "-v", f"day={day}", "-c", "DELETE FROM events WHERE ds = :'day'"], check=True)
      subprocess.run(["clickhouse-client", "--query", "OPTIMIZE TABLE events"], check=True)
    `;
    const findings = analyzePythonText(code, 'dags/purge.py').findings.filter((f) => f.ruleId === 'py.taint.sql-injection');
    expect(findings.map((f) => f.location.startLine)).toEqual([6, 7, 8, 9]);
    expect(findings[0]!.trace!.at(-1)!.label).toBe('sink: subprocess.run() — the value runs as SQL (the query option of a database client: psql -c, mysql -e, …)');
  });
});
