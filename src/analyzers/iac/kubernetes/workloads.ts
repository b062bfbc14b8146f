import type { K8sContext } from './k8s-rule.js';
import { isRecord, listAt, recordAt, valueAt, type K8sObject, type Path, type YamlMap } from './parse.js';

/** Where the pod spec sits in each workload kind. */
const POD_SPEC_PATHS: Record<string, Path> = {
  Pod: ['spec'],
  PodTemplate: ['template', 'spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

const CONTAINER_LISTS = ['initContainers', 'containers', 'ephemeralContainers'] as const;

export interface ContainerView {
  /** Path of the container inside its object. */
  path: Path;
  container: YamlMap;
  name: string;
}

/** A pod spec of a workload, with its containers. */
export interface PodView {
  object: K8sObject;
  /** Path of the pod spec inside the object. */
  path: Path;
  spec: YamlMap;
  /** Path of the pod (template) metadata: annotations live there. */
  metadataPath: Path;
  containers: ContainerView[];
}

export function podsOf(objects: readonly K8sObject[]): PodView[] {
  return objects.flatMap((object) => {
    const path = POD_SPEC_PATHS[object.kind];
    const spec = path && recordAt(object.data, path);
    if (!path || !spec) return [];
    const containers = CONTAINER_LISTS.flatMap((list) =>
      listAt(spec, [list]).flatMap((container, i) =>
        isRecord(container) ? [{ path: [...path, list, i], container, name: String(container['name'] ?? `${list}[${i}]`) }] : [],
      ),
    );
    return [{ object, path, spec, metadataPath: object.kind === 'Pod' ? ['metadata'] : [...path.slice(0, -1), 'metadata'], containers }];
  });
}

/** A setting found in the container's or the pod's security context, and where. */
export interface Setting {
  value: unknown;
  path: Path;
}

/**
 * The security-context setting that applies to a container: its own, else the pod's
 * (for the fields Kubernetes lets a pod set for all its containers).
 */
export function effectiveSetting(pod: PodView, c: ContainerView, key: string): Setting | undefined {
  for (const path of [[...c.path, 'securityContext', key], [...pod.path, 'securityContext', key]]) {
    const value = valueAt(pod.object.data, path);
    if (value !== undefined && value !== null) return { value, path };
  }
  return undefined;
}

/** A container's own security-context setting. */
export function containerSetting(pod: PodView, c: ContainerView, key: string): Setting | undefined {
  const path = [...c.path, 'securityContext', key];
  const value = valueAt(pod.object.data, path);
  return value === undefined || value === null ? undefined : { value, path };
}

/** True for the workload kinds that run pods (and so take a namespace of their own). */
export function isWorkload(object: K8sObject): boolean {
  return Object.hasOwn(POD_SPEC_PATHS, object.kind);
}

/**
 * Reports every container whose own security-context `key` is not `wanted`: at the setting when it
 * is written with another value, else at the container.
 */
export function reportUnlessSet(ctx: K8sContext, key: string, wanted: unknown, message: (c: ContainerView, setting: Setting | undefined) => string): void {
  for (const pod of ctx.pods) {
    for (const c of pod.containers) {
      const setting = containerSetting(pod, c, key);
      if (setting?.value !== wanted) ctx.report(pod.object, setting?.path ?? c.path, { message: message(c, setting) });
    }
  }
}
