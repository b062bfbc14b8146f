import { isMap, isScalar, Pair, Scalar, YAMLMap, YAMLSeq, type Node } from 'yaml';

/** A role the Serverless Framework makes, as the properties of the CloudFormation role it deploys. */
export interface ServerlessRole {
  address: string;
  /** The node the role's permissions are written at. */
  at: Node;
  properties: YAMLMap;
}

/**
 * The IAM roles a Serverless Framework file has the framework make: the provider's role that
 * every function shares (`provider.iam.role.statements` and `managedPolicies`, or v1/v2's
 * `provider.iamRoleStatements` and `iamManagedPolicies`) and a function's own role under the
 * serverless-iam-roles-per-function plugin (`iamRoleStatements`). A role given as a name or ARN
 * (`provider.iam.role: arn:…`) is defined elsewhere and is not read here.
 */
export function serverlessRoles(contents: Node): ServerlessRole[] {
  const provider = childOf(contents, 'provider');
  const roles = [
    role('IamRoleLambdaExecution', pathOf(provider, ['iam', 'role', 'statements']) ?? childOf(provider, 'iamRoleStatements'), pathOf(provider, ['iam', 'role', 'managedPolicies']) ?? childOf(provider, 'iamManagedPolicies')),
  ];
  const functions = childOf(contents, 'functions');
  for (const pair of isMap(functions) ? functions.items : []) {
    if (!isScalar(pair.key)) continue;
    const fn = pair.value as Node | null;
    roles.push(role(`${String(pair.key.value)}IamRoleLambdaExecution`, childOf(fn, 'iamRoleStatements'), childOf(fn, 'iamManagedPolicies')));
  }
  return roles.filter((r) => r !== undefined);
}

function role(address: string, statements: Node | undefined, managed: Node | undefined): ServerlessRole | undefined {
  const at = statements ?? managed;
  if (!at) return undefined;
  const properties = placed(new YAMLMap(), at);
  if (statements) {
    const document = placed(new YAMLMap(), statements);
    document.items.push(new Pair(new Scalar('Statement'), statements));
    const policy = placed(new YAMLMap(), statements);
    policy.items.push(new Pair(new Scalar('PolicyDocument'), document));
    const policies = placed(new YAMLSeq(), statements);
    policies.items.push(policy);
    properties.items.push(new Pair(new Scalar('Policies'), policies));
  }
  if (managed) properties.items.push(new Pair(new Scalar('ManagedPolicyArns'), managed));
  return { address, at, properties };
}

/** A node made here, placed where the permissions it stands for are written. */
function placed<T extends YAMLMap | YAMLSeq>(node: T, at: Node): T {
  if (at.range) node.range = at.range;
  return node;
}

function childOf(node: Node | null | undefined, key: string): Node | undefined {
  return isMap(node) ? ((node.get(key, true) as Node | undefined) ?? undefined) : undefined;
}

function pathOf(node: Node | undefined, keys: string[]): Node | undefined {
  return keys.reduce<Node | undefined>((at, key) => childOf(at, key), node);
}
