import { EBS_NO_ENCRYPTION } from '../../cloud-rules/checks/at-rest.js';
import { cloudRule } from '../../cloud-rules/expect.js';
import { bool, get, getAll } from '../../cloud-rules/model.js';
import { template } from './example.js';

/** Where each resource type lists its volumes (an empty path: the resource is the volume). */
const VOLUMES: Record<string, string[]> = {
  'AWS::EC2::Volume': [],
  'AWS::EC2::Instance': ['BlockDeviceMappings', 'Ebs'],
  'AWS::EC2::LaunchTemplate': ['LaunchTemplateData', 'BlockDeviceMappings', 'Ebs'],
};

export const cfnEbsNoEncryption = cloudRule(EBS_NO_ENCRYPTION, {
  id: 'cfn.ebs.no-encryption',
  bad: [
    { file: 'template.yaml', code: template('Scratch', 'AWS::EC2::Volume', 'AvailabilityZone: eu-west-1a\nSize: 500') },
    { file: 'template.yaml', code: template('Worker', 'AWS::EC2::Instance', 'ImageId: ami-123\nBlockDeviceMappings:\n  - DeviceName: /dev/xvda\n    Ebs:\n      VolumeSize: 100\n      Encrypted: false') },
  ],
  good: [{ file: 'template.yaml', code: template('Scratch', 'AWS::EC2::Volume', 'AvailabilityZone: eu-west-1a\nSize: 500\nEncrypted: true') }],
  check(ctx) {
    for (const r of ctx.ofType(...Object.keys(VOLUMES))) {
      const path = VOLUMES[r.type]!;
      for (const volume of path.length === 0 ? [r.body] : getAll(r.body, ...path)) {
        const flag = get(volume, 'Encrypted');
        if (flag === undefined || bool(flag) === false) ctx.report(r, flag?.range ?? volume.range, { message: 'EBS volume is not encrypted' });
      }
    }
  },
});
