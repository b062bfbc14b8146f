import { DATA_PORTS, OPEN_DATA_PORT } from '../../cloud-rules/checks/network.js';
import { cloudRule } from '../../cloud-rules/expect.js';
import { reportOpenPorts } from './ingress.js';

export const tfSgOpenDataPort = cloudRule(OPEN_DATA_PORT, {
  id: 'tf.network.open-database-port',
  bad: [
    {
      file: 'main.tf',
      code: 'resource "aws_security_group_rule" "pg" {\n  type              = "ingress"\n  from_port         = 5432\n  to_port           = 5432\n  protocol          = "tcp"\n  cidr_blocks       = ["0.0.0.0/0"]\n  security_group_id = aws_security_group.db.id\n}\n',
    },
    { file: 'main.tf', code: 'resource "aws_vpc_security_group_ingress_rule" "all" {\n  security_group_id = aws_security_group.kafka.id\n  ip_protocol       = "-1"\n  cidr_ipv6         = "::/0"\n}\n' },
    {
      file: 'main.tf',
      code:
        'resource "azurerm_network_security_group" "db" {\n  name = "db"\n  security_rule {\n    name                       = "data"\n    priority                   = 100\n' +
        '    direction                  = "Inbound"\n    access                     = "Allow"\n    protocol                   = "Tcp"\n    source_port_range          = "*"\n' +
        '    destination_port_ranges    = ["5432", "6379"]\n    source_address_prefix      = "*"\n    destination_address_prefix = "*"\n  }\n}\n',
    },
  ],
  good: [
    {
      file: 'main.tf',
      code: 'resource "aws_security_group_rule" "pg" {\n  type                     = "ingress"\n  from_port                = 5432\n  to_port                  = 5432\n  protocol                 = "tcp"\n  source_security_group_id = aws_security_group.workers.id\n  security_group_id        = aws_security_group.db.id\n}\n',
    },
    {
      file: 'main.tf',
      code:
        'resource "azurerm_network_security_group" "db" {\n  name = "db"\n  security_rule {\n    name                       = "data"\n    priority                   = 100\n' +
        '    direction                  = "Outbound"\n    access                     = "Allow"\n    protocol                   = "Tcp"\n    source_port_range          = "*"\n' +
        '    destination_port_ranges    = ["5432", "6379"]\n    source_address_prefix      = "*"\n    destination_address_prefix = "*"\n  }\n}\n',
    },
  ],
  check: (ctx) => reportOpenPorts(ctx, DATA_PORTS, 'Database or broker port'),
});
