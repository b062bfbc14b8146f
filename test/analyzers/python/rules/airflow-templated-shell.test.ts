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
