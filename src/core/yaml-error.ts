import type { YAMLError } from 'yaml';

/**
 * Why the yaml package could not read a document, in one line and without the position it
 * appends (callers say where in their own words). The parser recurses per nesting level, so
 * `[[[[…` thousands deep overflows the stack: that is input nested too deeply, not bad syntax.
 */
export function yamlErrorReason(error: YAMLError): string {
  const reason = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?\s*$/, '');
  return /maximum call stack/i.test(reason) ? 'nested too deeply to parse' : reason;
}
