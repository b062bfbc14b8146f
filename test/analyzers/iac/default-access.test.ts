import { describe, expect, it } from 'vitest';
import { defaultAccessOf, type ContainerStart } from '../../../src/analyzers/iac/default-access.js';

const start = (image: string, more: Partial<Omit<ContainerStart, 'env'>> & { env?: Record<string, string | undefined> } = {}): ContainerStart => ({
  image,
  env: new Map(Object.entries(more.env ?? {})),
  moreEnv: more.moreEnv ?? false,
  mounts: more.mounts ?? [],
  command: more.command ?? '',
});
const open = (s: ContainerStart) => defaultAccessOf(s);

describe('data service images left open by default', () => {
  it('MinIO: the root password unset or written as minioadmin; set from elsewhere or strong, closed', () => {
    expect(open(start('minio/minio:RELEASE.2024-11-07T00-52-20Z'))).toEqual({
      message: 'MinIO (minio/minio:RELEASE.2024-11-07T00-52-20Z): MINIO_ROOT_PASSWORD is not set, so the root account is minioadmin/minioadmin',
      cwe: 'CWE-1393',
    });
    expect(open(start('quay.io/minio/minio', { env: { MINIO_ROOT_USER: 'minioadmin', MINIO_ROOT_PASSWORD: 'minioadmin' } }))?.message).toBe(
      'MinIO (quay.io/minio/minio): MINIO_ROOT_PASSWORD is set to the default password minioadmin',
    );
    expect(open(start('minio/minio', { env: { MINIO_ROOT_PASSWORD: 'k2V9-long-and-random' } }))).toBeUndefined();
    expect(open(start('minio/minio', { env: { MINIO_ROOT_PASSWORD: undefined } }))).toBeUndefined();
    expect(open(start('minio/minio', { env: { MINIO_SECRET_KEY: 'legacy-but-set-0193' } }))).toBeUndefined();
    expect(open(start('minio/minio', { env: { MINIO_ROOT_PASSWORD_FILE: '/run/secrets/minio' } }))).toBeUndefined();
    expect(open(start('minio/minio', { moreEnv: true }))).toBeUndefined();
  });

  it('Grafana and RabbitMQ: default admin and guest passwords, unless a configuration directory is mounted', () => {
    expect(open(start('grafana/grafana-oss:11.3.0'))?.message).toBe('Grafana (grafana/grafana-oss:11.3.0): GF_SECURITY_ADMIN_PASSWORD is not set, so the admin account’s password is admin');
    expect(open(start('grafana/grafana:11.3.0', { env: { GF_SECURITY_ADMIN_PASSWORD: 'admin' } }))?.message).toContain('is set to the default password admin');
    expect(open(start('grafana/grafana:11.3.0', { mounts: ['/etc/grafana/grafana.ini'] }))).toBeUndefined();
    expect(open(start('grafana/grafana:11.3.0', { env: { GF_SECURITY_ADMIN_PASSWORD__FILE: '/run/secrets/gf' } }))).toBeUndefined();
    expect(open(start('rabbitmq:3.13-management'))?.message).toMatch(/^RabbitMQ \(rabbitmq:3\.13-management\): RABBITMQ_DEFAULT_PASS is not set, so the default account’s password is guest/);
    expect(open(start('docker.io/library/rabbitmq:4.0', { env: { RABBITMQ_DEFAULT_USER: 'guest', RABBITMQ_DEFAULT_PASS: 'guest' } }))?.cwe).toBe('CWE-1393');
    expect(open(start('rabbitmq:4.0', { mounts: ['/etc/rabbitmq'] }))).toBeUndefined();
    expect(open(start('rabbitmq:4.0', { env: { RABBITMQ_DEFAULT_PASS: '${RABBIT_PASSWORD}' } }))).toBeUndefined();
  });

  it('MongoDB, Redis and Elasticsearch before 8: no authentication unless the start switches it on', () => {
    expect(open(start('mongo:7.0'))).toEqual({
      message: 'MongoDB (mongo:7.0): MONGO_INITDB_ROOT_USERNAME is not set and mongod runs without --auth, so every client that reaches it is an administrator',
      cwe: 'CWE-306',
    });
    expect(open(start('mongo:7.0', { command: 'mongod --auth --bind_ip_all' }))).toBeUndefined();
    expect(open(start('mongo:7.0', { command: 'mongod --config /etc/mongo/mongod.conf' }))).toBeUndefined();
    expect(open(start('mongo:7.0', { env: { MONGO_INITDB_ROOT_USERNAME: 'root', MONGO_INITDB_ROOT_PASSWORD: undefined } }))).toBeUndefined();
    expect(open(start('redis:7.4'))?.message).toBe(
      'Redis (redis:7.4): redis-server runs without requirepass and the image turns protected mode off, so every client that reaches it reads and writes every key',
    );
    expect(open(start('redis:7.4', { command: 'redis-server --appendonly yes' }))?.cwe).toBe('CWE-306');
    expect(open(start('redis:7.4', { command: 'redis-server --requirepass $(REDIS_PASSWORD)' }))).toBeUndefined();
    expect(open(start('redis:7.4', { command: 'redis-server /usr/local/etc/redis/redis.conf' }))).toBeUndefined();
    // Protected mode switched off on the command line is redis.open-without-password's finding.
    expect(open(start('redis:7.4', { command: 'redis-server --protected-mode no' }))).toBeUndefined();
    expect(open(start('elasticsearch:7.17.25'))?.message).toBe(
      'Elasticsearch (elasticsearch:7.17.25): Elasticsearch 7 runs without security unless xpack.security.enabled is true, so every client that reaches it reads and deletes every index',
    );
    expect(open(start('docker.elastic.co/elasticsearch/elasticsearch:7.10.2', { env: { 'discovery.type': 'single-node' } }))?.cwe).toBe('CWE-306');
    expect(open(start('elasticsearch:7.17.25', { env: { 'xpack.security.enabled': 'true' } }))).toBeUndefined();
    expect(open(start('elasticsearch:8.15.3'))).toBeUndefined();
    expect(open(start('elasticsearch'))).toBeUndefined();
  });

  it('leaves other images, and references still to be filled in, alone', () => {
    expect(open(start('bitnami/redis:7.4'))).toBeUndefined();
    expect(open(start('registry.example.com/team/mongo-tools:1.0'))).toBeUndefined();
    expect(open(start('${REGISTRY}/redis:7.4'))).toBeUndefined();
    expect(open(start('postgres:17'))).toBeUndefined();
  });
});
