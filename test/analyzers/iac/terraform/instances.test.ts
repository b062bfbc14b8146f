import { describe, expect, it } from 'vitest';
import { scanTerraform } from './scan.js';

const hits = (files: Record<string, string>, ruleId: string) =>
  scanTerraform(files)
    .findings.filter((f) => f.ruleId === ruleId)
    .map((f) => `${f.location.file}:${f.location.startLine} ${f.message}`);

describe('Terraform instances made by for_each, count and dynamic blocks', () => {
  it('expands a dynamic block over a known list: each rule of the list is judged, at the line its value is written', () => {
    const main = [
      'variable "ingress_rules" {', // 1
      '  default = [',
      '    { port = 443, cidrs = ["0.0.0.0/0"] },',
      '    { port = 22, cidrs = ["0.0.0.0/0"] },',
      '    { port = 5432, cidrs = ["10.0.0.0/8"] },', // 5
      '  ]',
      '}',
      'resource "aws_security_group" "workers" {',
      '  name = "workers"',
      '  dynamic "ingress" {', // 10
      '    for_each = var.ingress_rules',
      '    content {',
      '      from_port   = ingress.value.port',
      '      to_port     = ingress.value.port',
      '      protocol    = "tcp"', // 15
      '      cidr_blocks = ingress.value.cidrs',
      '    }',
      '  }',
      '}',
      '',
    ].join('\n');
    const admin = hits({ 'main.tf': main }, 'tf.network.open-admin-port');
    expect(admin).toHaveLength(1);
    expect(admin[0]).toMatch(/^main\.tf:12 .*: 22 \(SSH\)$/);
    expect(hits({ 'main.tf': main }, 'tf.network.open-database-port')).toEqual([]);
  });

  it('binds a dynamic block iterator renamed with iterator =, and leaves a block over an unknown list unknown', () => {
    const known = [
      'resource "aws_security_group" "db" {',
      '  dynamic "ingress" {',
      '    for_each = [5432]',
      '    iterator = port',
      '    content {',
      '      from_port   = port.value',
      '      to_port     = port.value',
      '      protocol    = "tcp"',
      '      cidr_blocks = ["0.0.0.0/0"]',
      '    }',
      '  }',
      '}',
      '',
    ].join('\n');
    expect(hits({ 'main.tf': known }, 'tf.network.open-database-port')).toHaveLength(1);
    const unknown = known.replace('for_each = [5432]', 'for_each = var.ports').replace('resource', 'variable "ports" {}\nresource');
    expect(hits({ 'main.tf': unknown }, 'tf.network.open-database-port')).toEqual([]);
  });

  it('evaluates a resource once per for_each item where it reads each: only the public bucket is reported', () => {
    const main = [
      'locals {', // 1
      '  buckets = {',
      '    raw     = { acl = "private" }',
      '    exports = { acl = "public-read" }',
      '  }', // 5
      '}',
      'resource "aws_s3_bucket_acl" "lake" {',
      '  for_each = local.buckets',
      '  bucket   = "acme-${each.key}"',
      '  acl      = each.value.acl', // 10
      '}',
      '',
    ].join('\n');
    const found = hits({ 'main.tf': main }, 'tf.s3.public-acl');
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('public-read');
    // The local is placed where the resource refers to it, as variables and locals are.
    expect(found[0]).toMatch(/^main\.tf:8 /);
    expect(hits({ 'main.tf': main.replace('"public-read"', '"private"') }, 'tf.s3.public-acl')).toEqual([]);
  });

  it('tells module instances apart by their for_each item, and makes none for an empty one or a count of 0', () => {
    const bucketModule = ['variable "acl" {}', 'resource "aws_s3_bucket_acl" "this" {', '  bucket = "acme"', '  acl    = var.acl', '}', ''].join('\n');
    const root = (calls: string) => ({ 'main.tf': calls, 'modules/bucket/main.tf': bucketModule });
    const perItem = [
      'module "bucket" {',
      '  source   = "./modules/bucket"',
      '  for_each = { raw = "private", public = "public-read-write" }',
      '  acl      = each.value',
      '}',
      '',
    ].join('\n');
    const found = hits(root(perItem), 'tf.s3.public-acl');
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('public-read-write');
    expect(found[0]).toContain('module.bucket["public"]');
    const none = ['module "bucket" {', '  source = "./modules/bucket"', '  count  = 0', '  acl    = "public-read"', '}', ''].join('\n');
    expect(hits(root(none), 'tf.s3.public-acl')).toEqual([]);
    expect(hits(root(none.replace('count  = 0', 'count  = 1')), 'tf.s3.public-acl')).toHaveLength(1);
  });

  it('reads count.index into the variable list it indexes', () => {
    const main = [
      'variable "cidrs" {',
      '  default = ["10.0.0.0/8", "0.0.0.0/0"]',
      '}',
      'resource "aws_security_group_rule" "ssh" {',
      '  count             = 2',
      '  type              = "ingress"',
      '  from_port         = 22',
      '  to_port           = 22',
      '  protocol          = "tcp"',
      '  cidr_blocks       = [var.cidrs[count.index]]',
      '  security_group_id = "sg-1"',
      '}',
      '',
    ].join('\n');
    const found = hits({ 'main.tf': main }, 'tf.network.open-admin-port');
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('22 (SSH)');
    expect(hits({ 'main.tf': main.replace('count             = 2', 'count             = 1') }, 'tf.network.open-admin-port')).toEqual([]);
  });

  it('tells at most 64 instances apart; past that the resource is read once, each unknown', () => {
    const acls = (n: number) => {
      const items = Array.from({ length: n }, (_, i) => `"b${i}"`).join(', ');
      return ['resource "aws_s3_bucket_acl" "many" {', `  for_each = toset([${items}])`, '  bucket   = each.key', `  acl      = each.key == "b${n - 1}" ? "public-read" : "private"`, '}', ''].join('\n');
    };
    expect(hits({ 'main.tf': acls(64) }, 'tf.s3.public-acl')).toHaveLength(1);
    expect(hits({ 'main.tf': acls(65) }, 'tf.s3.public-acl')).toEqual([]);
  });

  it('evaluates for expressions, their conditions and keys, and flatten/keys/values/lookup over what they make', () => {
    const main = [
      'variable "rules" {', // 1
      '  default = {',
      '    ssh   = { port = 22, cidrs = ["0.0.0.0/0"], open = true }',
      '    pg    = { port = 5432, cidrs = ["0.0.0.0/0"], open = false }',
      '    https = { port = 443, cidrs = ["0.0.0.0/0"], open = true }', // 5
      '  }',
      '}',
      'locals {',
      '  open_rules = { for name, r in var.rules : name => r if r.open }',
      '  all_cidrs  = flatten([for r in values(var.rules) : r.cidrs])', // 10
      '}',
      'resource "aws_security_group_rule" "in" {',
      '  for_each          = local.open_rules',
      '  type              = "ingress"',
      '  from_port         = each.value.port', // 15
      '  to_port           = each.value.port',
      '  protocol          = "tcp"',
      '  cidr_blocks       = lookup(each.value, "cidrs", [])',
      '  security_group_id = "sg-1"',
      '}', // 20
      'resource "aws_security_group_rule" "db" {',
      '  type              = "ingress"',
      '  from_port         = 5432',
      '  to_port           = 5432',
      '  protocol          = "tcp"', // 25
      '  cidr_blocks       = [for c in local.all_cidrs : c if c != "0.0.0.0/0"]',
      '  security_group_id = "sg-1"',
      '}',
      '',
    ].join('\n');
    // Only ssh of the two open rules is an admin port; pg is filtered out by its condition, and the db rule drops 0.0.0.0/0.
    expect(hits({ 'main.tf': main }, 'tf.network.open-admin-port')).toEqual(['main.tf:12 Administration port open to the internet: 22 (SSH)']);
    expect(hits({ 'main.tf': main }, 'tf.network.open-database-port')).toEqual([]);
    const unfiltered = main.replace(' : c if c != "0.0.0.0/0"]', ' : c]');
    expect(hits({ 'main.tf': unfiltered }, 'tf.network.open-database-port')).toEqual(['main.tf:21 Database or broker port open to the internet: 5432 (PostgreSQL)']);
  });

  it('leaves a for expression unknown when its condition is not known for an item, or it groups values', () => {
    const rule = (cidrs: string) => ['variable "c" {}', 'resource "aws_security_group_rule" "ssh" {', '  type        = "ingress"', '  from_port   = 22', '  to_port     = 22', '  protocol    = "tcp"', `  cidr_blocks = ${cidrs}`, '}', ''].join('\n');
    expect(hits({ 'main.tf': rule('[for c in ["0.0.0.0/0"] : c if c != var.c]') }, 'tf.network.open-admin-port')).toEqual([]);
    expect(hits({ 'main.tf': rule('[for c in ["0.0.0.0/0"] : c]') }, 'tf.network.open-admin-port')).toHaveLength(1);
    expect(hits({ 'main.tf': rule('values({for c in ["0.0.0.0/0"] : "k" => c...})') }, 'tf.network.open-admin-port')).toEqual([]);
  });
});
