/**
 * The library of malicious and edge-case values the fuzzer (and the poisoning simulation) put
 * into fields. Each payload says what it attacks (CWE), which fields it suits, and — for
 * injection payloads — how to recognise it un-neutralised in an output.
 */
export type PayloadFamily =
  | 'type-confusion'
  | 'empty-null'
  | 'numeric-boundary'
  | 'long-string'
  | 'unicode'
  | 'formula'
  | 'sql'
  | 'traversal'
  | 'template'
  | 'code-injection'
  | 'command-injection'
  | 'script'
  | 'ssrf';

export interface Payload {
  /** Stable name, used in repro file names and fingerprints. */
  id: string;
  family: PayloadFamily;
  cwe: string;
  /**
   * The value as text (a CSV cell). Lone surrogates U+DC80..U+DCFF stand for single raw bytes
   * 0x80..0xFF (Python's surrogateescape), so invalid UTF-8 can be expressed; see `encodeText`.
   */
  text: string;
  /** The value as a JSON fragment when it differs from JSON.stringify(text) (a bare number, NaN). */
  json?: string;
  /** Injection payloads: matches the payload when it reaches the output un-neutralised. */
  propagated?: RegExp;
}

/** Name of the file canary payloads create in $HOME: its appearance proves code execution. */
export const MARKER_PREFIX = 'pwmark-';

const p = (id: string, family: PayloadFamily, cwe: string, text: string, extra: Partial<Payload> = {}): Payload => ({ id, family, cwe, text, ...extra });
/** A payload found at the start of a cell (CSV) or of a JSON string: the position where it fires. */
const atCellStart = (body: string): RegExp => new RegExp(`(^|[,\\t\\n;"\\[:])\\s*${body}`, 'm');
/** Matches `text` literally. */
export const verbatim = (text: string): RegExp => new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));

export const PAYLOADS: Payload[] = [
  p('text-in-number', 'type-confusion', 'CWE-20', 'twelve'),
  p('number-as-string', 'type-confusion', 'CWE-843', '12', { json: '"12"' }),
  p('boolean', 'type-confusion', 'CWE-843', 'true', { json: 'true' }),
  p('array', 'type-confusion', 'CWE-843', '[1,2]', { json: '[1,2]' }),
  p('object', 'type-confusion', 'CWE-843', '{"a":1}', { json: '{"a":1}' }),
  p('empty', 'empty-null', 'CWE-20', ''),
  p('null', 'empty-null', 'CWE-476', 'null', { json: 'null' }),
  p('none', 'empty-null', 'CWE-476', 'None'),
  p('nan', 'empty-null', 'CWE-20', 'NaN', { json: 'NaN' }),
  p('infinity', 'empty-null', 'CWE-20', 'Infinity', { json: 'Infinity' }),
  p('minus-infinity', 'empty-null', 'CWE-20', '-Infinity', { json: '-Infinity' }),
  p('int64-max-plus-one', 'numeric-boundary', 'CWE-190', '9223372036854775808', { json: '9223372036854775808' }),
  p('int64-min-minus-one', 'numeric-boundary', 'CWE-190', '-9223372036854775809', { json: '-9223372036854775809' }),
  p('int32-overflow', 'numeric-boundary', 'CWE-190', '2147483648', { json: '2147483648' }),
  p('negative-zero', 'numeric-boundary', 'CWE-681', '-0', { json: '-0' }),
  p('float-overflow', 'numeric-boundary', 'CWE-681', '1e309', { json: '1e309' }),
  p('denormal', 'numeric-boundary', 'CWE-681', '4.9e-324', { json: '4.9e-324' }),
  p('negative', 'numeric-boundary', 'CWE-20', '-1', { json: '-1' }),
  p('huge-count', 'numeric-boundary', 'CWE-789', '99999999999', { json: '99999999999' }),
  p('one-megabyte', 'long-string', 'CWE-400', 'A'.repeat(1024 * 1024)),
  p('bidi-override', 'unicode', 'CWE-176', 'invoice\u202Efdp.exe'),
  p('zero-width', 'unicode', 'CWE-176', 'ad\u200Bmin'),
  p('nul-byte', 'unicode', 'CWE-158', 'a\u0000b'),
  p('invalid-utf8', 'unicode', 'CWE-176', 'caf\uDCE9 \uDCFF\uDCFE'),
  p('bom', 'unicode', 'CWE-176', '\uFEFFvalue'),
  p('homoglyph', 'unicode', 'CWE-1007', '\u0430dmin'),
  p('combining', 'unicode', 'CWE-176', 'e\u0301\u0301\u0301\u0301\u0301'),
  p('astral', 'unicode', 'CWE-176', '\u{1F4A9}\u{1D54F}'),
  p('formula-hyperlink', 'formula', 'CWE-1236', '=HYPERLINK("https://pw.invalid/x","open")', { propagated: atCellStart('=HYPERLINK\\(') }),
  p('formula-dde', 'formula', 'CWE-1236', "+cmd|' /C calc'!A0", { propagated: atCellStart("\\+cmd\\|") }),
  p('formula-at', 'formula', 'CWE-1236', '@SUM(1+1)*cmd|" /C calc"!A0', { propagated: atCellStart('@SUM\\(') }),
  p('formula-minus', 'formula', 'CWE-1236', '-2+3+cmd|" /C calc"!A0', { propagated: atCellStart('-2\\+3\\+cmd') }),
  p('sql-drop', 'sql', 'CWE-89', "x'; DROP TABLE users;--", { propagated: verbatim("'; DROP TABLE users;--") }),
  p('sql-tautology', 'sql', 'CWE-89', "' OR '1'='1", { propagated: verbatim("' OR '1'='1") }),
  p('sql-union', 'sql', 'CWE-89', "1 UNION SELECT password FROM users--", { propagated: verbatim('UNION SELECT password FROM users--') }),
  p('traversal-unix', 'traversal', 'CWE-22', '../../../../etc/passwd', { propagated: verbatim('../../../../etc/passwd') }),
  p('traversal-windows', 'traversal', 'CWE-22', '..\\..\\..\\windows\\win.ini', { propagated: verbatim('..\\..\\..\\windows') }),
  p('traversal-encoded', 'traversal', 'CWE-22', '%2e%2e%2f%2e%2e%2fetc%2fpasswd', { propagated: verbatim('%2e%2e%2f%2e%2e%2f') }),
  p('template-jinja', 'template', 'CWE-1336', '{{7*7}}', { propagated: verbatim('{{7*7}}') }),
  p('template-dollar', 'template', 'CWE-1336', '${7*7}', { propagated: verbatim('${7*7}') }),
  p('template-erb', 'template', 'CWE-1336', '<%= 7*7 %>', { propagated: verbatim('<%= 7*7 %>') }),
  p('code-python', 'code-injection', 'CWE-95', `__import__('pathlib').Path.home().joinpath('${MARKER_PREFIX}code-python').touch()`),
  p('code-javascript', 'code-injection', 'CWE-95', `require('fs').writeFileSync(require('os').homedir()+'/${MARKER_PREFIX}code-js','')`),
  p('command-subshell', 'command-injection', 'CWE-78', `$(touch $HOME/${MARKER_PREFIX}command)`),
  p('command-separator', 'command-injection', 'CWE-78', `x; touch $HOME/${MARKER_PREFIX}command-sep #`),
  p('script-tag', 'script', 'CWE-79', '<script>alert(1)</script>', { propagated: verbatim('<script>alert(1)</script>') }),
  p('img-onerror', 'script', 'CWE-79', '<img src=x onerror=alert(1)>', { propagated: verbatim('<img src=x onerror=alert(1)>') }),
  p('ssrf-metadata', 'ssrf', 'CWE-918', 'http://169.254.169.254/latest/meta-data/'),
];

/** Bytes of a value: lone surrogates U+DC80..U+DCFF become the raw bytes 0x80..0xFF. */
export function encodeText(text: string): Buffer {
  const parts: Buffer[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const isLow = code >= 0xdc80 && code <= 0xdcff && !(i > 0 && text.charCodeAt(i - 1) >= 0xd800 && text.charCodeAt(i - 1) <= 0xdbff);
    if (!isLow) continue;
    parts.push(Buffer.from(text.slice(start, i), 'utf8'), Buffer.from([code - 0xdc00]));
    start = i + 1;
  }
  parts.push(Buffer.from(text.slice(start), 'utf8'));
  return Buffer.concat(parts);
}

/**
 * A pickle (protocol 0) whose only effect when loaded is `open(expanduser('~/<marker>'), 'w')`:
 * the file appearing proves the pipeline unpickles its input, without doing any harm.
 */
export function pickleCanary(marker = `${MARKER_PREFIX}pickle`): Buffer {
  return Buffer.from(`cbuiltins\nopen\n(cposixpath\nexpanduser\n(V~/${marker}\ntRVw\ntR.`, 'latin1');
}

/** JSON nested `depth` arrays deep: overflows recursive parsers. */
export function deepJson(depth = 100_000): string {
  return '['.repeat(depth) + ']'.repeat(depth);
}

/**
 * Turns recheck's compact attack form (`'a' + 'a'.repeat(31) + '\x00'`) into the string itself,
 * repeating the pumped parts `scale` times more; undefined when the text is not in that form.
 */
export function expandAttack(compact: string, scale = 1): string | undefined {
  const part = /\s*'((?:[^'\\]|\\.)*)'(?:\.repeat\((\d+)\))?\s*(\+|$)/y;
  let out = '';
  part.lastIndex = 0;
  while (part.lastIndex < compact.length) {
    const m = part.exec(compact);
    if (!m) return undefined;
    const text = unescapeJs(m[1]!);
    out += m[2] ? text.repeat(Number(m[2]) * scale) : text;
    if (m[3] === '') break;
  }
  return out;
}

function unescapeJs(text: string): string {
  return text.replace(/\\(x[0-9a-fA-F]{2}|u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|.)/g, (_w, esc: string) => {
    if (esc.startsWith('x')) return String.fromCharCode(parseInt(esc.slice(1), 16));
    if (esc.startsWith('u{')) return String.fromCodePoint(parseInt(esc.slice(2, -1), 16));
    if (esc.startsWith('u') && esc.length === 5) return String.fromCharCode(parseInt(esc.slice(1), 16));
    return ({ n: '\n', t: '\t', r: '\r', '0': '\0' } as Record<string, string>)[esc] ?? esc;
  });
}
