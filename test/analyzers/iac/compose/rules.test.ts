import { describe, expect, it } from 'vitest';
import { analyzeComposeText } from './scan.js';
import { fromLines as yaml, ruleFindings } from '../../../helpers/rule-findings.js';

const { found, lines } = ruleFindings((code) => analyzeComposeText(code));

describe('compose.runtime-socket', () => {
  it('reports a read-only docker.sock mount once, saying read-only does not help, and leaves it out of compose.host-path-mount', () => {
    const code = yaml('services:', '  worker:', '    image: acme/worker:1.0.0', '    volumes:', '      - /var/run/docker.sock:/var/run/docker.sock:ro');
    expect(found(code, 'compose.runtime-socket')).toEqual([
      '5:9 critical Service "worker" mounts the container runtime socket /var/run/docker.sock — read-only, which still lets it use the API: root on the host',
    ]);
    expect(found(code, 'compose.host-path-mount')).toEqual([]);
  });

  it('reads long syntax and other runtimes’ sockets, and points at the source', () => {
    const code = yaml(
      'services:',
      '  runner:',
      '    image: acme/runner:1.0.0',
      '    volumes:',
      '      - type: bind',
      '        target: /run/podman/podman.sock',
      '        source: /run/user/1000/podman/podman.sock',
      '      - /run/crio/crio.sock:/crio.sock',
      '      - //var/run/docker.sock/:/var/run/docker.sock',
    );
    expect(lines(code, 'compose.runtime-socket')).toEqual([7, 8, 9]);
    expect(found(code, 'compose.runtime-socket')[0]).toMatch(/^7:17 critical .*\/run\/user\/1000\/podman\/podman\.sock: root on the host$/);
  });

  it('falls back to the target when the source is a variable, with medium confidence', () => {
    const code = yaml('services:', '  ci:', '    image: acme/ci:1.0.0', '    volumes:', '      - ${DOCKER_SOCK}:/var/run/docker.sock', '      - ${DATA_DIR}:/data');
    const findings = analyzeComposeText(code).findings.filter((f) => f.ruleId === 'compose.runtime-socket');
    expect(findings.map((f) => [f.location.startLine, f.confidence, f.message])).toEqual([
      [5, 'medium', 'Service "ci" mounts the container runtime socket ${DOCKER_SOCK} (mounted at /var/run/docker.sock): root on the host'],
    ]);
  });

  it('follows a named volume whose local driver binds the socket, in short and long syntax', () => {
    const code = yaml(
      'services:',
      '  builder:',
      '    image: acme/builder:1.0.0',
      '    volumes:',
      '      - docker-sock:/var/run/docker.sock',
      '      - type: volume',
      '        source: docker-sock',
      '        target: /sock',
      'volumes:',
      '  docker-sock:',
      '    driver: local',
      '    driver_opts:',
      '      type: none',
      '      o: bind',
      '      device: /var/run/docker.sock',
    );
    expect(found(code, 'compose.runtime-socket')).toEqual([
      '5:9 critical Service "builder" mounts the container runtime socket /var/run/docker.sock through the named volume "docker-sock": root on the host',
      '7:17 critical Service "builder" mounts the container runtime socket /var/run/docker.sock through the named volume "docker-sock": root on the host',
    ]);
  });

  it('does not take a named volume or a project file for a socket', () => {
    const code = yaml('services:', '  app:', '    image: acme/app:1.0.0', '    volumes:', '      - sockets:/var/run/app', '      - ./docker.sock.md:/docs/docker.sock.md');
    expect(found(code, 'compose.runtime-socket')).toEqual([]);
  });
});

describe('compose.host-namespace', () => {
  it('names the namespace and rates each one', () => {
    const code = yaml('services:', '  probe:', '    image: acme/probe:1.0.0', '    network_mode: host', '    ipc: host', '    uts: "host"', '    userns_mode: host');
    expect(found(code, 'compose.host-namespace')).toEqual([
      '4:19 high Service "probe" shares the host\'s network namespace (network_mode: host)',
      '5:10 medium Service "probe" shares the host\'s IPC namespace (ipc: host)',
      '6:10 low Service "probe" shares the host\'s UTS namespace (uts: host)',
      '7:18 medium Service "probe" shares the host\'s user namespace (userns_mode: host)',
    ]);
  });

  it('does not report sharing another service’s or container’s namespace', () => {
    const code = yaml(
      'services:',
      '  db:',
      '    image: postgres:16.4',
      '  sidecar:',
      '    image: acme/sidecar:1.0.0',
      '    network_mode: "service:db"',
      '    pid: "container:db_1"',
      '    ipc: shareable',
      '  other:',
      '    image: acme/other:1.0.0',
      '    network_mode: bridge',
    );
    expect(found(code, 'compose.host-namespace')).toEqual([]);
  });
});

describe('compose.dangerous-capabilities', () => {
  it('accepts the CAP_ prefix and lower case, and skips narrow capabilities', () => {
    const code = yaml('services:', '  tool:', '    image: acme/tool:1.0.0', '    cap_add:', '      - CHOWN', '      - cap_sys_admin', '      - NET_BIND_SERVICE', '      - sys_ptrace');
    expect(found(code, 'compose.dangerous-capabilities')).toEqual([
      '6:9 high Service "tool" adds the SYS_ADMIN capability',
      '8:9 high Service "tool" adds the SYS_PTRACE capability',
    ]);
  });

  it('does not read cap_drop', () => {
    expect(found(yaml('services:', '  tool:', '    image: acme/tool:1.0.0', '    cap_drop: [ALL, SYS_ADMIN]'), 'compose.dangerous-capabilities')).toEqual([]);
  });
});

describe('compose.security-opt-unconfined', () => {
  it('reads both separators and reports only the settings that remove confinement', () => {
    const code = yaml(
      'services:',
      '  etl:',
      '    image: acme/etl:1.0.0',
      '    security_opt:',
      '      - seccomp=unconfined',
      '      - apparmor:unconfined',
      '      - label=disable',
      '      - no-new-privileges:false',
      '      - no-new-privileges:true',
      '      - no-new-privileges',
      '      - seccomp:./profiles/etl.json',
      '      - label=user:etl',
      '      - apparmor=docker-default',
    );
    const findings = analyzeComposeText(code).findings.filter((f) => f.ruleId === 'compose.security-opt-unconfined');
    expect(findings.map((f) => [f.location.startLine, f.cwe])).toEqual([
      [5, ['CWE-693']],
      [6, ['CWE-693']],
      [7, ['CWE-693']],
      [8, ['CWE-269']],
    ]);
    expect(findings[0]!.message).toBe('Service "etl" runs without a seccomp profile (security_opt: seccomp=unconfined)');
  });
});

describe('compose.host-path-mount', () => {
  it('finds credential directories however $HOME is written, high only when writable', () => {
    const code = yaml(
      'services:',
      '  deploy:',
      '    image: acme/deploy:1.0.0',
      '    volumes:',
      '      - $HOME/.aws:/root/.aws',
      '      - ${HOME}/.ssh:/root/.ssh:ro',
      '      - ~/.kube/config:/root/.kube/config',
      '      - /home/alice/.config/gcloud:/gcloud:ro',
      '      - /Users/bob/.docker:/root/.docker:ro',
    );
    expect(found(code, 'compose.host-path-mount')).toEqual([
      '5:9 high Service "deploy" mounts the host path ~/.aws (AWS credentials) writable',
      '6:9 medium Service "deploy" mounts the host path ~/.ssh (SSH keys) read-only',
      '7:9 high Service "deploy" mounts the host path ~/.kube/config (Kubernetes credentials) writable',
      '8:9 medium Service "deploy" mounts the host path /home/alice/.config/gcloud (Google Cloud credentials) read-only',
      '9:9 medium Service "deploy" mounts the host path /Users/bob/.docker (registry credentials) read-only',
    ]);
  });

  it('rates system paths by writability, a directory holding the runtime socket high even read-only, and /var/run as the socket itself', () => {
    const code = yaml(
      'services:',
      '  agent:',
      '    image: acme/agent:1.0.0',
      '    volumes:',
      '      - /etc:/host/etc',
      '      - /proc:/host/proc:ro',
      '      - /dev/dri:/dev/dri',
      '      - /var/run:/var/run:ro',
      '      - /var/lib/:/host/var-lib:ro',
      '      - type: bind',
      '        source: /',
      '        target: /rootfs',
      '        read_only: true',
    );
    expect(found(code, 'compose.host-path-mount')).toEqual([
      '5:9 high Service "agent" mounts the host path /etc (host configuration: users, sudoers, cron, service units) writable',
      '6:9 medium Service "agent" mounts the host path /proc (the host’s processes and kernel settings) read-only',
      '7:9 medium Service "agent" mounts the host path /dev/dri (the host’s devices) writable',
      '9:9 medium Service "agent" mounts the host path /var/lib (holds /var/lib/docker) read-only',
      '11:17 high Service "agent" mounts the host path / (the host’s whole filesystem) read-only; the container runtime socket is inside it, and read-only does not stop a client using it',
    ]);
    // /var/run holds docker.sock: mounting it is mounting the socket.
    expect(found(code, 'compose.runtime-socket').map((f) => f.split(' ').slice(0, 2).join(' '))).toEqual(['8:9 critical']);
  });

  it('reads a named volume bound to a host path as that bind mount, and leaves other drivers and project paths alone', () => {
    const code = yaml(
      'services:',
      '  exporter:',
      '    image: acme/exporter:1.0.0',
      '    volumes:',
      '      - host-etc:/host/etc',
      '      - host-root:/rootfs:ro',
      '      - nfs-data:/data',
      '      - plugin:/plugin',
      '      - project:/project',
      'volumes:',
      '  host-etc:',
      '    driver_opts: { type: none, o: "bind,rw", device: /etc }',
      '  host-root:',
      '    driver_opts: { type: none, o: bind, device: "${ROOT:-/}" }',
      '  nfs-data:',
      '    driver_opts: { type: nfs, o: "addr=10.0.0.5,rw", device: ":/export/etc" }',
      '  plugin:',
      '    driver: rexray/ebs',
      '    driver_opts: { o: bind, device: /etc }',
      '  project:',
      '    driver_opts: { type: none, o: bind, device: ./data }',
    );
    expect(found(code, 'compose.host-path-mount')).toEqual([
      '5:9 high Service "exporter" mounts the host path /etc through the named volume "host-etc" (host configuration: users, sudoers, cron, service units) writable',
      '6:9 high Service "exporter" mounts the host path / through the named volume "host-root" (the host’s whole filesystem) read-only; the container runtime socket is inside it, and read-only does not stop a client using it',
    ]);
  });

  it('takes one application configuration file in /etc for what it is, and leaves shared resolver and CA files alone', () => {
    const code = yaml(
      'services:',
      '  agent:',
      '    image: acme/agent:1.0.0',
      '    volumes:',
      '      - /etc/deepflow-agent.yaml:/etc/deepflow-agent/deepflow-agent.yaml',
      '      - /etc/ssl/certs:/etc/ssl/certs:ro',
      '      - /etc/resolv.conf:/etc/resolv.conf:ro',
      '      - /etc/sudoers:/host/sudoers',
      '      - /var:/host/var',
    );
    expect(found(code, 'compose.host-path-mount')).toEqual([
      '5:9 medium Service "agent" mounts the host path /etc/deepflow-agent.yaml (a configuration file of the host) writable',
      '8:9 high Service "agent" mounts the host path /etc/sudoers (host configuration: users, sudoers, cron, service units) writable',
      '9:9 high Service "agent" mounts the host path /var (holds /var/lib/docker, /var/run) writable; the container runtime socket is inside it',
    ]);
  });

  it('leaves project paths, named volumes, time zone files and ordinary host directories alone', () => {
    const code = yaml(
      'services:',
      '  scheduler:',
      '    image: apache/airflow:2.10.3',
      '    volumes:',
      '      - ./dags:/opt/airflow/dags',
      '      - ../shared:/shared:ro',
      '      - pgdata:/var/lib/postgresql/data',
      '      - /etc/localtime:/etc/localtime:ro',
      '      - /srv/landing:/landing',
      '      - /etcetera:/x',
      '      - ~/projects/etl:/src',
      '      - C:\\data:/data',
      '      - /tmp',
      '      - type: volume',
      '        source: etc',
      '        target: /etc/app',
      '      - type: tmpfs',
      '        target: /run',
    );
    expect(found(code, 'compose.host-path-mount')).toEqual([]);
  });
});

describe('compose.image-latest', () => {
  it('reports latest and untagged images, and a variable that is not where the tag goes', () => {
    const code = yaml(
      'services:',
      '  a:',
      '    image: redis:latest',
      '  b:',
      '    image: registry.example.com:5000/etl',
      '  c:',
      '    image: ${REGISTRY}/etl',
      '  d:',
      '    image: acme/etl:${TAG:-latest}',
    );
    expect(lines(code, 'compose.image-latest')).toEqual([3, 5, 7, 9]);
    expect(found(code, 'compose.image-latest')[3]).toBe('9:12 medium Service "d" uses acme/etl:${TAG:-latest} (acme/etl:latest) — the mutable latest tag');
  });

  it('skips pinned images, a variable tag or image, and services that build their image', () => {
    const code = yaml(
      'services:',
      '  a:',
      '    image: registry.example.com:5000/etl:2.3.1',
      '  b:',
      '    image: acme/etl:${TAG}',
      '  c:',
      '    image: ${ETL_IMAGE}',
      '  d:',
      '    image: acme/worker',
      '    build:',
      '      context: ./worker',
      '  e:',
      '    build: ./web',
      '  f:',
      '    image: python@sha256:0f2d3e5ad53fd8cfc4e36a1b0c2a8db9f8ed2b8b2d9a8f8c6f7b4c5d6e7f8a9b0',
    );
    expect(found(code, 'compose.image-latest')).toEqual([]);
  });
});

describe('compose.port-on-all-interfaces', () => {
  it('reports a data service published without a host address or on 0.0.0.0 / ::, in short and long syntax', () => {
    const code = yaml(
      'services:',
      '  db:',
      '    image: bitnami/postgresql:16.4.0',
      '    ports:',
      '      - "5432:5432"',
      '      - 127.0.0.1:5433:5432',
      '      - "[::1]:5434:5432"',
      '      - "[::]:5435:5432"',
      '      - 0.0.0.0:5436:5432',
      '      - target: 5432',
      '        published: "5437"',
      '      - target: 5432',
      '        published: "5438"',
      '        host_ip: 127.0.0.1',
      '      - target: 5432',
      '        host_ip: "::"',
    );
    expect(lines(code, 'compose.port-on-all-interfaces')).toEqual([5, 8, 9, 11, 16]);
    expect(found(code, 'compose.port-on-all-interfaces')[0]).toBe(
      '5:9 medium Service "db" publishes port 5432 of bitnami/postgresql:16.4.0 on every interface of the host (5432:5432); Docker\'s rules bypass ufw/firewalld',
    );
  });

  it('recognises data services by well-known container port when the image says nothing, with medium confidence', () => {
    const code = yaml(
      'services:',
      '  cache:',
      '    build: ./cache',
      '    ports:',
      '      - ${CACHE_PORT:-16379}:6379',
      '      - "6379:8080"',
      '      - 9040-9050:9040-9050',
      '      - "5432/udp"',
      '      - 11211:11211/udp',
      '    expose:',
      '      - "5432"',
    );
    const findings = analyzeComposeText(code).findings.filter((f) => f.ruleId === 'compose.port-on-all-interfaces');
    expect(findings.map((f) => [f.location.startLine, f.confidence])).toEqual([
      [5, 'medium'],
      [7, 'medium'],
      [9, 'medium'],
    ]);
    expect(findings[0]!.message).toMatch(/^Service "cache" publishes port 6379 \(Redis\) on every interface/);
  });

  it('takes 9000 for a MinIO or ClickHouse port only on their images, and knows Redpanda and Confluent Server', () => {
    const code = yaml(
      'services:',
      '  sentry:',
      '    image: sentry:8.21.0',
      '    ports: ["9000"]',
      '  worker:',
      '    image: airbyte/worker:${VERSION}',
      '    ports: ["9000"]',
      '  broker:',
      '    image: redpandadata/redpanda:v24.2.7',
      '    ports: ["19092:19092"]',
      '  kafka:',
      '    image: confluentinc/cp-server:7.7.1',
      '    ports: ["29093:29093"]',
      '  samples:',
      '    image: metabase/qa-databases:postgres-sample-14',
      '    ports: ["15432:5432"]',
      '  lake:',
      '    image: minio/minio:RELEASE.2024-11-07T00-52-20Z',
      '    ports: ["9000:9000"]',
    );
    expect(lines(code, 'compose.port-on-all-interfaces')).toEqual([10, 13, 16, 19]);
  });

  it('knows data images by their last name segment, and ignores ports under the host network', () => {
    const code = yaml(
      'services:',
      '  kafka:',
      '    image: confluentinc/cp-kafka:7.7.1',
      '    ports: ["29092:29092"]',
      '  search:',
      '    image: docker.elastic.co/elasticsearch/elasticsearch:8.15.3',
      '    ports: [9201]',
      '  exporter:',
      '    image: prometheuscommunity/postgres-exporter:v0.15.0',
      '    ports: ["9187:9187"]',
      '  direct:',
      '    image: redis:7.4.1',
      '    network_mode: host',
      '    ports: ["6379:6379"]',
    );
    expect(lines(code, 'compose.port-on-all-interfaces')).toEqual([4, 7]);
  });
});

describe('merge keys', () => {
  it('applies `<<: *common` and reports each service that inherits the setting, on the anchored key', () => {
    const code = yaml(
      'x-common: &common',
      '  privileged: true',
      '  cap_add: [SYS_ADMIN]',
      '  volumes:',
      '    - /var/run/docker.sock:/var/run/docker.sock',
      'services:',
      '  a:',
      '    <<: *common',
      '    image: acme/a:1.0.0',
      '  b:',
      '    <<: *common',
      '    image: acme/b:1.0.0',
      '    privileged: false',
      '  c:',
      '    image: acme/c:1.0.0',
    );
    expect(found(code, 'compose.privileged')).toEqual(['2:15 critical Service "a" runs privileged: it has full access to the host']);
    expect(found(code, 'compose.dangerous-capabilities').map((f) => f.replace(/ high .*"(\w)".*/, ' $1'))).toEqual(['3:13 a', '3:13 b']);
    expect(found(code, 'compose.runtime-socket').map((f) => f.replace(/ critical .*"(\w)".*/, ' $1'))).toEqual(['5:7 a', '5:7 b']);
    expect(found(code, 'compose.host-path-mount')).toEqual([]);
  });
});

describe('files the rules cannot read', () => {
  it('reports invalid YAML as a scan error of the file, without findings or an analyzer crash', () => {
    const result = analyzeComposeText(yaml('services:', '  db:', '    image: postgres', '    ports: ["5432:5432"', '  web:'));
    expect(result.findings).toEqual([]);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]!.message).toMatch(/^invalid YAML at line \d+, column \d+: /);
  });

  it('finds nothing in a compose file without services', () => {
    for (const code of [yaml('name: pipeline', 'volumes:', '  data: {}'), yaml('services:'), yaml('services: []'), '']) {
      const result = analyzeComposeText(code);
      expect(result.findings).toEqual([]);
      expect(result.errors).toEqual([]);
    }
  });

  it('skips values of the wrong shape instead of failing', () => {
    const code = yaml(
      'services:',
      '  odd:',
      '    image: 42',
      '    volumes: /var/run/docker.sock:/var/run/docker.sock',
      '    ports: {db: 5432}',
      '    cap_add: SYS_ADMIN',
      '    security_opt: [{seccomp: unconfined}]',
      '    network_mode: [host]',
      '  empty:',
      '  ok:',
      '    image: acme/ok:1.0.0',
      '    volumes: [42, null, {type: bind}]',
      '    ports: [null, {published: 5432}, "${DB_PORT}"]',
    );
    const result = analyzeComposeText(code);
    expect(result.errors).toEqual([]);
    expect(result.findings).toEqual([]);
  });
});
