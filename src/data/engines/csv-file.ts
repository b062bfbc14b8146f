import fs from 'node:fs';

/**
 * DuckDB's CSV sniffer stops at the first line longer than its 2 MB default, where the scan would
 * only reject that row; it gets room for 32 MiB lines, in one buffer of that size (the default
 * buffer, 16 lines' worth, would be 512 MiB).
 */
export const SNIFF_LINE_BYTES = 32 * 1024 * 1024;
const HEAD_BYTES = 64;

/** What the bytes of a CSV file say before DuckDB sees it: why it cannot be read at all, or its encoding. */
export type CsvFileCheck = { refusal: string } | { encoding: 'utf-8' | 'utf-16' };

export function checkCsvFile(file: string): CsvFileCheck {
  const head = readHead(file);
  if ((head[0] === 0xfe && head[1] === 0xff) || looksUtf16(head, 1)) return { refusal: 'it is UTF-16 big-endian text; convert it to UTF-8 (iconv -f UTF-16BE -t UTF-8)' };
  if (!linesFit(file, SNIFF_LINE_BYTES)) return { refusal: `a line among its first ${SNIFF_LINE_BYTES} bytes is longer than that` };
  // UTF-16 little-endian, with its byte-order mark or without (ASCII characters then alternate with NULs).
  return { encoding: (head[0] === 0xff && head[1] === 0xfe) || looksUtf16(head, 0) ? 'utf-16' : 'utf-8' };
}

/** Text whose first characters are ASCII in UTF-16: a byte then a NUL (`text` = 0) or a NUL then a byte (1). */
function looksUtf16(head: Buffer, text: 0 | 1): boolean {
  const pairs = Math.floor(head.length / 2);
  if (pairs < 2) return false;
  for (let i = 0; i < pairs; i++) if (head[2 * i + text] === 0 || head[2 * i + 1 - text] !== 0) return false;
  return true;
}

function readHead(file: string): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(HEAD_BYTES);
    return head.subarray(0, fs.readSync(fd, head, 0, HEAD_BYTES, 0));
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * Whether every line that starts in the first `limit` bytes (the part the sniffer reads) is at
 * most `limit` bytes long. DuckDB's sniffer takes seconds to fail on a longer one (13 s for a
 * 40 MB line), so such a file is refused up front.
 */
function linesFit(file: string, limit: number): boolean {
  const fd = fs.openSync(file, 'r');
  try {
    const chunk = Buffer.alloc(1024 * 1024);
    let lineStart = 0;
    for (let offset = 0; lineStart < limit; ) {
      const read = fs.readSync(fd, chunk, 0, chunk.length, offset);
      if (read === 0) return offset - lineStart <= limit;
      for (let at = chunk.indexOf(0x0a), seen = 0; at >= 0 && at < read; seen = at + 1, at = chunk.indexOf(0x0a, seen)) {
        if (offset + at - lineStart > limit) return false;
        lineStart = offset + at + 1;
      }
      offset += read;
      if (offset - lineStart > limit) return false;
    }
    return true;
  } finally {
    fs.closeSync(fd);
  }
}
