/**
 * Snippets, messages and file names come from the scanned repository, which may be hostile.
 * Before they reach a terminal, a Markdown renderer or an XML parser, characters those would act
 * on or reject are shown as visible escapes instead:
 * - C0/C1 controls and DEL (terminal escape sequences, a bare \r that overwrites a line; XML 1.0
 *   forbids most C0 controls outright), keeping tab and, where asked, newline;
 * - bidirectional overrides and isolates, which can make code read differently from how it runs
 *   ("Trojan Source");
 * - lone surrogates and the noncharacters U+FFFE/U+FFFF, which are not valid XML characters.
 */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

export function printable(text: string, options: { keepNewlines: boolean } = { keepNewlines: true }): string {
  const escaped = text.replace(UNSAFE, visible);
  return options.keepNewlines ? escaped : escaped.replace(/\n/g, visible);
}

function visible(char: string): string {
  const code = char.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}
