import path from 'node:path';
import type { Range } from '../../../core/make-finding.js';
import { parseYamlDocument } from '../../yaml-document.js';
import { isRecord, type Path, type YamlMap } from '../kubernetes/parse.js';

/**
 * compose.yaml, docker-compose.yml and their variants, the qualifier before or after
 * (docker-compose.override.yml, compose.prod.yaml, docker-compose-dev.yml, agent-docker-compose.yaml,
 * prod.compose.yml).
 */
const COMPOSE_FILE = /^([\w.-]+[.-])?(docker-)?compose([.-][\w-]+)*\.ya?ml$/i;

export function isComposeFile(file: string): boolean {
  return COMPOSE_FILE.test(path.posix.basename(file));
}

/** One service of a Compose file, `<<` merge keys applied. */
export interface ComposeService {
  name: string;
  data: YamlMap;
  /** ['services', name]. */
  path: Path;
  /** The file's top-level `volumes` definitions, by name: how a named volume the service mounts is made. */
  volumeDefinitions: YamlMap;
}

export interface ParsedCompose {
  services: ComposeService[];
  problems: string[];
  /** The source range of `path` (from the document root), in the `x-` block for a value merged in with `<<`, or of its nearest ancestor written in the file. */
  locate(path: Path): Range;
}

/**
 * The services of a Compose file. Invalid YAML, or aliases expanded past the limit, make the file
 * a problem with no services; a file without a `services` map has none and no problem (it is
 * some other YAML that happens to carry the name).
 */
export function parseCompose(text: string): ParsedCompose {
  const doc = parseYamlDocument(text);
  const section = (key: string): YamlMap => {
    const value = isRecord(doc.data) ? doc.data[key] : undefined;
    return isRecord(value) ? value : {};
  };
  const volumeDefinitions = section('volumes');
  return {
    services: Object.entries(section('services')).flatMap(([name, service]) => (isRecord(service) ? [{ name, data: service, path: ['services', name], volumeDefinitions }] : [])),
    problems: doc.problems,
    locate: doc.locate,
  };
}
