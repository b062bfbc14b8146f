import type { AppRule } from '../../app-rule.js';

export const redisOpenWithoutPassword: AppRule = {
  id: 'redis.open-without-password',
  title: 'Redis accepts network clients without a password',
  category: 'iac',
  severity: 'critical',
  confidence: 'high',
  cwe: ['CWE-306'],
  what:
    'Finds Redis with protected mode switched off (`protected-mode no` in redis*.conf, `redis-server --protected-mode no` ' +
    'on a command line) and no `requirepass` in the same file or command.',
  why:
    'Protected mode is what keeps a Redis without a password from answering other machines. Without both, whoever reaches ' +
    'the port reads and rewrites the queue — an Airflow/Celery broker’s pickled or JSON task messages, cached features — ' +
    'and can make the server write files (`CONFIG SET dir`) or load modules, which ends in code execution on the host.',
  remediation: 'Set `requirepass` (from a secret) or ACL users, keep protected mode on, and bind Redis to the networks that need it.',
  bad: [{ file: 'docker-compose.yaml', code: 'services:\n  broker:\n    image: redis:7.2\n    command: redis-server --protected-mode no --appendonly yes\n' }],
  good: [{ file: 'docker-compose.yaml', code: 'services:\n  broker:\n    image: redis:7.2\n    command: redis-server --requirepass "${REDIS_PASSWORD}" --appendonly yes\n' }],
  references: ['https://redis.io/docs/latest/operate/oss_and_stack/management/security/', 'https://cwe.mitre.org/data/definitions/306.html'],
  check(settings, report) {
    const redis = settings.filter((s) => s.app === 'redis');
    for (const off of redis.filter((s) => s.option === 'protected-mode' && /^no$/i.test(s.value ?? ''))) {
      if (redis.some((s) => s.section === off.section && s.option === 'requirepass')) continue;
      report(off, `${off.spelling} with no requirepass: Redis answers every client that reaches it, without a password`);
    }
  },
};
