import { DOCKER_OPERATORS, POD_OPERATORS } from '../airflow-templated-operators.js';
import type { CallSite } from '../call-site.js';
import { reportDockerHostAccess } from '../docker-host-access.js';
import type { SyntaxNode } from '../parser.js';
import type { PythonContext, PythonRule } from '../python-rule.js';

const DOCKER = 'from airflow.providers.docker.operators.docker import DockerOperator\n\n';
const POD = 'from airflow.providers.cncf.kubernetes.operators.pod import KubernetesPodOperator\n\n';

export const airflowPrivilegedContainer: PythonRule = {
  id: 'py.airflow.privileged-container',
  title: 'Airflow task container runs privileged or shares the host',
  category: 'sast',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-250', 'CWE-668'],
  what:
    'Finds DockerOperator (and DockerSwarmOperator) tasks started with `privileged=True` (critical), the Docker socket ' +
    'mounted (`mounts=[Mount(source="/var/run/docker.sock", …)]` or `volumes=[…]`, critical), `network_mode="host"` or ' +
    'a dangerous `cap_add` (SYS_ADMIN, NET_ADMIN, ALL, …), and KubernetesPodOperator tasks with `hostnetwork=True` or ' +
    '`privileged: True` in `container_security_context`/`security_context` (a dict or V1SecurityContext).',
  why:
    'The task container processes the data the DAG ingests; a parser bug or a poisoned file that takes it over then ' +
    'owns the worker host (privileged, the Docker socket) or its network (host networking reaches the scheduler, the ' +
    'metadata database and the cloud metadata endpoint) — and with them every connection and secret Airflow holds.',
  remediation:
    'Drop privileged and the socket mount (give the task the files or the API it needs instead), keep the default bridge ' +
    'network or the pod network, and add no capabilities; in Kubernetes set a restricted security context.',
  bad: [
    { file: 'dags/convert.py', code: `${DOCKER}DockerOperator(task_id="convert", image="acme/convert:1.4", privileged=True)\n` },
    {
      file: 'dags/convert.py',
      code: `${DOCKER}from docker.types import Mount\n\nDockerOperator(task_id="convert", image="acme/convert:1.4",\n    mounts=[Mount(source="/var/run/docker.sock", target="/var/run/docker.sock", type="bind")])\n`,
    },
    { file: 'dags/scrape.py', code: `${POD}KubernetesPodOperator(task_id="scrape", name="scrape", image="acme/scrape:2.0", hostnetwork=True)\n` },
  ],
  good: [
    {
      file: 'dags/convert.py',
      code: `${DOCKER}from docker.types import Mount\n\nDockerOperator(task_id="convert", image="acme/convert:1.4", privileged=False,\n    mounts=[Mount(source="/data/landing", target="/in", type="bind", read_only=True)])\n`,
    },
    {
      file: 'dags/scrape.py',
      code: `${POD}KubernetesPodOperator(task_id="scrape", name="scrape", image="acme/scrape:2.0",\n    container_security_context={"privileged": False, "allowPrivilegeEscalation": False})\n`,
    },
  ],
  references: ['https://airflow.apache.org/docs/apache-airflow-providers-docker/stable/_api/airflow/providers/docker/operators/docker/index.html', 'https://cwe.mitre.org/data/definitions/250.html'],
  onCall(call, ctx) {
    if (DOCKER_OPERATORS.includes(call.name ?? '')) reportDockerHostAccess(call, ctx, { container: 'The task container', host: 'the worker host' });
    else if (POD_OPERATORS.includes(call.name ?? '')) podSettings(call, ctx);
  },
};

function podSettings(call: CallSite, ctx: PythonContext): void {
  const hostNetwork = call.keywords.get('hostnetwork');
  if (hostNetwork && ctx.truthOf(hostNetwork) === true) ctx.report(hostNetwork, { message: "The task pod shares the node's network (hostnetwork=True)" });
  for (const key of ['container_security_context', 'security_context']) {
    const value = call.keywords.get(key);
    const privileged = value ? privilegedFlag(value, ctx) : undefined;
    if (privileged) ctx.report(privileged, { message: `The task pod runs privileged (${key}): full access to the node`, severity: 'critical' });
  }
}

/** The `privileged` value of a security context written as a dict or a V1SecurityContext(...) call, when it is true. */
function privilegedFlag(node: SyntaxNode, ctx: PythonContext): SyntaxNode | undefined {
  if (node.type === 'dictionary') {
    const pair = node.namedChildren.find((p) => p.type === 'pair' && ctx.constantOf(p.childForFieldName('key')!) === 'privileged');
    const value = pair?.childForFieldName('value');
    return value && ctx.truthOf(value) === true ? value : undefined;
  }
  if (node.type === 'call') {
    const value = ctx.callSite(node).keywords.get('privileged');
    return value && ctx.truthOf(value) === true ? value : undefined;
  }
  return undefined;
}
