import { capabilityName, DANGEROUS_CAPABILITIES } from '../iac/kubernetes/rules/capabilities.js';
import { isRuntimeSocket } from '../iac/kubernetes/rules/host-path.js';
import { argument, type CallSite } from './call-site.js';
import type { SyntaxNode } from './parser.js';
import type { PythonContext } from './python-rule.js';

/**
 * docker-py's (and podman-py's) `client.containers.run(…)` / `.create(…)`: the client resolved
 * (`docker.from_env().containers.run`) or not (`self.client.containers.run`), as the attribute chain
 * `containers.run` is the SDK's own.
 */
export function startsContainer(call: CallSite): boolean {
  return /(^|\.)containers\.(run|create)$/.test(call.name ?? '') && (call.name!.startsWith('docker.') || call.name!.startsWith('podman.') || !call.name!.includes('('));
}

/** How messages name the container and the machine it runs on: "The task container" on "the worker host". */
export interface ContainerWording {
  container: string;
  host: string;
}

/**
 * Reports the Docker settings of a call that starts a container (an Airflow DockerOperator, docker-py's
 * `containers.run`) that hand it the host: privileged mode and the runtime socket (critical), the
 * host's network or process namespace and dangerous capabilities.
 */
export function reportDockerHostAccess(call: CallSite, ctx: PythonContext, { container, host }: ContainerWording): void {
  const privileged = call.keywords.get('privileged');
  if (privileged && ctx.truthOf(privileged) === true) ctx.report(privileged, { message: `${container} runs privileged: full access to ${host}`, severity: 'critical' });
  const network = call.keywords.get('network_mode');
  if (network && ctx.constantOf(network) === 'host') ctx.report(network, { message: `${container} shares ${host}'s network (network_mode="host")` });
  const pid = call.keywords.get('pid_mode');
  if (pid && ctx.constantOf(pid) === 'host') ctx.report(pid, { message: `${container} shares ${host}'s processes (pid_mode="host")` });
  for (const cap of items(call.keywords.get('cap_add'))) {
    const name = capabilityName(ctx.constantOf(cap));
    if (DANGEROUS_CAPABILITIES.has(name)) ctx.report(cap, { message: `${container} is given the ${name} capability` });
  }
  const volumes = call.keywords.get('volumes');
  const sources = [
    // docker.types.Mount(target, source, …).
    ...items(call.keywords.get('mounts')).flatMap((mount) => (mount.type === 'call' ? [argument(ctx.callSite(mount), 1, 'source')] : [])),
    // ["/host:/container:ro"], or docker-py's {"/host": {"bind": "/container", "mode": "ro"}}.
    ...(volumes?.type === 'dictionary' ? volumes.namedChildren.flatMap((pair) => (pair.type === 'pair' ? [pair.childForFieldName('key') ?? undefined] : [])) : items(volumes)),
  ];
  for (const node of sources) {
    const written = node ? ctx.constantOf(node) : undefined;
    const source = typeof written === 'string' ? written.split(':')[0]! : undefined;
    if (node && source && isRuntimeSocket(source)) ctx.report(node, { message: `${container} gets the container runtime socket ${source}: root on ${host}`, severity: 'critical' });
  }
}

function items(node: SyntaxNode | undefined): SyntaxNode[] {
  return node && (node.type === 'list' || node.type === 'tuple') ? node.namedChildren : [];
}
