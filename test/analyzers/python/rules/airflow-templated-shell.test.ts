import { describe, expect, it } from 'vitest';
import { py, scan } from '../scan.js';

const ID = 'py.airflow.templated-shell-command';

describe(`${ID} on KubernetesPodOperator`, () => {
  it('reports run input spliced into the script a pod hands its shell, in arguments or in cmds', () => {
    const findings = scan(py`
      from airflow.providers.cncf.kubernetes.operators.pod import KubernetesPodOperator
      KubernetesPodOperator(task_id="a", name="a", image="etl", cmds=["bash", "-c"], arguments=["gzip /data/{{ dag_run.conf['file'] }}"])
      KubernetesPodOperator(task_id="b", name="b", image="etl", cmds=["/bin/sh", "-ec", "export.sh {{ params.target }}"])
    `, ID);
    expect(findings.map((f) => [f.location.startLine, f.confidence, f.message])).toEqual([
      [2, 'high', "KubernetesPodOperator cmds/arguments splices {{ dag_run.conf['file'] }} into the shell command Airflow runs"],
      [3, 'medium', 'KubernetesPodOperator cmds/arguments splices {{ params.target }} into the shell command Airflow runs'],
    ]);
  });

  it('leaves argv without a shell, a script operand and number-filtered values alone', () => {
    const findings = scan(py`
      from airflow.providers.cncf.kubernetes.operators.pod import KubernetesPodOperator
      KubernetesPodOperator(task_id="a", name="a", image="etl", cmds=["gzip"], arguments=["/data/{{ dag_run.conf['file'] }}"])
      KubernetesPodOperator(task_id="b", name="b", image="etl", cmds=["bash", "run.sh", "-c", "{{ dag_run.conf['x'] }}"])
      KubernetesPodOperator(task_id="c", name="c", image="etl", cmds=["sh", "-c"], arguments=["sleep {{ params.wait | int }}"])
    `, ID);
    expect(findings).toEqual([]);
  });
});

describe(`${ID} on DockerOperator and templates written with escapes`, () => {
  it('reads the script a Docker command hands its shell, as a list or a string docker-py splits, and templates with escaped quotes or newlines', () => {
    const findings = scan(py`
      from airflow.operators.bash import BashOperator
      from airflow.providers.docker.operators.docker import DockerOperator
      DockerOperator(task_id="a", image="etl", command=["sh", "-c", "gzip {{ dag_run.conf['file'] }}"])
      DockerOperator(task_id="b", image="etl", command="bash -c 'gzip \\"{{ dag_run.conf[\\"file\\"] }}\\"'")
      BashOperator(task_id="c", bash_command="gzip \\"{{ dag_run.conf['file'] }}\\"\\n")
    `, ID);
    expect(findings.map((f) => [f.location.startLine, f.confidence, f.message])).toEqual([
      [3, 'high', "DockerOperator command splices {{ dag_run.conf['file'] }} into the shell command Airflow runs"],
      [4, 'high', 'DockerOperator command splices {{ dag_run.conf["file"] }} into the shell command Airflow runs'],
      [5, 'high', "BashOperator bash_command splices {{ dag_run.conf['file'] }} into the shell command Airflow runs"],
    ]);
  });

  it('leaves a Docker command that starts no shell alone, string or list', () => {
    const findings = scan(py`
      from airflow.providers.docker.operators.docker import DockerOperator
      DockerOperator(task_id="a", image="etl", command="python load.py {{ dag_run.conf['file'] }}")
      DockerOperator(task_id="b", image="etl", command=["python", "load.py", "{{ dag_run.conf['file'] }}"])
      DockerOperator(task_id="c", image="etl", command="sh run.sh -c '{{ dag_run.conf['x'] }}'")
    `, ID);
    expect(findings).toEqual([]);
  });
});

