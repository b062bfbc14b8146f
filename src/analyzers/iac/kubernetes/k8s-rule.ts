import type { ReportOptions } from '../../../core/analyzer.js';
import type { RuleMeta } from '../../../core/rule.js';
import type { K8sObject, Path } from './parse.js';
import type { PodView } from './workloads.js';

/** What a Kubernetes rule can ask about the manifest file it is checking. */
export interface K8sContext {
  /** Every object of the file, List items included. */
  objects: readonly K8sObject[];
  /** The pod specs of its workloads (Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, Job, CronJob, …). */
  pods: readonly PodView[];
  /** Reports `path` of `object` (or its nearest ancestor written in the file). */
  report(object: K8sObject, path: Path, options?: ReportOptions): void;
}

export interface K8sRule extends RuleMeta {
  check(ctx: K8sContext): void;
}

/** Docs shared by every Kubernetes rule. */
export const K8S_DOCS = 'https://kubernetes.io/docs/concepts/security/pod-security-standards/';
