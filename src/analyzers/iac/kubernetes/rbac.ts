import { isRecord, listAt, valueAt, type K8sObject, type Path } from './parse.js';

export const RBAC_DOCS = 'https://kubernetes.io/docs/reference/access-authn-authz/rbac/';

/** One entry of a Role's or ClusterRole's `rules`. */
export interface PolicyRule {
  object: K8sObject;
  path: Path;
  verbs: string[];
  resources: string[];
  /** "ClusterRole \"etl\"" — how messages name the role. */
  role: string;
}

export function policyRules(objects: readonly K8sObject[]): PolicyRule[] {
  return objects
    .filter((o) => o.kind === 'Role' || o.kind === 'ClusterRole')
    .flatMap((object) =>
      listAt(object.data, ['rules']).flatMap((rule, i) =>
        isRecord(rule)
          ? [
              {
                object,
                path: ['rules', i],
                verbs: listAt(rule, ['verbs']).map(String),
                resources: listAt(rule, ['resources']).map(String),
                role: `${object.kind} "${String(valueAt(object.data, ['metadata', 'name']) ?? '?')}"`,
              },
            ]
          : [],
      ),
    );
}

/** An example ClusterRole with one rule, for the RBAC rules' docs. */
export function clusterRole(verbs: string, resources: string): string {
  return `apiVersion: rbac.authorization.k8s.io/v1\nkind: ClusterRole\nmetadata:\n  name: pipeline\nrules:\n  - apiGroups: [""]\n    resources: ${resources}\n    verbs: ${verbs}\n`;
}
