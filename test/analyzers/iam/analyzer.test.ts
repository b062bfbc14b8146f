import { describe, expect, it } from 'vitest';
import { actionMatches, allows } from '../../../src/analyzers/iam/actions.js';
import { examplePolicy } from '../../../src/analyzers/iam/iam-rule.js';
import type { Statement } from '../../../src/analyzers/iam/policy.js';
import { analyzePolicyText } from './scan.js';

const ids = (code: string) => analyzePolicyText(code).findings.map((f) => `${f.ruleId} L${f.location.startLine}`);

describe('IAM policy analyzer', () => {
  it('reports each problem at the statement that has it', () => {
    const code = examplePolicy(
      { Sid: 'Read', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::raw/*' },
      { Sid: 'Everything', Effect: 'Allow', Action: '*', Resource: '*' },
    );
    const found = analyzePolicyText(code).findings;
    expect(found.map((f) => f.ruleId)).toEqual(['iam.wildcard-action', 'iam.read-all-data']);
    expect(found[0]!.severity).toBe('critical');
    expect(code.split('\n')[found[0]!.location.startLine - 1]).toContain('{');
    expect(code.split('\n').slice(found[0]!.location.startLine - 1, found[0]!.location.endLine).join('\n')).toContain('"Everything"');
  });

  it('takes a single Statement object as well as a list, and ignores Deny statements', () => {
    const single = JSON.stringify({ Version: '2012-10-17', Statement: { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' } });
    expect(ids(single)).toContain('iam.not-action-allow L1');
    expect(ids(examplePolicy({ Effect: 'Deny', Action: '*', Resource: '*' }))).toEqual([]);
  });

  it('finds escalation paths spread over several statements, and not with PassRole pinned to one role', () => {
    const spread = examplePolicy({ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' }, { Effect: 'Allow', Action: 'lambda:Create*', Resource: '*' });
    expect(ids(spread).filter((i) => i.startsWith('iam.privilege-escalation'))).toHaveLength(1);
    const pinned = examplePolicy(
      { Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::123456789012:role/etl' },
      { Effect: 'Allow', Action: 'lambda:CreateFunction', Resource: '*' },
    );
    expect(ids(pinned).filter((i) => i.startsWith('iam.privilege-escalation'))).toEqual([]);
  });

  it('makes malformed JSON a scan error for that file', () => {
    const result = analyzePolicyText('{"Statement": [{"Effect": "Allow", "Action": "s3:*",');
    expect(result.findings).toEqual([]);
    expect(result.errors[0]!.message).toMatch(/not valid JSON/);
  });

  it('reports a policy without a Statement list, but passes over a document that only describes policies', () => {
    expect(analyzePolicyText('{"Version": "2012-10-17", "Statement": "s3:*", "Effect": "Allow"}').errors[0]!.message).toMatch(/no Statement list/);
    const schema = JSON.stringify({ $id: 'identity', definitions: { Statement: { properties: { Effect: { enum: ['Allow', 'Deny'] }, Action: { type: 'string' } } } } }, null, 1);
    const result = analyzePolicyText(schema, 'schemas/iam/policy_identity.json');
    expect(result.errors).toEqual([]);
    expect(result.findings).toEqual([]);
    // a catalogue of policy templates has a version of its own, not the policy language's
    const templates = JSON.stringify({ Version: '0.0.1', Templates: { ReadPolicy: { Definition: { Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] } } } }, null, 1);
    expect(analyzePolicyText(templates, 'policy_templates_data/policy_templates.json').errors).toEqual([]);
  });

  it('matches actions with wildcards, case-insensitively, and NotAction by exclusion', () => {
    expect(actionMatches('s3:Get*', 'S3:GetObject')).toBe(true);
    expect(actionMatches('s3:Get?bject', 's3:GetObject')).toBe(true);
    expect(actionMatches('s3:Put*', 's3:GetObject')).toBe(false);
    const notAction: Statement = { index: 0, effect: 'Allow', actions: [], notActions: ['iam:*'], resources: ['*'], notResources: [], hasCondition: false, range: { startLine: 1, startColumn: 1, endLine: 1, endColumn: 1 } };
    expect(allows(notAction, 's3:GetObject')).toBe(true);
    expect(allows(notAction, 'iam:PassRole')).toBe(false);
  });
});
