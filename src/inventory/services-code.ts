import type { FileKind } from './classify.js';
import { isLoopback, providerOfHost, serviceFromUri, URI_CANDIDATE } from './service-uri.js';
import type { ServiceHit } from './services.js';

/**
 * Whole-line comments, per kind: a URL in a comment is a reference for the reader, not a service
 * the code talks to. Notebook text is the .ipynb JSON, where a code cell's comment line is `"# …`.
 */
const COMMENT_LINE: Partial<Record<FileKind, RegExp>> = {
  python: /^\s*#/,
  config: /^\s*[#;]/,
  notebook: /^\s*"#/,
  javascript: /^\s*(\/\/|\/\*|\*)/,
  sql: /^\s*--/,
  shell: /^\s*#/,
};

// `bootstrap_servers=`, `"bootstrap.servers":`, `KAFKA_BOOTSTRAP_SERVERS=`, `bootstrapServers:`.
const BOOTSTRAP = /bootstrap[._-]?servers["']?\s*[:=]\s*(.*)$/i;
// host:port, but not `user:1234@` (a numeric password in front of a broker).
const BROKER = /(?<![\w.-])([a-z0-9](?:[a-z0-9.-]*[a-z0-9])?):(\d{2,5})\b(?!@)/gi;

/** Literal service URIs, DSNs and Kafka broker lists in program code or configuration, line by line. */
export function servicesInCode(text: string, kind: FileKind): ServiceHit[] {
  const comment = COMMENT_LINE[kind];
  const hits: ServiceHit[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  for (let n = 0; n < lines.length; n++) {
    const line = lines[n]!;
    if (comment?.test(line)) continue;
    for (const [candidate] of line.matchAll(URI_CANDIDATE)) {
      const service = serviceFromUri(candidate);
      if (service) hits.push({ ...service, line: n + 1 });
    }
    const kafka = kafkaBrokers(line);
    if (kafka) hits.push({ ...kafka, line: n + 1 });
  }
  return hits;
}

/**
 * A Kafka cluster is named by its bootstrap brokers (`host:port` list, in one string or a list on
 * the same line). It has no URI: Kafka has no URI scheme, and several brokers make no single one.
 */
function kafkaBrokers(line: string): Omit<ServiceHit, 'line'> | undefined {
  const value = BOOTSTRAP.exec(line)?.[1];
  if (!value) return undefined;
  const brokers = [...value.matchAll(BROKER)].map((m) => `${m[1]}:${m[2]}`).filter((b) => !isLoopback(b.replace(/:\d+$/, '')));
  if (brokers.length === 0) return undefined;
  const provider = providerOfHost(brokers[0]!.replace(/:\d+$/, ''));
  return { kind: 'stream', ...(provider ? { provider } : {}), name: brokers.join(',') };
}
