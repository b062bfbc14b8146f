/**
 * Airflow operators whose templated field a shell runs, under every module path the class has had
 * (operators.bash, bash_operator, providers.standard, contrib). Shared by the pattern rule, which
 * reads Jinja templates in the field, and the command-injection taint sink, which follows Python
 * values into it, so both agree.
 */
export const AIRFLOW_SHELL_OPERATORS: ReadonlyArray<{ names: readonly string[]; field: string }> = [
  {
    names: ['airflow.operators.bash.BashOperator', 'airflow.operators.bash_operator.BashOperator', 'airflow.providers.standard.operators.bash.BashOperator'],
    field: 'bash_command',
  },
  { names: ['airflow.providers.ssh.operators.ssh.SSHOperator', 'airflow.contrib.operators.ssh_operator.SSHOperator'], field: 'command' },
];
