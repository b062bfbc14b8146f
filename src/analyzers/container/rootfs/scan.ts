import { apkPackages } from './apk.js';
import { dpkgPackages } from './dpkg.js';
import { readOsRelease, type OsRelease } from './os-release.js';
import type { ImagePackage } from './packages.js';
import { pythonPackages } from './python.js';
import { RootFs } from './rootfs.js';
import { runtimesOf, type ImageRuntime } from './runtimes.js';

/** What an unpacked image holds: its distribution and its installed packages. */
export interface RootfsInventory {
  /** The image root, resolved. */
  root: string;
  os?: OsRelease;
  packages: ImagePackage[];
  runtimes: ImageRuntime[];
  notices: string[];
}

/** Reads the package databases of an unpacked image filesystem (`--image-rootfs DIR`). Never runs anything in it. */
export function readRootfs(dir: string): RootfsInventory {
  const rootfs = new RootFs(dir);
  const os = readOsRelease(rootfs);
  const python = pythonPackages(rootfs);
  const packages = [...dpkgPackages(rootfs, os), ...apkPackages(rootfs, os), ...python.packages];
  const notices: string[] = [];
  if (!os) notices.push(`image rootfs ${dir}: no os-release file, so the distribution (and its end of life) is unknown`);
  if (python.truncated) notices.push(`image rootfs ${dir}: too many directories; Python packages were looked for in part of it only`);
  return { root: rootfs.root, ...(os ? { os } : {}), packages, runtimes: runtimesOf(rootfs), notices };
}
