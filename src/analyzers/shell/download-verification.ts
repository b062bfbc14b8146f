import { programIndex, programName, type Command } from '../container/dockerfile/shell.js';

/** Programs that compute or check a digest or signature. */
const VERIFIERS = new Set([
  'sha1sum', 'sha224sum', 'sha256sum', 'sha384sum', 'sha512sum', 'shasum', 'md5sum', 'b2sum', 'cksum',
  'gpg', 'gpg2', 'gpgv', 'cosign', 'minisign', 'signify', 'openssl', 'slsa-verifier', 'sigstore',
]);
/** Programs that only check: whatever their options, running one is the check. */
const CHECK_ONLY = new Set(['gpgv', 'slsa-verifier']);
/** Arguments that make a verifier check rather than compute (`sha256sum -c`, `gpg --verify`, `cosign verify-blob`, `minisign -V`, `openssl dgst -verify`). */
const CHECKING = /^(?:-c|--check|-[a-z]*c|--verify|-verify|-V|verify(?:-[\w-]+)?)$/;
/** Programs a computed digest is piped into to compare it with an expected one. */
const COMPARERS = new Set(['grep', 'egrep', 'fgrep', 'diff', 'cmp']);
/** Tests a substituted digest is compared in: `[ "$(sha256sum f | cut -d' ' -f1)" = "$SUM" ]`. */
const TESTS = new Set(['[', '[[', 'test']);
/** Shell keywords before the command a condition runs. */
const KEYWORDS = new Set(['if', 'elif', 'while', 'until', '!', 'then', 'do', 'else']);

/**
 * Whether command `i` checks a download: a verifier in checking mode, or a digest piped into a
 * comparison, compared in a test, or kept in a variable (to compare later). A digest only printed
 * (`echo "sha256: $(sha256sum f)"`, `sha256sum f` on its own) checks nothing.
 */
export function verifiesDownload(commands: readonly Command[], i: number): boolean {
  const command = commands[i]!;
  const at = programIndex(command);
  const name = at === -1 ? '' : programName(command.words[at]!.text);
  if (!VERIFIERS.has(name)) return false;
  if (CHECK_ONLY.has(name) || command.words.slice(at + 1).some((w) => CHECKING.test(w.text))) return true;
  for (let k = i + 1; k < commands.length && commands[k]!.after === '|' && commands[k]!.depth === command.depth; k++) {
    if (COMPARERS.has(programName(commands[k]!.words[programIndex(commands[k]!)]?.text ?? ''))) return true;
  }
  const enclosing = commands.slice(i + 1).find((c) => c.depth < command.depth);
  if (!enclosing) return false;
  const outer = programIndex(enclosing);
  if (outer === -1) return true;
  return TESTS.has(enclosing.words.slice(outer).find((w) => !KEYWORDS.has(w.text))?.text ?? '');
}
