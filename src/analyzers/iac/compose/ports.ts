import { isRecord, type Path } from '../kubernetes/parse.js';
import type { ComposeService } from './parse.js';
import { interpolate, splitOutsideVariables } from './values.js';

/** One entry of a service's `ports`: `[HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTOCOL]`, a bare number, or the long syntax. */
export interface PublishedPort {
  /** Where to report it inside the service: the entry, or its `host_ip`/`published` in the long syntax. */
  path: Path;
  /** The host address as written (variables substituted); absent when none is given, which is every interface. */
  hostIp?: string;
  /** The container port, or the first and last of a range. */
  first: number;
  last: number;
  /** tcp unless written otherwise. */
  protocol: string;
  /** The entry as written, for messages. */
  written: string;
}

/** The service's published ports; entries whose container port is a variable the file does not resolve are skipped. */
export function publishedPorts(service: ComposeService): PublishedPort[] {
  const ports = service.data['ports'];
  if (!Array.isArray(ports)) return [];
  return ports.flatMap((entry, index): PublishedPort[] => {
    const port = typeof entry === 'string' || typeof entry === 'number' ? shortSyntax(String(entry)) : isRecord(entry) ? longSyntax(entry) : undefined;
    if (!port) return [];
    const { at, ...rest } = port;
    return [{ ...rest, path: ['ports', index, ...at] }];
  });
}

type Parsed = Omit<PublishedPort, 'path'> & { at: Path };

function shortSyntax(written: string): Parsed | undefined {
  let text = written.trim();
  let protocol = 'tcp';
  const proto = /\/(\w+)$/.exec(text);
  if (proto) {
    protocol = proto[1]!.toLowerCase();
    text = text.slice(0, proto.index);
  }
  let hostIp: string | undefined;
  let ports: string[];
  const bracketed = /^\[([^\]]*)\]:(.*)$/.exec(text);
  if (bracketed) {
    hostIp = bracketed[1]!;
    ports = splitOutsideVariables(bracketed[2]!);
  } else {
    const parts = splitOutsideVariables(text);
    // Three parts are IP:HOST:CONTAINER; more are an IPv6 address written without brackets.
    if (parts.length >= 3) hostIp = parts.slice(0, -2).join(':');
    ports = parts.slice(-2);
  }
  const range = portRange(ports[ports.length - 1]!);
  if (!range) return undefined;
  return { ...range, protocol, written, at: [], ...(hostIp === undefined ? {} : { hostIp: interpolate(hostIp).text }) };
}

function longSyntax(entry: Record<string, unknown>): Parsed | undefined {
  const target = entry['target'];
  const range = typeof target === 'number' || typeof target === 'string' ? portRange(String(target)) : undefined;
  if (!range) return undefined;
  const hostIp = typeof entry['host_ip'] === 'string' ? interpolate(entry['host_ip']).text : undefined;
  const protocol = typeof entry['protocol'] === 'string' ? entry['protocol'].toLowerCase() : 'tcp';
  const at = hostIp !== undefined ? ['host_ip'] : 'published' in entry ? ['published'] : [];
  const written = `${hostIp ? `${hostIp}:` : ''}${entry['published'] !== undefined ? `${String(entry['published'])}:` : ''}${String(target)}/${protocol}`;
  return { ...range, protocol, written, at, ...(hostIp === undefined ? {} : { hostIp }) };
}

/** `5432` or `9200-9300`, variables substituted; undefined when it is no port (an unresolved variable). */
function portRange(text: string): { first: number; last: number } | undefined {
  const m = /^(\d+)(?:-(\d+))?$/.exec(interpolate(text).text);
  if (!m) return undefined;
  const first = Number(m[1]);
  return { first, last: m[2] ? Number(m[2]) : first };
}
