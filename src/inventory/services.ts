import type { FileKind } from './classify.js';
import { servicesInCode } from './services-code.js';
import { servicesInCloudFormation, servicesInTerraform } from './services-iac.js';

export type ServiceKind = 'bucket' | 'database' | 'warehouse' | 'queue' | 'stream' | 'topic' | 'api' | 'cache' | 'filesystem';

export type ServiceProvider = 'aws' | 'gcp' | 'azure' | 'snowflake' | 'databricks' | 'confluent';

/** An external system the pipeline reads from or writes to, as one file shows it. */
export interface Service {
  kind: ServiceKind;
  provider?: ServiceProvider;
  /** Bucket, database host/name, queue name, API host…; for IaC without a literal name, the resource address. */
  name: string;
  /** Where it is reached, with any password or secret parameter replaced by `***`. */
  uri?: string;
  /** Relative to the scanned root. */
  file: string;
  /** 1-based. */
  line: number;
  /** Infrastructure code declares it; program code or configuration merely points at it. */
  source: 'iac' | 'code' | 'config';
}

/** What one scanner reports; the file and source are the same for every hit, so servicesIn adds them. */
export type ServiceHit = Omit<Service, 'file' | 'source'>;

const SOURCES: Partial<Record<FileKind, { source: Service['source']; scan: (text: string, kind: FileKind) => ServiceHit[] }>> = {
  terraform: { source: 'iac', scan: servicesInTerraform },
  cloudformation: { source: 'iac', scan: servicesInCloudFormation },
  python: { source: 'code', scan: servicesInCode },
  javascript: { source: 'code', scan: servicesInCode },
  sql: { source: 'code', scan: servicesInCode },
  notebook: { source: 'code', scan: servicesInCode },
  shell: { source: 'code', scan: servicesInCode },
  config: { source: 'config', scan: servicesInCode },
};

/**
 * The external services one file declares (Terraform, CloudFormation) or points at (literal URIs,
 * DSNs and Kafka brokers in code and config), one entry per (kind, uri or name), first line wins.
 * Other file kinds yield nothing; unparsable text yields what a line scan can still see.
 */
export function servicesIn(file: { path: string; kind: FileKind; text: string }): Service[] {
  const scanner = SOURCES[file.kind];
  if (!scanner) return [];
  const byKey = new Map<string, Service>();
  for (const hit of scanner.scan(file.text, file.kind)) {
    const key = `${hit.kind}|${hit.uri ?? hit.name}`;
    const seen = byKey.get(key);
    if (!seen || hit.line < seen.line) byKey.set(key, { ...hit, file: file.path, source: scanner.source });
  }
  return [...byKey.values()].sort((a, b) => a.line - b.line || a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name));
}
