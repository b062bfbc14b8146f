import type { Confidence } from '../../core/finding.js';
import type { CallSite } from './call-site.js';
import type { SyntaxNode } from './parser.js';
import type { PythonContext } from './python-rule.js';
import { commandsOf } from '../container/dockerfile/shell.js';
import { sequenceItems, shellCommand, shellCommandIndex } from './rules/shell.js';
import { stringText } from './rules/string-literal.js';

/** Airflow operator classes, under every module path each has had, and the templated field that runs. */
export interface TemplatedOperators {
  names: readonly string[];
  field: string;
}

/**
 * Operators whose templated field a shell runs (operators.bash, bash_operator,
 * providers.standard, contrib). Shared by the pattern rule, which reads Jinja templates in the
 * field, and the command-injection taint sink, which follows Python values into it, so both agree.
 */
export const AIRFLOW_SHELL_OPERATORS: readonly TemplatedOperators[] = [
  {
    names: ['airflow.operators.bash.BashOperator', 'airflow.operators.bash_operator.BashOperator', 'airflow.providers.standard.operators.bash.BashOperator'],
    field: 'bash_command',
  },
  { names: ['airflow.providers.ssh.operators.ssh.SSHOperator', 'airflow.contrib.operators.ssh_operator.SSHOperator'], field: 'command' },
];

/** Operators whose templated field the database runs as SQL (their `parameters=` are bound, not spliced). */
export const AIRFLOW_SQL_OPERATORS: readonly TemplatedOperators[] = [
  {
    names: [
      'airflow.providers.common.sql.operators.sql.SQLExecuteQueryOperator',
      'airflow.providers.common.sql.operators.sql.SQLCheckOperator',
      'airflow.providers.common.sql.operators.sql.SQLValueCheckOperator',
      'airflow.providers.postgres.operators.postgres.PostgresOperator',
      'airflow.operators.postgres_operator.PostgresOperator',
      'airflow.providers.mysql.operators.mysql.MySqlOperator',
      'airflow.operators.mysql_operator.MySqlOperator',
      'airflow.providers.sqlite.operators.sqlite.SqliteOperator',
      'airflow.operators.sqlite_operator.SqliteOperator',
      'airflow.providers.microsoft.mssql.operators.mssql.MsSqlOperator',
      'airflow.providers.oracle.operators.oracle.OracleOperator',
      'airflow.providers.snowflake.operators.snowflake.SnowflakeOperator',
      'airflow.providers.snowflake.operators.snowflake.SnowflakeSqlApiOperator',
      'airflow.providers.trino.operators.trino.TrinoOperator',
      'airflow.providers.vertica.operators.vertica.VerticaOperator',
      'airflow.providers.jdbc.operators.jdbc.JdbcOperator',
      'airflow.providers.databricks.operators.databricks_sql.DatabricksSqlOperator',
      'airflow.providers.amazon.aws.operators.redshift_sql.RedshiftSQLOperator',
      'airflow.providers.google.cloud.operators.bigquery.BigQueryExecuteQueryOperator',
    ],
    field: 'sql',
  },
  { names: ['airflow.providers.amazon.aws.operators.athena.AthenaOperator'], field: 'query' },
  { names: ['airflow.providers.apache.hive.operators.hive.HiveOperator'], field: 'hql' },
];

/** A literal template given to an operator's run field: one per statement when the field takes a list. */
export interface OperatorTemplate {
  operator: string;
  field: string;
  node: SyntaxNode;
  text: string;
}

/** The literal templates a call to one of `operators` gives its run field (none for other calls). */
export function operatorTemplates(call: CallSite, ctx: PythonContext, operators: readonly TemplatedOperators[]): OperatorTemplate[] {
  const field = operators.find(({ names }) => names.includes(call.name ?? ''))?.field;
  const value = field ? call.keywords.get(field) : undefined;
  if (!field || !value) return [];
  const operator = call.name!.slice(call.name!.lastIndexOf('.') + 1);
  const items = value.type === 'list' || value.type === 'tuple' ? value.namedChildren : [value];
  return items.flatMap((node) => {
    const text = stringText(node, ctx);
    return typeof text === 'string' ? [{ operator, field, node, text }] : [];
  });
}

/** Pod operators, whose templated `cmds` and `arguments` make the container's argv. */
export const POD_OPERATORS = [
  'airflow.providers.cncf.kubernetes.operators.pod.KubernetesPodOperator',
  'airflow.providers.cncf.kubernetes.operators.kubernetes_pod.KubernetesPodOperator',
  'airflow.contrib.operators.kubernetes_pod_operator.KubernetesPodOperator',
];
/** Docker operators, whose templated `command` is the container's argv: a list, or a string docker-py splits as shlex does. */
export const DOCKER_OPERATORS = [
  'airflow.providers.docker.operators.docker.DockerOperator',
  'airflow.operators.docker_operator.DockerOperator',
  'airflow.providers.docker.operators.docker_swarm.DockerSwarmOperator',
];
/** Operators that start a container from an argv Airflow renders. */
export const CONTAINER_OPERATORS = [...POD_OPERATORS, ...DOCKER_OPERATORS];

/** The argv a container operator's call writes out as lists: the pod's `cmds` then `arguments`, Docker's `command`. */
export function containerArgv(call: CallSite): SyntaxNode[] {
  return argvFields(call).flatMap((field) => {
    const value = call.keywords.get(field);
    return value ? (sequenceItems(value) ?? []) : [];
  });
}

function argvFields(call: CallSite): string[] {
  if (POD_OPERATORS.includes(call.name ?? '')) return ['cmds', 'arguments'];
  return DOCKER_OPERATORS.includes(call.name ?? '') ? ['command'] : [];
}

/**
 * The script a container operator hands a shell, as a literal template: `cmds=["bash", "-c"]` with
 * the script first in `arguments` (or all in `cmds`), Docker's `command=["sh", "-c", script]` or
 * `command="sh -c 'script'"`. None when the argv starts no shell, where each templated value stays
 * one argument.
 */
export function containerShellScript(call: CallSite, ctx: PythonContext): OperatorTemplate | undefined {
  const fields = argvFields(call);
  if (fields.length === 0) return undefined;
  const operator = call.name!.slice(call.name!.lastIndexOf('.') + 1);
  const field = fields.join('/');
  const [program, ...args] = containerArgv(call);
  const script = shellCommand(ctx, program, args);
  const text = script ? stringText(script, ctx) : undefined;
  if (script) return typeof text === 'string' ? { operator, field, node: script, text } : undefined;
  const command = fields[0] === 'command' ? call.keywords.get('command') : undefined;
  const line = command ? stringText(command, ctx) : undefined;
  if (!command || typeof line !== 'string') return undefined;
  const [first, ...rest] = commandsOf(line).find((c) => c.depth === 0)?.words.map((w) => w.text) ?? [];
  const at = shellCommandIndex(first, rest);
  return at === undefined ? undefined : { operator, field, node: command, text: rest[at]! };
}

/** Run configuration: whoever may trigger the DAG writes it, and nothing validates it by default. */
const TRIGGER_CONF = /\bdag_run\s*\.\s*conf\b/;
/** Params (which a Param schema may confine), upstream tasks' XComs and Variables. */
const RUN_INPUT = /\b(?:params\b|(?:ti|task_instance)\s*\.\s*xcom_pull\b|var\s*\.\s*(?:value|json)\b)/;
/** A last filter that turns the value into a number, which cannot break out of the command. */
const NUMBER_FILTER = /\|\s*(?:int|float|round)\s*(?:\([^)]*\))?\s*$/;

/** The worst Jinja expression in a template: one that splices run configuration, else other run input. */
export function runInputIn(command: string): { expression: string; confidence: Confidence } | undefined {
  let found: { expression: string; confidence: Confidence } | undefined;
  for (const match of command.matchAll(/\{\{(.*?)\}\}/gs)) {
    const expression = match[1]!.trim();
    if (NUMBER_FILTER.test(expression)) continue;
    if (TRIGGER_CONF.test(expression)) return { expression, confidence: 'high' };
    if (!found && RUN_INPUT.test(expression)) found = { expression, confidence: 'medium' };
  }
  return found;
}
