import { describe, expect, it } from 'vitest';
import { analyzeComposeText } from './scan.js';

const found = (code: string) =>
  analyzeComposeText(code)
    .findings.filter((f) => f.ruleId === 'compose.default-credentials')
    .map((f) => ({ line: f.location.startLine, severity: f.severity, cwe: f.cwe, message: f.message }));

describe('compose.default-credentials', () => {
  it('is high when the service publishes ports and medium when only the Compose network reaches it', () => {
    const code = 'services:\n  docs:\n    image: mongo:7.0\n    ports: ["27017:27017"]\n  queue:\n    image: redis:7.4\n    expose: ["6379"]\n';
    expect(found(code)).toEqual([
      {
        line: 3,
        severity: 'high',
        cwe: ['CWE-306'],
        message: 'Service "docs" runs MongoDB (mongo:7.0): MONGO_INITDB_ROOT_USERNAME is not set and mongod runs without --auth, so every client that reaches it is an administrator; its ports are published on the host',
      },
      {
        line: 6,
        severity: 'medium',
        cwe: ['CWE-306'],
        message: 'Service "queue" runs Redis (redis:7.4): redis-server runs without requirepass and the image turns protected mode off, so every client that reaches it reads and writes every key',
      },
    ]);
  });

  it('reads environment lists and maps, and takes values the shell, an env_file or a required variable supplies as set', () => {
    const service = (env: string) => `services:\n  dash:\n    image: grafana/grafana:11.3.0\n${env}`;
    expect(found(service('    environment:\n      - GF_SECURITY_ADMIN_PASSWORD=admin\n'))[0]?.message).toContain('GF_SECURITY_ADMIN_PASSWORD is set to the default password admin');
    expect(found(service('    environment:\n      GF_SECURITY_ADMIN_PASSWORD: ${GF_PASSWORD:-admin}\n'))[0]?.message).toContain('set to the default password admin');
    expect(found(service('    environment:\n      - GF_SECURITY_ADMIN_PASSWORD\n'))).toEqual([]);
    expect(found(service('    environment:\n      GF_SECURITY_ADMIN_PASSWORD: ${GF_PASSWORD:?set it in .env}\n'))).toEqual([]);
    expect(found(service('    env_file: grafana.env\n'))).toEqual([]);
    expect(found(service('    volumes:\n      - ./grafana.ini:/etc/grafana/grafana.ini:ro\n'))).toEqual([]);
    expect(found(service(''))).toHaveLength(1);
  });

  it('points at a variable written with the default password, which wins over a mounted configuration', () => {
    const code =
      'services:\n  dash:\n    image: grafana/grafana:11.3.0\n    volumes:\n      - ./grafana/provisioning:/etc/grafana/provisioning\n    environment:\n      - GF_SECURITY_ADMIN_PASSWORD=${ADMIN_PASSWORD:-admin}\n' +
      '  broker:\n    image: rabbitmq:3.13-management\n    volumes:\n      - ./rabbitmq.conf:/etc/rabbitmq/rabbitmq.conf:ro\n    environment:\n      RABBITMQ_DEFAULT_USER: guest\n      RABBITMQ_DEFAULT_PASS: guest\n';
    expect(found(code).map((f) => [f.line, f.message.split(':')[0]])).toEqual([
      [7, 'Service "dash" runs Grafana (grafana/grafana'],
      [14, 'Service "broker" runs RabbitMQ (rabbitmq'],
    ]);
    // Unset, the password may come from the mounted rabbitmq.conf; provisioning sets no admin password.
    expect(found(code.replace(/ {6}RABBITMQ_DEFAULT_PASS: guest\n/, '').replace('      - GF_SECURITY_ADMIN_PASSWORD=${ADMIN_PASSWORD:-admin}\n', '      - GF_INSTALL_PLUGINS=grafana-clock-panel\n')).map((f) => f.line)).toEqual([3]);
  });

  it('takes ports published on loopback only as unpublished, and leaves Elasticsearch security switched off explicitly to search.security-disabled', () => {
    expect(found('services:\n  cache:\n    image: redis:7.4\n    ports: ["127.0.0.1:6379:6379"]\n')[0]?.severity).toBe('medium');
    expect(found('services:\n  cache:\n    image: redis:7.4\n    ports: ["0.0.0.0:6379:6379"]\n')[0]?.severity).toBe('high');
    expect(found('services:\n  es:\n    image: elasticsearch:7.17.25\n    environment:\n      - xpack.security.enabled=false\n')).toEqual([]);
    expect(found('services:\n  es:\n    image: elasticsearch:7.17.25\n    environment:\n      - discovery.type=single-node\n')).toHaveLength(1);
  });

  it('judges a service that takes its image and environment from an x- block', () => {
    const code = 'x-store: &store\n  image: minio/minio:RELEASE.2024-11-07T00-52-20Z\n  command: server /data\nservices:\n  landing:\n    <<: *store\n  archive:\n    <<: *store\n    environment:\n      MINIO_ROOT_PASSWORD: ${ARCHIVE_PASSWORD}\n';
    expect(found(code).map((f) => [f.line, f.message.split(':')[0]])).toEqual([[2, 'Service "landing" runs MinIO (minio/minio']]);
  });
});
