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
  ],
  good: [
    {
      file: 'main.tf',
      code: 'resource "aws_security_group" "workers" {\n  name = "workers"\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = ["10.20.0.0/16"]\n  }\n}\n',
    },
  ],
  check: (ctx) => reportOpenPorts(ctx, ADMIN_PORTS, 'Administration port'),
});
