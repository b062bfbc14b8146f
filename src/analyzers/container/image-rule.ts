import type { ReportOptions } from '../../core/analyzer.js';
import type { RuleMeta } from '../../core/rule.js';
import type { ContainerImage } from '../../inventory/containers.js';
import type { VulnerablePackage } from '../deps/vulnerabilities.js';
import type { ImagePackage } from './rootfs/packages.js';
import type { RootfsInventory } from './rootfs/scan.js';

/** Everything the image rules look at, assembled once per assessment. */
export interface ImageProject {
  /** Base images of every Dockerfile in the tree and the images its Compose files and Kubernetes manifests run. */
  images: ContainerImage[];
  /** The unpacked image given with --image-rootfs, if any. */
  rootfs?: RootfsInventory;
  vulnerable: VulnerablePackage<ImagePackage>[];
  /** The run date: end of life is judged against it. */
  now: Date;
}

/** One match of an image rule: `file` is absolute or relative to the scanned root; `key` names what it is about, for a line-independent fingerprint. */
export interface ImageHit extends ReportOptions {
  file: string;
  line: number;
  key: string;
  message: string;
}

export interface ImageRule extends RuleMeta {
  check(project: ImageProject): ImageHit[];
}
