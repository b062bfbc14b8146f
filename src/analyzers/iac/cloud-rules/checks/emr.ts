import { asDocument, bool, get, type Value } from '../model.js';

/** The kinds of encryption an EMR security configuration (JSON) turns off; unknown parts are not judged. */
export function emrEncryptionGaps(configuration: Value | undefined): string[] {
  const doc = asDocument(configuration);
  if (!doc) return [];
  const encryption = get(doc, 'EncryptionConfiguration');
  const gaps: string[] = [];
  if (bool(get(encryption, 'EnableAtRestEncryption')) === false) gaps.push('encryption at rest');
  if (bool(get(encryption, 'EnableInTransitEncryption')) === false) gaps.push('encryption in transit');
  return gaps;
}
