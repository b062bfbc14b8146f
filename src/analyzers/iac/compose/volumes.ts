import path from 'node:path';
import { isRecord, type Path } from '../kubernetes/parse.js';
import { isRuntimeSocket } from '../kubernetes/rules/host-path.js';
import type { ComposeService } from './parse.js';
import { interpolate, isSet, splitOutsideVariables } from './values.js';

/** One entry of a service's `volumes`, short (`./data:/data:ro`) or long (`{type: bind, source, target}`) syntax. */
export interface VolumeMount {
  /** Where to report it inside the service: the entry, or the `source` of a long-syntax entry. */
  path: Path;
  /** `bind` for a host path, `volume` for a named or anonymous volume, else the long syntax's `type` (tmpfs, npipe, …). */
  type: string;
  /** The source with variables substituted (`$HOME` as `~`); absent for an anonymous volume. */
  source?: string;
  target?: string;
  readOnly: boolean;
  /** The source still holds a variable the file does not resolve. */
  unresolved: boolean;
  /** The named volume whose `driver_opts` bind the host path in `source`. */
  volume?: string;
}

/** `C:\data`, `C:/data`, or a `\\server\share` or `\\.\pipe\…` path. */
const WINDOWS_PATH = /^[A-Za-z]:[\\/]|^\\\\/;

/** The service's volume entries; entries that are neither a string nor a map are skipped. */
export function volumeMounts(service: ComposeService): VolumeMount[] {
  const volumes = service.data['volumes'];
  if (!Array.isArray(volumes)) return [];
  return volumes.flatMap((entry, index): VolumeMount[] => {
    if (typeof entry === 'string') return [throughNamedBind(shortSyntax(entry, index), service)];
    if (!isRecord(entry)) return [];
    const source = typeof entry['source'] === 'string' ? interpolate(entry['source']) : undefined;
    const mount: VolumeMount = {
      path: 'source' in entry ? ['volumes', index, 'source'] : ['volumes', index],
      type: typeof entry['type'] === 'string' ? entry['type'] : 'volume',
      ...(source ? { source: source.text } : {}),
      ...(typeof entry['target'] === 'string' ? { target: interpolate(entry['target']).text } : {}),
      readOnly: isSet(entry['read_only']),
      unresolved: source?.unresolved ?? false,
    };
    return [throughNamedBind(mount, service)];
  });
}

/**
 * A named volume of the local driver with `driver_opts: {type: none, o: bind, device: /path}` is
 * a bind mount of that host path under another name: the mount is read as one, its source the
 * device.
 */
function throughNamedBind(mount: VolumeMount, service: ComposeService): VolumeMount {
  if (mount.type !== 'volume' || mount.source === undefined || mount.unresolved) return mount;
  const definition = service.volumeDefinitions[mount.source];
  if (!isRecord(definition) || !isRecord(definition['driver_opts'])) return mount;
  const driver = definition['driver'];
  const { o: options, device } = definition['driver_opts'];
  if ((driver !== undefined && driver !== 'local') || typeof options !== 'string' || typeof device !== 'string') return mount;
  if (!options.split(',').some((option) => option.trim() === 'bind')) return mount;
  const host = interpolate(device);
  return { ...mount, type: 'bind', source: host.text, unresolved: host.unresolved, volume: mount.source };
}

/** `[SOURCE:]TARGET[:MODE]`; a Windows drive letter's colon is part of the source. */
function shortSyntax(entry: string, index: number): VolumeMount {
  const parts = splitOutsideVariables(entry.trim());
  if (parts.length > 2 && /^[A-Za-z]$/.test(parts[0]!) && /^[\\/]/.test(parts[1]!)) parts.splice(0, 2, `${parts[0]}:${parts[1]}`);
  const base = { path: ['volumes', index], readOnly: false, unresolved: false };
  if (parts.length === 1) return { ...base, type: 'volume', target: interpolate(parts[0]!).text };
  const source = interpolate(parts[0]!);
  const mode = (parts[2] ?? '').split(',').map((option) => option.trim());
  const isPath = /^[/.~$]/.test(source.text) || WINDOWS_PATH.test(source.text);
  return {
    ...base,
    type: isPath ? 'bind' : 'volume',
    source: source.text,
    target: interpolate(parts[1]!).text,
    readOnly: mode.includes('ro') || mode.includes('readonly'),
    unresolved: source.unresolved,
  };
}

/** How a message names a bind made through a named volume: ` through the named volume "x"`, or nothing. */
export function throughVolume(mount: VolumeMount): string {
  return mount.volume === undefined ? '' : ` through the named volume "${mount.volume}"`;
}

/**
 * The host path a bind mount reaches, normalised (`/var/lib/docker`, `~/.ssh`); undefined for
 * volumes, relative paths (they stay in the project directory), Windows paths and sources that
 * hold an unresolved variable.
 */
export function hostPath(mount: VolumeMount): string | undefined {
  if (mount.type !== 'bind' || mount.unresolved || mount.source === undefined) return undefined;
  if (!/^(\/|~(\/|$))/.test(mount.source)) return undefined;
  const normal = path.posix.normalize(mount.source);
  return normal.length > 1 ? normal.replace(/\/+$/, '') : normal;
}

/**
 * Whether the mount hands the container a container runtime's API: a runtime socket (or its
 * directory) on the host, Docker's Windows named pipe, or — when the source is a variable — a
 * runtime socket as the target.
 */
export function mountsRuntimeSocket(mount: VolumeMount): boolean {
  if (mount.type === 'npipe') return /docker_engine/i.test(mount.source ?? '');
  if (mount.type !== 'bind') return false;
  const host = hostPath(mount);
  if (host !== undefined) return isRuntimeSocket(host);
  return mount.unresolved && mount.target !== undefined && isRuntimeSocket(path.posix.normalize(mount.target));
}
