import { ADMIN_PORTS, OPEN_ADMIN_PORT } from '../../cloud-rules/checks/network.js';
import { cloudRule } from '../../cloud-rules/expect.js';
import { template } from './example.js';
import { reportOpenPorts } from './ingress.js';

export const cfnOpenAdminPort = cloudRule(OPEN_ADMIN_PORT, {
  id: 'cfn.network.open-admin-port',
  bad: [
    { file: 'template.yaml', code: template('Workers', 'AWS::EC2::SecurityGroup', 'GroupDescription: workers\nSecurityGroupIngress:\n  - IpProtocol: tcp\n    FromPort: 3389\n    ToPort: 3389\n    CidrIp: 0.0.0.0/0') },
  ],
  good: [
    { file: 'template.yaml', code: template('Workers', 'AWS::EC2::SecurityGroup', 'GroupDescription: workers\nSecurityGroupIngress:\n  - IpProtocol: tcp\n    FromPort: 22\n    ToPort: 22\n    CidrIp: 10.20.0.0/16') },
  ],
  check: (ctx) => reportOpenPorts(ctx, ADMIN_PORTS, 'Administration port'),
});
