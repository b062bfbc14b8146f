import { listensEverywhere } from '../../../app-config/setting.js';
import { DATA_PORTS, isDataImage } from '../../data-services.js';
import { COMPOSE_DOCS, type ComposeRule } from '../compose-rule.js';
import type { ComposeService } from '../parse.js';
import { publishedPorts, type PublishedPort } from '../ports.js';
import { interpolate } from '../values.js';

/** Memcached also answers on UDP (the amplification vector); the others' UDP ports are not theirs. */
const DATA_UDP_PORTS = new Set([11211]);

function dataImage(service: ComposeService): string | undefined {
  const image = service.data['image'];
  return typeof image === 'string' && isDataImage(interpolate(image).text) ? image.trim() : undefined;
}

/** The data services' well-known ports among the ones an entry publishes. */
function knownPorts(port: PublishedPort): string[] {
  const known: string[] = [];
  for (const [number, label] of DATA_PORTS) {
    const protocolFits = port.protocol === 'tcp' || (port.protocol === 'udp' && DATA_UDP_PORTS.has(number));
    if (protocolFits && number >= port.first && number <= port.last) known.push(`${number} (${label})`);
  }
  return known;
}

export const composePortOnAllInterfaces: ComposeRule = {
  id: 'compose.port-on-all-interfaces',
  title: 'Compose publishes a database port on every interface',
  category: 'iac',
  severity: 'medium',
  confidence: 'high',
  cwe: ['CWE-1327', 'CWE-668'],
  what:
    'Finds `ports` entries without a host address (`"5432:5432"`, long syntax without `host_ip`) or bound to 0.0.0.0 or ::, ' +
    'on a service whose image is a database, cache, queue, search engine or object store (postgres, mysql, mongo, redis, ' +
    'elasticsearch, kafka, minio, …) or whose published container port is one of theirs (5432, 3306, 6379, 9200, 9092, …; ' +
    'medium confidence; 9000, which many web applications also serve on, counts only for a MinIO or ClickHouse image). ' +
    '`expose:` publishes nothing and is fine.',
  why:
    'Docker publishes a port on every interface of the host unless told otherwise, and its iptables rules are applied ' +
    'before those of host firewalls such as ufw or firewalld: a database meant for the pipeline’s own containers is ' +
    'reachable from the network, often with a default or no password.',
  remediation:
    'Drop `ports` and let the other services reach it over the Compose network by service name; if the host itself needs ' +
    'it, bind to loopback: `"127.0.0.1:5432:5432"`.',
  bad: [
    { file: 'docker-compose.yml', code: 'services:\n  db:\n    image: postgres:16.4\n    ports:\n      - "5432:5432"\n' },
    { file: 'compose.yaml', code: 'services:\n  cache:\n    build: ./cache\n    ports:\n      - target: 6379\n        published: "6379"\n        host_ip: 0.0.0.0\n' },
  ],
  good: [
    {
      file: 'docker-compose.yml',
      code: 'services:\n  db:\n    image: postgres:16.4\n    ports:\n      - "127.0.0.1:5432:5432"\n  redis:\n    image: redis:7.4.1\n    expose:\n      - "6379"\n  web:\n    image: acme/web:1.0.0\n    ports:\n      - "8080:8080"\n',
    },
  ],
  references: [
    `${COMPOSE_DOCS}#ports`,
    'https://docs.docker.com/engine/network/packet-filtering-firewalls/#docker-and-ufw',
    'https://cwe.mitre.org/data/definitions/1327.html',
  ],
  check(ctx) {
    for (const service of ctx.services) {
      // With the host's network, `ports` is ignored (compose.host-namespace reports the service).
      if (service.data['network_mode'] === 'host') continue;
      const image = dataImage(service);
      for (const port of publishedPorts(service)) {
        if (port.hostIp !== undefined && !listensEverywhere(port.hostIp)) continue;
        const range = port.first === port.last ? `port ${port.first}` : `ports ${port.first}-${port.last}`;
        const known = knownPorts(port);
        if (!image && known.length === 0) continue;
        const what = image ? `${range} of ${image}` : known.length === 1 ? `port ${known[0]}` : `ports ${known.join(', ')}`;
        ctx.report(service, port.path, {
          message: `Service "${service.name}" publishes ${what} on every interface of the host (${port.written}); Docker's rules bypass ufw/firewalld`,
          ...(image ? {} : { confidence: 'medium' as const }),
        });
      }
    }
  },
};
