import type { Range } from '../../../../core/make-finding.js';
import type { CheckDocs } from '../rule.js';

/** Remote administration: SSH, RDP, WinRM. */
export const ADMIN_PORTS = new Map([
  [22, 'SSH'],
  [3389, 'RDP'],
  [5985, 'WinRM'],
  [5986, 'WinRM over TLS'],
]);

/** Databases, warehouses, caches, brokers and cluster services a data pipeline runs. */
export const DATA_PORTS = new Map([
  [5432, 'PostgreSQL'],
  [3306, 'MySQL'],
  [1433, 'SQL Server'],
  [1521, 'Oracle'],
  [5439, 'Redshift'],
  [6379, 'Redis'],
  [11211, 'Memcached'],
  [27017, 'MongoDB'],
  [9042, 'Cassandra'],
  [9200, 'Elasticsearch'],
  [9092, 'Kafka'],
  [2181, 'ZooKeeper'],
  [8020, 'HDFS NameNode'],
  [8088, 'YARN ResourceManager'],
  [8123, 'ClickHouse HTTP'],
  [9000, 'ClickHouse native / HDFS'],
]);

/** One ingress permission, however the dialect writes it. */
export interface IngressRule {
  /** Inclusive port range; all ports for "all protocols". */
  from: number;
  to: number;
  /** Source CIDRs as written. */
  sources: string[];
  range: Range;
}

const WORLD = new Set(['0.0.0.0/0', '::/0']);

/** The ports of `ports` an ingress rule opens to the whole internet, with their service names. */
export function exposedPorts(rule: IngressRule, ports: ReadonlyMap<number, string>): string[] {
  if (!rule.sources.some((s) => WORLD.has(s.trim()))) return [];
  return [...ports].filter(([port]) => rule.from <= port && port <= rule.to).map(([port, name]) => `${port} (${name})`);
}

/** All protocols: `-1`, `all`, or no protocol at all in a rule that names no ports. */
export function isAllProtocols(protocol: string | undefined): boolean {
  return protocol === '-1' || protocol?.toLowerCase() === 'all';
}

export const OPEN_ADMIN_PORT: CheckDocs = {
  title: 'Security group opens an administration port to the internet',
  severity: 'high',
  confidence: 'high',
  cwe: ['CWE-284'],
  what: 'Finds ingress rules (AWS security groups, GCP firewalls, Azure network security groups, where `*`, `Internet` and `Any` are the world) that allow 0.0.0.0/0 or ::/0 to SSH, RDP or WinRM, including rules over all ports.',
  why: 'Remote-administration ports open to the world are scanned within minutes and brute-forced continuously; one weak key or an unpatched daemon hands over the worker and its role.',
  remediation: 'Allow administration only from a bastion, VPN or corporate CIDR — or use SSM Session Manager / IAP and no inbound rule at all.',
  references: ['https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html', 'https://cwe.mitre.org/data/definitions/284.html'],
};

export const OPEN_DATA_PORT: CheckDocs = {
  ...OPEN_ADMIN_PORT,
  title: 'Security group opens a database or broker port to the internet',
  what: 'Finds ingress rules that allow 0.0.0.0/0 or ::/0 to database, warehouse, cache, Kafka or Hadoop ports (5432, 3306, 1433, 5439, 6379, 9092, 27017, …), including rules over all ports.',
  why: 'Data services exposed to the internet are found by mass scanners and attacked with default credentials, brute force and unauthenticated protocol features (open Redis, Kafka without auth).',
  remediation: 'Allow these ports only from the security groups of the pipeline’s workers, or from private CIDRs.',
};
