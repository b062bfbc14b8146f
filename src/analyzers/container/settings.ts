/** Settings of the container analyzers that reach outside the scanned tree. */
export interface ImageSettings {
  /** An unpacked image filesystem to inventory and match against advisories (--image-rootfs). */
  rootfs?: string;
}
