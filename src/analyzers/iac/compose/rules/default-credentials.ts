import { isRecord, type Path } from '../../kubernetes/parse.js';
import { DEFAULT_ACCESS_SUMMARY, DEFAULT_ACCESS_WHY, defaultAccessOf, type ContainerStart } from '../../default-access.js';
import { COMPOSE_DOCS, type ComposeRule } from '../compose-rule.js';
import type { ComposeService } from '../parse.js';
import { publishedPorts } from '../ports.js';
import { interpolate } from '../values.js';
import { volumeMounts } from '../volumes.js';

export const composeDefaultCredentials: ComposeRule = {
  id: 'compose.default-credentials',
  title: 'Compose data service keeps its default password or has no authentication',
  category: 'iac',
  severity: 'high',
  confidence: 'medium',
  cwe: ['CWE-1393', 'CWE-306'],
  what:
    `Finds services of well-known data service images started without the settings that protect them: ${DEFAULT_ACCESS_SUMMARY} ` +
    'High when the service publishes ports beyond loopback, medium when only the Compose network (or the host itself) reaches it; a service with an `env_file` ' +
    'or a mounted configuration directory may set them elsewhere and is left alone.',
  why: `${DEFAULT_ACCESS_WHY} With a published port, that is anyone who reaches the host.`,
  remediation: 'Set the credentials from a secret or an untracked .env file (`MINIO_ROOT_PASSWORD: ${MINIO_ROOT_PASSWORD:?}`), or switch authentication on, and publish the port on 127.0.0.1 only if at all.',
  bad: [
    { file: 'docker-compose.yml', code: 'services:\n  lake:\n    image: minio/minio:RELEASE.2024-11-07T00-52-20Z\n    command: server /data\n    ports:\n      - "9000:9000"\n' },
    { file: 'docker-compose.yml', code: 'services:\n  broker:\n    image: rabbitmq:3.13-management\n    environment:\n      RABBITMQ_DEFAULT_USER: guest\n      RABBITMQ_DEFAULT_PASS: guest\n' },
  ],
  good: [
    {
      file: 'docker-compose.yml',
      code: 'services:\n  lake:\n    image: minio/minio:RELEASE.2024-11-07T00-52-20Z\n    command: server /data\n    environment:\n      MINIO_ROOT_USER: lake-admin\n      MINIO_ROOT_PASSWORD: ${MINIO_ROOT_PASSWORD:?set it in .env}\n',
    },
    { file: 'docker-compose.yml', code: 'services:\n  cache:\n    image: redis:7.4\n    command: ["redis-server", "--requirepass", "${REDIS_PASSWORD}"]\n' },
  ],
  references: [`${COMPOSE_DOCS}#environment`, 'https://cwe.mitre.org/data/definitions/1393.html', 'https://cwe.mitre.org/data/definitions/306.html'],
  check(ctx) {
    for (const service of ctx.services) {
      const start = containerStart(service);
      const open = start && defaultAccessOf(start);
      if (!open) continue;
      // A port published on loopback only is the host's own business.
      const published = publishedPorts(service).some((port) => port.hostIp === undefined || !isLoopback(port.hostIp));
      ctx.report(service, open.variable === undefined ? ['image'] : environmentPath(service, open.variable), {
        message: `Service "${service.name}" runs ${open.message}${published ? '; its ports are published on the host' : ''}`,
        cwe: [open.cwe],
        ...(published ? {} : { severity: 'medium' as const }),
      });
    }
  },
};

function containerStart(service: ComposeService): ContainerStart | undefined {
  const image = service.data['image'];
  if (typeof image !== 'string') return undefined;
  const command = service.data['command'];
  return {
    image: image.trim(),
    env: environment(service.data['environment']),
    moreEnv: service.data['env_file'] !== undefined,
    mounts: volumeMounts(service).flatMap((m) => (m.target ? [m.target.replace(/\/+$/, '')] : [])),
    command: Array.isArray(command) ? command.map(String).join(' ') : typeof command === 'string' ? command : '',
  };
}

/** Where `environment` sets `name`: its key in a map, its item in a list. */
function environmentPath(service: ComposeService, name: string): Path {
  const written = service.data['environment'];
  if (!Array.isArray(written)) return ['environment', name];
  const index = written.findIndex((item) => String(item).split('=')[0]!.trim() === name);
  return index === -1 ? ['environment'] : ['environment', index];
}

/** A loopback address to publish on (0.0.0.0, which binds every interface, is not one). */
function isLoopback(address: string): boolean {
  return /^(127\.\d+\.\d+\.\d+|localhost|::1|\[::1\])$/i.test(address.trim());
}

/** `environment` as a map or a `NAME=value` list; a value the shell or a variable supplies is unknown. */
function environment(written: unknown): Map<string, string | undefined> {
  const entries: Array<[string, unknown]> = Array.isArray(written)
    ? written.map((item) => {
        const text = String(item);
        const equals = text.indexOf('=');
        return equals < 0 ? [text.trim(), undefined] : [text.slice(0, equals).trim(), text.slice(equals + 1)];
      })
    : isRecord(written)
      ? Object.entries(written)
      : [];
  return new Map(
    entries.map(([name, value]) => {
      if (value === null || value === undefined) return [name, undefined];
      const { text, unresolved } = interpolate(String(value));
      return [name, unresolved ? undefined : text];
    }),
  );
}
