import { DATA_PORTS, OPEN_DATA_PORT } from '../../cloud-rules/checks/network.js';
import { cloudRule } from '../../cloud-rules/expect.js';
import { template } from './example.js';
import { reportOpenPorts } from './ingress.js';

export const cfnOpenDatabasePort = cloudRule(OPEN_DATA_PORT, {
  id: 'cfn.network.open-database-port',
  bad: [
    { file: 'template.yaml', code: template('RedisIngress', 'AWS::EC2::SecurityGroupIngress', 'GroupId: !Ref Cache\nIpProtocol: tcp\nFromPort: 6379\nToPort: 6379\nCidrIpv6: ::/0') },
    { file: 'template.yaml', code: template('Db', 'AWS::EC2::SecurityGroup', 'GroupDescription: db\nSecurityGroupIngress:\n  - IpProtocol: "-1"\n    CidrIp: 0.0.0.0/0') },
  ],
  good: [
    { file: 'template.yaml', code: template('Db', 'AWS::EC2::SecurityGroup', 'GroupDescription: db\nSecurityGroupIngress:\n  - IpProtocol: tcp\n    FromPort: 5432\n    ToPort: 5432\n    SourceSecurityGroupId: !Ref Workers') },
  ],
  check: (ctx) => reportOpenPorts(ctx, DATA_PORTS, 'Database or broker port'),
});
