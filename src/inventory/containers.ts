import { PackageURL } from 'packageurl-js';

/**
 * A container image the pipeline builds on (one Dockerfile `FROM` line that pulls from a registry)
 * or runs (a Compose service's or a Kubernetes container's `image`).
 */
export interface ContainerImage {
  /** Repository as written, registry included: "python", "registry.example.com:5000/team/img". */
  name: string;
  tag?: string;
  /** "sha256:…" as written after `@`. */
  digest?: string;
  /** Dockerfile, Compose file or manifest, relative to the scanned root. */
  file: string;
  /** 1-based line where the FROM instruction starts, or of the `image` key. */
  line: number;
  /** What runs the image ("compose service db", "Deployment etl, container loader"); absent for a base image. */
  workload?: string;
  /** The stage name the FROM opens (`AS build`). */
  stage?: string;
  /** `--platform=` value as written (often `$BUILDPLATFORM`, which is a builder setting, not a build argument). */
  platform?: string;
  /**
   * Build arguments (for a Dockerfile) or environment variables (for Compose) the reference uses
   * that have no value here; their `${NAME}` text is kept in name/tag/digest so the reader sees
   * what is missing.
   */
  unresolvedArgs?: string[];
}

/** What the Dockerfile, Compose and Kubernetes analyzers record for the container project analyzer (EOL checks need the run date): the images a file builds on or runs. */
export interface ImageFacts {
  images: ContainerImage[];
}

type ImageRef = Pick<ContainerImage, 'name' | 'tag' | 'digest'>;

interface Instruction {
  keyword: string;
  args: string;
  line: number;
}

/**
 * The base images of a Dockerfile. References to earlier stages and `scratch` are not images;
 * build arguments declared before the first FROM are substituted, as Docker does (ARGs declared
 * inside a stage are not visible to FROM lines). Never throws: text that is not a Dockerfile
 * simply yields no instructions.
 */
export function baseImagesOf(dockerfileText: string, file: string): ContainerImage[] {
  const globalArgs = new Map<string, string | undefined>();
  const stages = new Set<string>();
  const images: ContainerImage[] = [];
  let seenFrom = false;
  for (const { keyword, args, line } of instructions(dockerfileText)) {
    if (keyword === 'ARG' && !seenFrom) {
      for (const [name, value] of argDeclarations(args)) {
        // A default may use earlier arguments (`ARG BASE=python:${PY}`); one that needs a missing value is itself missing.
        const resolved = value === undefined ? undefined : substitute(value, globalArgs);
        globalArgs.set(name, resolved?.unresolved.length === 0 ? resolved.text : undefined);
      }
    }
    if (keyword !== 'FROM') continue;
    seenFrom = true;
    const from = parseFrom(args);
    if (!from) continue;
    const { text, unresolved } = substitute(from.image, globalArgs);
    const isStage = stages.has(text.toLowerCase());
    if (from.stage) stages.add(from.stage.toLowerCase());
    if (isStage || text.toLowerCase() === 'scratch') continue;
    const image: ContainerImage = { ...parseImageRef(text), file, line };
    if (from.stage) image.stage = from.stage;
    if (from.platform) image.platform = from.platform;
    if (unresolved.length > 0) image.unresolvedArgs = unresolved;
    images.push(image);
  }
  return images;
}

/** Splits "registry:5000/team/img:1.2@sha256:…" into repository, tag and digest. */
export function parseImageRef(ref: string): ImageRef {
  // Separators inside an unresolved `${VAR:?message}` or `${VAR:-a/b}` are the variable's, not the reference's.
  const bare = ref.replace(/\$\{[^}]*\}/g, (variable) => 'x'.repeat(variable.length));
  const at = bare.indexOf('@');
  const repoAndTag = at >= 0 ? ref.slice(0, at) : ref;
  const digest = at >= 0 ? ref.slice(at + 1) : undefined;
  // A colon after the last slash is a tag; one before it is a registry port.
  const bareRepoAndTag = at >= 0 ? bare.slice(0, at) : bare;
  const colon = bareRepoAndTag.lastIndexOf(':');
  const hasTag = colon > bareRepoAndTag.lastIndexOf('/');
  const result: ImageRef = { name: hasTag ? repoAndTag.slice(0, colon) : repoAndTag };
  if (hasTag && colon < repoAndTag.length - 1) result.tag = repoAndTag.slice(colon + 1);
  if (digest) result.digest = digest;
  return result;
}

/**
 * The repository without its registry or Docker Hub's `library/`, in lower case:
 * "docker.io/library/python" and "python" → "python", "quay.io/minio/minio" → "minio/minio".
 */
export function repositoryPath(name: string): string {
  const segments = name.toLowerCase().split('/');
  if (segments.length > 1 && /[.:]|^localhost$/.test(segments[0]!)) segments.shift();
  if (segments[0] === 'library') segments.shift();
  return segments.join('/');
}

/** "name:tag@digest", the reference as Docker would print it. */
export function imageReference(image: ImageRef): string {
  return `${image.name}${image.tag ? `:${image.tag}` : ''}${image.digest ? `@${image.digest}` : ''}`;
}

const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io']);

/**
 * `pkg:docker/…` for an image, or undefined while build arguments are unresolved (a purl with
 * `${VAR}` in it would name no real image). Docker Hub is the purl type's default registry, and
 * its implicit `library/` namespace is dropped so "python" and "docker.io/library/python" agree;
 * other registries go into `repository_url`. The digest is preferred as version because a tag
 * can move.
 */
export function dockerPurl(image: ContainerImage): string | undefined {
  if (image.unresolvedArgs) return undefined;
  const segments = image.name.split('/');
  // Docker's rule: the first segment is a registry when it has a dot or port, or is localhost.
  const registry = segments.length > 1 && /[.:]|^localhost$/.test(segments[0]!) ? segments.shift()! : undefined;
  const onHub = registry === undefined || DOCKER_HUB.has(registry.toLowerCase());
  if (onHub && segments.length === 2 && segments[0] === 'library') segments.shift();
  const name = segments.pop();
  if (!name) return undefined;
  try {
    const qualifiers = onHub ? undefined : { repository_url: registry! };
    return new PackageURL('docker', segments.join('/') || undefined, name, image.digest ?? image.tag, qualifiers).toString();
  } catch {
    // packageurl-js rejects components it cannot encode; such an image is listed without a purl.
    return undefined;
  }
}

/** `FROM [--flag=…]… image [AS stage]`; undefined when there is no image token. */
function parseFrom(args: string): { image: string; stage?: string; platform?: string } | undefined {
  const tokens = args.split(/\s+/).filter(Boolean);
  let platform: string | undefined;
  while (tokens[0]?.startsWith('--')) {
    const flag = /^--platform=(.+)$/i.exec(tokens.shift()!);
    if (flag) platform = flag[1];
  }
  const image = tokens[0];
  if (!image) return undefined;
  const stage = tokens[1]?.toLowerCase() === 'as' ? tokens[2] : undefined;
  return { image, ...(stage ? { stage } : {}), ...(platform ? { platform } : {}) };
}

/** `ARG A=1 B="2" C` → [A, "1"], [B, "2"], [C, undefined]. */
function argDeclarations(args: string): Array<[string, string | undefined]> {
  const declarations: Array<[string, string | undefined]> = [];
  for (const m of args.matchAll(/([A-Za-z_][A-Za-z0-9_]*)(?:=("[^"]*"|'[^']*'|\S*))?/g)) {
    const raw = m[2];
    declarations.push([m[1]!, raw === undefined ? undefined : raw.replace(/^(["'])(.*)\1$/, '$2')]);
  }
  return declarations;
}

/**
 * Docker's substitution for FROM (and Compose's for its values): `$V`, `${V}`, `${V:-word}`/`${V-word}` (default) and
 * `${V:+word}`/`${V+word}` (alternative); `${V:?message}`/`${V?message}` (required) is the value or,
 * unset, unresolved. Anything that cannot be resolved keeps its text.
 */
export function substitute(text: string, args: Pick<ReadonlyMap<string, string | undefined>, 'get'>): { text: string; unresolved: string[] } {
  const unresolved = new Set<string>();
  const pattern = /\$(?:\{([A-Za-z_]\w*)(?:(:?[-+?])([^}]*))?\}|([A-Za-z_]\w*))/g;
  const out = text.replace(pattern, (whole: string, braced?: string, operator?: string, word = '', bare?: string) => {
    const name = (braced ?? bare)!;
    const value = args.get(name);
    const isSet = operator?.startsWith(':') ? value !== undefined && value !== '' : value !== undefined;
    if (operator?.endsWith('-')) return isSet ? value! : word;
    if (operator?.endsWith('+')) return isSet ? word : '';
    if (value !== undefined) return value;
    unresolved.add(name);
    return whole;
  });
  return { text: out, unresolved: [...unresolved] };
}

/**
 * Dockerfile instructions with line continuations joined. Comment lines are dropped (also inside
 * a continuation, as Docker does), the `# escape=` parser directive is honoured, and heredoc
 * bodies (`RUN <<EOF … EOF`) are skipped so a line in them that reads "FROM …" is not taken for
 * an instruction.
 */
function* instructions(text: string): Generator<Instruction> {
  const lines = text.split(/\r\n|\r|\n/);
  const escape = escapeDirective(lines);
  let i = 0;
  while (i < lines.length) {
    const start = i;
    let joined = '';
    let continued = false;
    do {
      const trimmed = lines[i++]!.trim();
      // A comment or blank line ends nothing: inside a continuation the instruction goes on after it.
      if (trimmed === '' || trimmed.startsWith('#')) continue;
      continued = trimmed.endsWith(escape);
      joined += `${continued ? trimmed.slice(0, -1) : trimmed} `;
    } while (continued && i < lines.length);
    const m = /^(\S+)\s*(.*)$/.exec(joined.trim());
    if (!m) continue;
    const keyword = m[1]!.toUpperCase();
    yield { keyword, args: m[2]!, line: start + 1 };
    // `<<EOF` or `<<-"EOF"`, but not a shell here-string (`<<<`).
    const heredoc = /(?<!<)<<-?\s*["']?([A-Za-z_]\w*)["']?/.exec(m[2]!);
    if (heredoc && ['RUN', 'COPY', 'ADD'].includes(keyword)) {
      while (i < lines.length && lines[i]!.trim() !== heredoc[1]) i++;
      i++;
    }
  }
}

/** The escape character from a `# escape=` directive on the first lines, else backslash. */
function escapeDirective(lines: string[]): string {
  for (const line of lines) {
    const directive = /^\s*#\s*([a-z]+)\s*=\s*(\S*)\s*$/i.exec(line);
    if (!directive) break;
    if (directive[1]!.toLowerCase() === 'escape' && (directive[2] === '`' || directive[2] === '\\')) return directive[2];
  }
  return '\\';
}
