import { passwordUrl } from '../patterns.js';
import { secretRule } from '../secret-rule.js';

export const amqpUrl = secretRule({
  id: 'secret.amqp-url',
  title: 'AMQP (RabbitMQ) URL with a password',
  severity: 'high',
  ...passwordUrl('amqp', 'amqps'),
  what: 'Finds amqp:// and amqps:// URLs that carry a password.',
  why: 'With broker credentials an attacker reads or injects the messages between pipeline stages, or the Celery tasks workers execute.',
  remediation: 'Change the RabbitMQ user\'s password (rabbitmqctl change_password) and read the URL from a secret store.',
  bad: [{ file: 'worker/celeryconfig.py', code: 'broker_url = "amqp://celery:Rabb1tPassw0rd@rabbitmq:5672/etl"\n' }],
  good: [{ file: 'worker/celeryconfig.py', code: 'broker_url = os.environ["CELERY_BROKER_URL"]\n' }],
  references: ['https://www.rabbitmq.com/docs/uri-spec', 'https://cwe.mitre.org/data/definitions/259.html'],
});
