import { ADMIN_PORTS, OPEN_ADMIN_PORT } from '../../cloud-rules/checks/network.js';
import { cloudRule } from '../../cloud-rules/expect.js';
import { reportOpenPorts } from './ingress.js';

export const tfSgOpenAdminPort = cloudRule(OPEN_ADMIN_PORT, {
  id: 'tf.network.open-admin-port',
  bad: [
    {
      file: 'main.tf',
      code: 'resource "aws_security_group" "workers" {\n  name = "workers"\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = ["0.0.0.0/0"]\n  }\n}\n',
    },
    { file: 'main.tf', code: 'resource "google_compute_firewall" "ssh" {\n  name          = "ssh"\n  network       = "default"\n  source_ranges = ["0.0.0.0/0"]\n  allow {\n    protocol = "tcp"\n    ports    = ["22"]\n  }\n}\n' },
    {
      file: 'main.tf',
      code:
        'resource "azurerm_network_security_rule" "ssh" {\n  name                        = "ssh"\n  priority                    = 100\n  direction                   = "Inbound"\n  access                      = "Allow"\n' +
        '  protocol                    = "Tcp"\n  source_port_range           = "*"\n  destination_port_range      = "22"\n  source_address_prefix       = "Internet"\n' +
        '  destination_address_prefix  = "*"\n  network_security_group_name = "workers"\n}\n',
    },
  ],
  good: [
    {
      file: 'main.tf',
      code: 'resource "aws_security_group" "workers" {\n  name = "workers"\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = ["10.20.0.0/16"]\n  }\n}\n',
    },
    {
      file: 'main.tf',
      code:
        'resource "azurerm_network_security_rule" "ssh" {\n  name                        = "ssh"\n  priority                    = 100\n  direction                   = "Inbound"\n  access                      = "Allow"\n' +
        '  protocol                    = "Tcp"\n  source_port_range           = "*"\n  destination_port_range      = "22"\n  source_address_prefix       = "VirtualNetwork"\n' +
        '  destination_address_prefix  = "*"\n  network_security_group_name = "workers"\n}\n',
    },
  ],
  check: (ctx) => reportOpenPorts(ctx, ADMIN_PORTS, 'Administration port'),
});
