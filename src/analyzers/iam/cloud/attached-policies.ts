import type { Range } from '../../../core/make-finding.js';
import { type CloudResource, getAll, get, str, strings, type Value } from '../../iac/cloud-rules/model.js';
import type { PolicyDocument, Statement } from '../policy.js';
import { AWS_MANAGED_POLICIES } from './aws-managed-policies.js';
import { SAM_POLICY_TEMPLATES } from './sam-policy-templates.js';

/** Where a resource attaches managed policies by ARN. */
const ATTACHMENTS: Array<{ types: string[]; attribute: string }> = [
  { types: ['aws_iam_role_policy_attachment', 'aws_iam_user_policy_attachment', 'aws_iam_group_policy_attachment', 'aws_iam_policy_attachment'], attribute: 'policy_arn' },
  { types: ['aws_iam_role'], attribute: 'managed_policy_arns' },
  { types: ['aws_iam_role_policy_attachments_exclusive'], attribute: 'policy_arns' },
  { types: ['AWS::IAM::Role', 'AWS::IAM::User', 'AWS::IAM::Group'], attribute: 'ManagedPolicyArns' },
];

/** SAM resources whose `Policies` name managed policies (by name or ARN), policy templates and inline documents. */
export const SAM_POLICY_HOLDERS = ['AWS::Serverless::Function', 'AWS::Serverless::StateMachine'];

/** An AWS managed policy's ARN (any partition), `service-role/…` and `job-function/…` paths included; literal fragments of a template too. */
const MANAGED_ARN = /(?:^|:)iam::aws:policy\/((?:[\w-]+\/)*[\w+=,.@-]+)$/;

/**
 * The AWS managed policies a resource attaches, each as the identity policy it grants, placed
 * where its ARN (or, in SAM, its name) is written, and the SAM policy templates it uses, placed
 * where each is written; policies the table does not hold are left out, as are customer-managed
 * ones (their documents are read where they are written).
 */
export function attachedPolicyDocuments(resource: CloudResource, resources: readonly CloudResource[]): PolicyDocument[] {
  const sam = SAM_POLICY_HOLDERS.includes(resource.type);
  const policies = sam ? getAll(resource.body, 'Policies') : [];
  const references = [...ATTACHMENTS.filter((a) => a.types.includes(resource.type)).flatMap((a) => getAll(resource.body, a.attribute)), ...policies];
  const managed = references.flatMap((value) => {
    const named = policyReference(resolvedPolicy(value, resources), sam);
    const document = named && managedDocument(named, value.range);
    return document ? [document] : [];
  });
  return [...managed, ...policies.flatMap((item) => templateDocument(item) ?? [])];
}

/**
 * A SAM policy template (`S3CrudPolicy: {BucketName: landing}`) as the statements it expands to:
 * each `{Param}` filled from its parameters and the partition taken as `aws`. A resource whose
 * parameter is not a known string, or that names the region or account, is left out, as unknown
 * resources are.
 */
function templateDocument(item: Value): PolicyDocument | undefined {
  const [entry, ...more] = item.kind === 'object' ? item.entries : [];
  const template = entry && more.length === 0 ? SAM_POLICY_TEMPLATES[entry.key] : undefined;
  if (!entry || !template) return undefined;
  const fill = (resource: string): string[] => {
    let unknown = false;
    const filled = resource.replaceAll('${AWS::Partition}', 'aws').replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = str(get(entry.value, name));
      if (value === undefined) unknown = true;
      return value ?? '';
    });
    return unknown || filled.includes('${') ? [] : [filled];
  };
  return {
    kind: 'identity',
    statements: template.map((s, index) => ({
      index,
      label: `SAM policy template ${entry.key}`,
      effect: 'Allow' as const,
      actions: [...s.actions],
      notActions: [],
      resources: s.resources.flatMap(fill),
      notResources: [],
      hasCondition: false,
      range: item.range,
    })),
  };
}

/** A `data.aws_iam_policy` looked up by ARN or name, for an attachment that refers to it. */
function resolvedPolicy(value: Value, resources: readonly CloudResource[]): Value {
  if (value.kind !== 'ref' || !value.target.startsWith('data.aws_iam_policy.')) return value;
  const source = resources.find((r) => r.address === value.target);
  const arn = get(source?.body, 'arn');
  const name = str(get(source?.body, 'name'));
  if (arn) return { ...arn, range: value.range };
  return name ? { kind: 'scalar', value: `arn:aws:iam::aws:policy/${name}`, range: value.range } : value;
}

/** The managed policy's path after `policy/`: from an ARN, or from a bare name where SAM takes one. */
function policyReference(value: Value, namesAllowed: boolean): string | undefined {
  for (const { text } of strings(value.kind === 'object' ? undefined : value)) {
    const arn = MANAGED_ARN.exec(text.trim())?.[1];
    if (arn) return arn;
    if (namesAllowed && value.kind === 'scalar' && /^[\w+=,.@-]+$/.test(text.trim())) return text.trim();
  }
  return undefined;
}

/** Table entries by path (`service-role/…`) and by bare name, as SAM and `data.aws_iam_policy` name them. */
const BY_NAME = new Map(Object.entries(AWS_MANAGED_POLICIES).flatMap(([path, policy]) => [[path, policy] as const, [path.split('/').at(-1)!, policy] as const]));

/**
 * The statements of a managed policy as one document placed at `range`. Allow statements that
 * differ only in their actions are joined (what they allow together is the same), so one
 * attachment is one finding per rule rather than one per statement AWS wrote.
 */
function managedDocument(path: string, range: Range): PolicyDocument | undefined {
  const policy = BY_NAME.get(path);
  if (!policy) return undefined;
  const joined = new Map<string, Statement>();
  for (const s of policy.statements) {
    const statement: Statement = {
      index: joined.size,
      effect: s.effect ?? 'Allow',
      actions: [...(s.actions ?? [])],
      notActions: [...(s.notActions ?? [])],
      resources: [...(s.resources ?? ['*'])],
      notResources: [...(s.notResources ?? [])],
      hasCondition: s.condition ?? false,
      range,
    };
    const key = statement.notActions.length > 0 ? `own ${joined.size}` : JSON.stringify([statement.effect, statement.resources, statement.notResources, statement.hasCondition]);
    const same = joined.get(key);
    if (same) same.actions.push(...statement.actions);
    else joined.set(key, statement);
  }
  return { kind: 'identity', statements: [...joined.values()].map((s) => ({ ...s, label: `AWS managed policy ${path}` })) };
}
