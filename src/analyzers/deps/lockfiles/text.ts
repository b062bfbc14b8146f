/** Editors on Windows sometimes save a byte-order mark; no lockfile format means one. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
