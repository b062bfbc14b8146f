import { describe, expect, it } from 'vitest';
import { parseHcl } from '../../../../src/analyzers/iac/terraform/parse-hcl.js';
import { MAX_COPIED_SYNTAX_NODES } from '../../../../src/core/syntax-node-limit.js';
import { scanTerraform } from './scan.js';

describe('Terraform parsing and resolution', () => {
  it('keeps the spaces and escapes around interpolations of a quoted string', () => {
    const [attr] = parseHcl('x = "Bearer ${var.token} \\"q\\" ${var.b}!"\ny = "a b "\n').attributes;
    expect(attr!.expr).toMatchObject({ t: 'template', parts: ['Bearer ', { t: 'traversal', root: 'var' }, ' "q" ', { t: 'traversal', root: 'var' }, '!'] });
    expect(parseHcl('y = "a b "\n').attributes[0]!.expr).toMatchObject({ t: 'literal', value: 'a b ' });
  });

  it('reports malformed HCL as a scan error for that file only', () => {
    const { findings, errors } = scanTerraform({
      'broken.tf': 'resource "aws_s3_bucket" "x" {\n  acl = [\n',
      'ok.tf': 'resource "aws_s3_bucket_acl" "y" {\n  acl = "public-read"\n}\n',
    });
    expect(errors.map((e) => e.file)).toEqual(['broken.tf']);
    expect(errors[0]!.message).toMatch(/HCL syntax error/);
    expect(findings.filter((f) => f.ruleId === 'tf.s3.public-acl').map((f) => f.location.file)).toEqual(['ok.tf']);
  });

  it('refuses a file with more syntax nodes than one analysis holds, and reads the others', () => {
    const { findings, errors } = scanTerraform({
      'generated.tf': `locals {\n  table = [${'1,'.repeat(MAX_COPIED_SYNTAX_NODES / 4)}]\n}\n`,
      'ok.tf': 'resource "aws_s3_bucket_acl" "y" {\n  acl = "public-read"\n}\n',
    });
    expect(errors.map((e) => e.file)).toEqual(['generated.tf']);
    expect(errors[0]!.message).toMatch(/^the file has 750,0\d\d syntax nodes, more than the 750,000 one analysis holds in memory/);
    expect(findings.filter((f) => f.ruleId === 'tf.s3.public-acl').map((f) => f.location.file)).toEqual(['ok.tf']);
  });

  it('lets auto-loaded tfvars override variable defaults, and ignores other .tfvars', () => {
    const files = {
      'variables.tf': 'variable "acl" {\n  default = "private"\n}\n',
      'main.tf': 'resource "aws_s3_bucket_acl" "raw" {\n  bucket = "raw"\n  acl    = var.acl\n}\n',
    };
    expect(scanTerraform(files).findings.filter((f) => f.ruleId === 'tf.s3.public-acl')).toEqual([]);
    expect(scanTerraform({ ...files, 'prod.tfvars': 'acl = "public-read"\n' }).findings.filter((f) => f.ruleId === 'tf.s3.public-acl')).toEqual([]);
    const overridden = scanTerraform({ ...files, 'terraform.tfvars': 'acl = "public-read"\n' }).findings.filter((f) => f.ruleId === 'tf.s3.public-acl');
    expect(overridden.map((f) => `${f.location.file}:${f.location.startLine}`)).toEqual(['main.tf:3']);
  });

  it('skips resources that count = 0 removes, and keeps those it cannot decide', () => {
    const code = (count: string) => `variable "on" {\n  default = false\n}\nresource "aws_sns_topic" "t" {\n  count = ${count}\n  name  = "t"\n}\n`;
    expect(scanTerraform({ 'main.tf': code('var.on ? 1 : 0') }).findings.filter((f) => f.ruleId === 'tf.sns.no-encryption')).toEqual([]);
    expect(scanTerraform({ 'main.tf': code('var.undeclared ? 1 : 0') }).findings.filter((f) => f.ruleId === 'tf.sns.no-encryption')).toHaveLength(1);
  });

  it('reads heredoc JSON policies', () => {
    const { findings } = scanTerraform({
      'main.tf': 'resource "aws_s3_bucket_policy" "p" {\n  bucket = "b"\n  policy = <<-EOF\n    {"Statement": [{"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "s3:GetObject"}]}\n  EOF\n}\n',
    });
    expect(findings.filter((f) => f.ruleId === 'tf.s3.public-policy')).toHaveLength(1);
  });

  it('does not follow a module that calls itself', () => {
    const { findings, errors } = scanTerraform({
      'main.tf': 'module "self" {\n  source = "./"\n}\nresource "aws_kms_key" "k" {\n  enable_key_rotation = true\n}\n',
    });
    expect(errors).toEqual([]);
    expect(findings.filter((f) => f.ruleId === 'tf.kms.no-rotation')).toEqual([]);
  });
});
