import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../../../helpers/cli.js';
import { readTree, scanTerraform } from './scan.js';

const FIXTURES = path.join(REPO, 'test', 'fixtures', 'iac', 'terraform');

describe('Terraform fixtures', () => {
  it('finds nothing in a well-configured data pipeline (modules, locals, tfvars resolved)', () => {
    const { findings, errors } = scanTerraform(readTree(path.join(FIXTURES, 'clean')));
    expect(errors).toEqual([]);
    expect(findings.map((f) => `${f.ruleId} ${f.location.file}:${f.location.startLine} ${f.message}`)).toEqual([]);
  });
});

describe('vulnerable Terraform fixture', () => {
  const { findings, errors } = scanTerraform(readTree(path.join(FIXTURES, 'vulnerable')));
  const found = findings.map((f) => `${f.ruleId} ${f.location.file}:${f.location.startLine}`).sort();

  it('reports exactly the expected findings, through variables, locals and a local module', () => {
    expect(errors).toEqual([]);
    expect(found).toEqual(
      [
        // The module's acl variable gets local.raw_acl, which is "public-read" because var.env defaults to "dev".
        'tf.s3.public-acl modules/bucket/main.tf:12',
        'tf.s3.no-public-access-block modules/bucket/main.tf:6',
        'tf.s3.no-encryption modules/bucket/main.tf:6',
        'tf.s3.no-versioning modules/bucket/main.tf:6',
        'tf.s3.no-access-logging modules/bucket/main.tf:6',
        'tf.s3.no-secure-transport modules/bucket/main.tf:6',
        'tf.db.publicly-accessible main.tf:14',
        'tf.network.open-database-port main.tf:20',
        'tf.kms.no-rotation main.tf:28',
      ].sort(),
    );
  });

  it('never guesses an unknown value: storage_encrypted = var.unknown_flag is not reported', () => {
    expect(found.filter((f) => f.startsWith('tf.rds.no-encryption'))).toEqual([]);
  });

  it('names the module instance in messages about module resources', () => {
    expect(findings.find((f) => f.ruleId === 'tf.s3.public-acl')?.message).toMatch(/public-read.*\(in module\.raw\)/);
  });
});
