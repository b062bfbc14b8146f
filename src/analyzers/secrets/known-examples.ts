/**
 * Credentials published in vendor documentation and tutorials. They are reported (someone may
 * have pasted the real key over a copy of the docs) but ranked as informational.
 */
const DOCUMENTED = new Set([
  'AKIAIOSFODNN7EXAMPLE',
  'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY',
  'AKIAI44QH8DHBEXAMPLE',
  'ASIAIOSFODNN7EXAMPLE',
  'sk_test_4eC39HqLyjWDarjtT1zdp7dc',
  'pk_test_TYooMQauvdEDq54NiTphI7jx',
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==',
  'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1',
  // RFC 6749's client s6BhdRkqt3:gX1fBat3bV, in every OAuth library's docstrings.
  'czZCaGRSa3F0MzpnWDFmQmF0M2JW',
]);

/** AWS's documentation marks every sample key with EXAMPLE; other vendors' samples follow suit. */
const MARKED = /EXAMPLE|SAMPLE/;

export function isDocumentedExample(secret: string): boolean {
  return DOCUMENTED.has(secret) || MARKED.test(secret) || [...DOCUMENTED].some((doc) => doc.length >= 40 && secret.includes(doc));
}
