import type { RootFs } from './rootfs.js';

/** A language runtime installed in the image, and the file that tells its version. */
export interface ImageRuntime {
  product: 'python' | 'node';
  /** "3.7" for Python, the major version ("16") for Node.js. */
  release: string;
  file: string;
  line: number;
}

const PYTHON_PREFIXES = ['usr/local/lib', 'usr/lib', 'opt/conda/lib'];

/**
 * Python and Node.js installations found by their files, never by running them: a standard
 * library directory (`lib/python3.7/os.py`) per Python, and Node's `node_version.h` header,
 * which the official images ship.
 */
export function runtimesOf(rootfs: RootFs): ImageRuntime[] {
  const runtimes: ImageRuntime[] = [];
  for (const prefix of PYTHON_PREFIXES) {
    for (const entry of rootfs.list(prefix)) {
      const version = /^python(\d+\.\d+)$/.exec(entry.name)?.[1];
      const file = `${prefix}/${entry.name}/os.py`;
      if (version && rootfs.read(file) !== undefined && !runtimes.some((r) => r.release === version)) runtimes.push({ product: 'python', release: version, file, line: 1 });
    }
  }
  const header = 'usr/local/include/node/node_version.h';
  const lines = rootfs.read(header)?.split('\n') ?? [];
  const at = lines.findIndex((l) => /#define\s+NODE_MAJOR_VERSION\s+\d+/.test(l));
  if (at !== -1) runtimes.push({ product: 'node', release: /(\d+)\s*$/.exec(lines[at]!.trim())![1]!, file: header, line: at + 1 });
  return runtimes;
}
