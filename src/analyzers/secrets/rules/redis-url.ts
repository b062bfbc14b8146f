import { passwordUrl } from '../patterns.js';
import { secretRule } from '../secret-rule.js';

export const redisUrl = secretRule({
  id: 'secret.redis-url',
  title: 'Redis connection URL with a password',
  severity: 'high',
  ...passwordUrl('redis', 'rediss'),
  what: 'Finds redis:// and rediss:// URLs with a password (redis://:password@host as well as ACL user:password).',
  why: 'Redis often backs Celery/Airflow queues and feature caches: with the password an attacker reads queued task arguments or enqueues tasks that workers run.',
  remediation: 'Rotate the password (ACL SETUSER / requirepass) and inject the URL from a secret store.',
  bad: [{ file: 'airflow/airflow.cfg', code: '[celery]\nbroker_url = redis://:R3disBr0kerPass@redis:6379/0\n' }],
  good: [{ file: 'airflow/airflow.cfg', code: '[celery]\nbroker_url_secret = celery_broker_url\n' }],
  references: ['https://www.iana.org/assignments/uri-schemes/prov/redis', 'https://redis.io/docs/latest/operate/oss_and_stack/management/security/acl/', 'https://cwe.mitre.org/data/definitions/259.html'],
});
