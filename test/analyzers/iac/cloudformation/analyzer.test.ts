import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTemplate } from '../../../../src/analyzers/iac/cloudformation/parse-template.js';
import { REPO } from '../../../helpers/cli.js';
import { scanTemplate } from './scan.js';

const FIXTURES = path.join(REPO, 'test', 'fixtures', 'iac', 'cloudformation');
const read = (name: string) => fs.readFileSync(path.join(FIXTURES, name), 'utf8');

describe('CloudFormation fixtures', () => {
  it('finds nothing in a well-configured pipeline template (anchors, !Sub, !Join, parameters)', () => {
    const { findings, errors } = scanTemplate(read('clean-pipeline.yaml'), 'infra/pipeline.yaml');
    expect(errors).toEqual([]);
    expect(findings.map((f) => `${f.ruleId}:${f.location.startLine} ${f.message}`)).toEqual([]);
  });

  it('reports the expected findings in a vulnerable JSON template, resolving parameter defaults', () => {
    const { findings, errors } = scanTemplate(read('vulnerable-pipeline.json'), 'infra/pipeline.json');
    expect(errors).toEqual([]);
    const ids = new Set(findings.map((f) => f.ruleId));
    for (const id of ['cfn.s3.public-acl', 'cfn.db.publicly-accessible', 'cfn.msk.plaintext', 'cfn.s3.no-public-access-block', 'cfn.s3.no-secure-transport']) expect(ids).toContain(id);
    // StorageEncrypted is an Fn::If over a condition: unknown, so not reported.
    expect(ids).not.toContain('cfn.rds.no-encryption');
    expect(findings.find((f) => f.ruleId === 'cfn.s3.public-acl')?.location.startLine).toBe(9);
  });
});

describe('CloudFormation parsing', () => {
  it('keeps references to resources and resolves !GetAtt, !Select and !FindInMap', () => {
    const { resources } = parseTemplate(
      'Mappings:\n  Env:\n    prod:\n      Mode: verify-full\nResources:\n  Ep:\n    Type: AWS::DMS::Endpoint\n    Properties:\n' +
        '      SslMode: !FindInMap [Env, prod, Mode]\n      Arn: !GetAtt Key.Arn\n      Pick: !Select [1, [a, b]]\n',
      't.yaml',
    );
    const body = Object.fromEntries(resources[0]!.body.entries.map((e) => [e.key, e.value]));
    expect(body['SslMode']).toMatchObject({ kind: 'scalar', value: 'verify-full' });
    expect(body['Arn']).toMatchObject({ kind: 'ref', target: 'Key', attribute: 'Arn' });
    expect(body['Pick']).toMatchObject({ kind: 'scalar', value: 'b' });
  });

  it('reports malformed YAML as a scan error for that file, with its line', () => {
    const { findings, errors } = scanTemplate('AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  A:\n    Type: AWS::S3::Bucket\n    Properties: {BucketName: [x\n', 't.yaml');
    expect(findings).toEqual([]);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.message).toMatch(/invalid YAML\/JSON at line \d+/);
  });

  it('reports malformed JSON as a scan error', () => {
    const { errors } = scanTemplate('{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {', 't.json');
    expect(errors[0]?.message).toMatch(/invalid YAML\/JSON/);
  });

  it('refuses an alias bomb quickly instead of expanding it', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const bomb = `AWSTemplateFormatVersion: "2010-09-09"\nMetadata:\n  ${levels.join('\n  ')}\nResources:\n  B:\n    Type: AWS::S3::Bucket\n    Properties:\n      Tags: *j\n`;
    const started = performance.now();
    const { findings, errors } = scanTemplate(bomb, 'bomb.yaml');
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(findings).toEqual([]);
    expect(errors[0]?.message).toMatch(/alias/i);
  });
});
