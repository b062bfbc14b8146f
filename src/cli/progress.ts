/** A one-line progress indicator on stderr, shown only on a terminal and redrawn at most 10×/s. */
export function progressReporter(enabled: boolean): { update(done: number, total: number): void; finish(): void } {
  const stream = process.stderr;
  if (!enabled || !stream.isTTY) return { update: () => {}, finish: () => {} };
  let last = 0;
  let shown = false;
  return {
    update(done, total) {
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      shown = true;
      stream.write(`\r\x1b[2Kpipewarden: analysed ${done}/${total} files`);
    },
    finish() {
      if (shown) stream.write('\r\x1b[2K');
    },
  };
}
