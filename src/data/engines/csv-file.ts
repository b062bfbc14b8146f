import { isUtf8 } from 'node:buffer';
import fs from 'node:fs';

/**
 * DuckDB's CSV sniffer stops at the first line longer than its 2 MB default, where the scan would
 * only reject that row; it gets room for 32 MiB lines, in one buffer of that size (the default
 * buffer, 16 lines' worth, would be 512 MiB).
 */
export const SNIFF_LINE_BYTES = 32 * 1024 * 1024;
const HEAD_BYTES = 64;
/** How much of the file decides between UTF-8 and Latin-1. */
const ENCODING_SAMPLE_BYTES = 1024 * 1024;

/** What the bytes of a CSV file say before DuckDB sees it: why it cannot be read at all, or its encoding. */
export type CsvFileCheck = { refusal: string } | { encoding: 'utf-8' | 'utf-16' | 'latin-1' };

/** Said of a file read as Latin-1, beside the profile. */
export const LATIN1_NOTE =
  'the file is not UTF-8 and holds no UTF-8 character beyond ASCII: it was read as Latin-1 (ISO-8859-1), where the bytes 0x80-0x9F that Windows-1252 uses for curly quotes and dashes are control characters';

export function checkCsvFile(file: string): CsvFileCheck {
  const sample = readHead(file, ENCODING_SAMPLE_BYTES);
  const head = sample.subarray(0, HEAD_BYTES);
  if ((head[0] === 0xfe && head[1] === 0xff) || looksUtf16(head, 1)) return { refusal: 'it is UTF-16 big-endian text; convert it to UTF-8 (iconv -f UTF-16BE -t UTF-8)' };
  if (!linesFit(file, SNIFF_LINE_BYTES)) return { refusal: `a line among its first ${SNIFF_LINE_BYTES} bytes is longer than that` };
  // UTF-16 little-endian, with its byte-order mark or without (ASCII characters then alternate with NULs).
  if ((head[0] === 0xff && head[1] === 0xfe) || looksUtf16(head, 0)) return { encoding: 'utf-16' };
  return { encoding: isLatin1(sample, sample.length === ENCODING_SAMPLE_BYTES) ? 'latin-1' : 'utf-8' };
}

/**
 * Text that is not UTF-8 and has no UTF-8 multi-byte character either: a single-byte encoding,
 * which read as UTF-8 would lose every row with an accent. A file mixing both stays UTF-8, its
 * other rows counted as unreadable.
 */
function isLatin1(sample: Buffer, cutShort: boolean): boolean {
  // A sample cut short of the file's end may end inside a character; a whole file may not.
  for (let cut = 0; cut < (cutShort ? 4 : 1) && cut < sample.length; cut++) if (isUtf8(sample.subarray(0, sample.length - cut))) return false;
  return !UTF8_MULTIBYTE.test(sample.toString('latin1'));
}

const UTF8_MULTIBYTE = /[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}/;

/** Text whose first characters are ASCII in UTF-16: a byte then a NUL (`text` = 0) or a NUL then a byte (1). */
function looksUtf16(head: Buffer, text: 0 | 1): boolean {
  const pairs = Math.floor(head.length / 2);
  if (pairs < 2) return false;
  for (let i = 0; i < pairs; i++) if (head[2 * i + text] === 0 || head[2 * i + 1 - text] !== 0) return false;
  return true;
}

function readHead(file: string, bytes: number): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const head = Buffer.alloc(bytes);
    return head.subarray(0, fs.readSync(fd, head, 0, bytes, 0));
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
