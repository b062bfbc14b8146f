/** How far the secrets analyzer looks. */
export interface SecretsSettings {
  /** Also scan every blob of every commit reachable from HEAD (`--git-history`). */
  gitHistory: boolean;
  /** Blobs larger than this are passed over, like files above --max-file-size. */
  maxBlobSize: number;
}
