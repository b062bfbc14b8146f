import { EBS_NO_ENCRYPTION } from '../../cloud-rules/checks/at-rest.js';
import { cloudRule } from '../../cloud-rules/expect.js';
import { bool, get, getAll, type CloudResource, type Value } from '../../cloud-rules/model.js';

/** Where each resource type keeps its volumes' `encrypted` flag. */
const VOLUMES: Record<string, string[][]> = {
  aws_ebs_volume: [[]],
  aws_instance: [['root_block_device'], ['ebs_block_device']],
  aws_launch_template: [['block_device_mappings', 'ebs']],
};

export const tfEbsNoEncryption = cloudRule(EBS_NO_ENCRYPTION, {
  id: 'tf.ebs.no-encryption',
  bad: [
    { file: 'main.tf', code: 'resource "aws_ebs_volume" "scratch" {\n  availability_zone = "eu-west-1a"\n  size              = 500\n}\n' },
    { file: 'main.tf', code: 'resource "aws_instance" "worker" {\n  ami = "ami-123"\n  root_block_device {\n    volume_size = 100\n    encrypted   = false\n  }\n}\n' },
  ],
  good: [
    { file: 'main.tf', code: 'resource "aws_ebs_volume" "scratch" {\n  availability_zone = "eu-west-1a"\n  size              = 500\n  encrypted         = true\n}\n' },
    { file: 'main.tf', code: 'resource "aws_ebs_encryption_by_default" "on" {\n  enabled = true\n}\nresource "aws_ebs_volume" "scratch" {\n  availability_zone = "eu-west-1a"\n  size              = 500\n}\n' },
  ],
  check(ctx) {
    if (ctx.ofType('aws_ebs_encryption_by_default').some((r) => bool(get(r.body, 'enabled')) !== false)) return;
    for (const resource of ctx.ofType(...Object.keys(VOLUMES))) {
      for (const path of VOLUMES[resource.type]!) {
        for (const volume of path.length === 0 ? [resource.body] : getAll(resource.body, ...path)) reportUnencrypted(ctx, resource, volume);
      }
    }
  },
});

function reportUnencrypted(ctx: Parameters<(typeof tfEbsNoEncryption)['check']>[0], resource: CloudResource, volume: Value): void {
  const flag = get(volume, 'encrypted');
  if (flag === undefined) ctx.report(resource, volume.range, { message: 'EBS volume is not encrypted' });
  else if (bool(flag) === false) ctx.report(resource, flag.range, { message: 'EBS volume is not encrypted' });
}
