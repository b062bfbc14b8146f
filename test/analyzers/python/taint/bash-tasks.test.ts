import { describe, expect, it } from 'vitest';
import { analyzePythonText, py } from '../scan.js';

describe('@task.bash functions', () => {
  it('have the command they return followed as a shell command, from TaskFlow arguments and the context', () => {
    const result = analyzePythonText(py`
      from airflow.decorators import dag, task
      from airflow.operators.python import get_current_context

      @dag(schedule=None)
      def pipeline():
          @task
          def pick(**context):
              return context["params"]["name"]

          @task.bash
          def purge(name: str):
              return f"rm -rf /data/{name}"

          @task.bash(cwd="/srv")
          def archive():
              key = get_current_context()["dag_run"].conf["key"]
              if not key:
                  return "echo nothing to archive"
              return "aws s3 mv s3://in/" + key + " s3://archive/"

          purge(pick())
          archive()

      pipeline()
    `);
    const taint = result.findings.filter((f) => f.ruleId === 'py.taint.command-injection');
    expect(taint.map((f) => [f.location.startLine, f.severity])).toEqual([
      [12, 'critical'],
      [19, 'critical'],
    ]);
    expect(taint[0]!.trace!.map((s) => s.label)).toEqual([
      'source: context["params"] (airflow-conf)',
      'returned',
      'returned from pick()',
      'passed to purge() as name',
      "sink: @task.bash purge() — the value is run by bash as the task's command",
    ]);
  });

  it('leave literal commands and plain @task functions that return text alone', () => {
    const result = analyzePythonText(py`
      from airflow.decorators import task

      @task.bash
      def sync():
          return "aws s3 sync s3://in /data"

      @task
      def describe(**context):
          return f"rm -rf {context['params']['name']}"
    `);
    expect(result.findings.filter((f) => f.ruleId.startsWith('py.taint.'))).toEqual([]);
  });
});

describe('@task.bash templates', () => {
  it('report the Jinja run input a returned command splices, at the return, and not literal or plain-task text', () => {
    const result = analyzePythonText(py`
      from airflow.decorators import task

      @task.bash
      def purge():
          if True:
              return "rm -rf /data/{{ dag_run.conf['table'] }}"
          return "echo {{ params.note }} {{ ds }} {{ params.days | int }}"

      @task.bash
      def daily():
          return "sync.sh {{ ds }}"

      @task
      def describe():
          return "rm {{ dag_run.conf['x'] }}"
    `);
    const found = result.findings.filter((f) => f.ruleId === 'py.airflow.templated-shell-command');
    expect(found.map((f) => [f.location.startLine, f.confidence, f.message])).toEqual([
      [6, 'high', "@task.bash purge() command splices {{ dag_run.conf['table'] }} into the shell command Airflow runs"],
      [7, 'medium', '@task.bash purge() command splices {{ params.note }} into the shell command Airflow runs'],
    ]);
  });
});
