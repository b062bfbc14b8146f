import type { Confidence, Severity } from '../../core/finding.js';
import { isDocumentedExample } from './known-examples.js';

/**
 * Directories and file names that hold tests, fixtures and examples rather than deployed config,
 * example files (`.env.example`, `settings.py.dist`, botocore's `examples-1.json`) included.
 */
const TEST_PATH =
  /(?:^|\/)(?:tests?|__tests__|spec|specs|fixtures?|testdata|test[-_]data|examples?|samples?|mocks?)(?:\/|$)|(?:^|\/)(?:test_[^/]*|[^/]*[._-](?:test|spec)\.[^/]+|conftest\.py|(?:examples?|samples?)[-_.][^/]*|[^/]*\.(?:example|sample|template|dist|tmpl|tpl))$/i;

export function isTestPath(file: string): boolean {
  return TEST_PATH.test(file);
}

export interface Ranking {
  severity: Severity;
  confidence: Confidence;
  /** Why the finding ranks below its rule's default, for the message; absent when it does not. */
  reason?: string;
}

/**
 * Values people type for a credential in docs and local setups ("dbpassword", "mysecret",
 * "foobar", `user:pass@`, "password1"), and "notasecret", the fixed password Google gives every
 * service-account .p12 file. A weak real password reads the same, so they are down-ranked, not dropped.
 */
const STAND_IN =
  /^(?:(?:(?:db|some|my|your|the|new|old|test|example|sample|dummy|fake|super)[_-]?){1,2}(?:pass(?:word|wd)?|secret|token|key)|pass|pwd|p[a@]ssw[o0]rd|secret|not[_-]?a[_-]?secret|admin|letmein|hunter2|sample|example|test|demo|foo|bar|baz|foobar|abc|qwerty|12345678?)\d*[!.?]*$/i;

/**
 * Down-ranks, never drops: a documented sample key is informational, one in a test or example
 * path, one that reads like a stand-in or one failing its format's own checksum is low — each
 * says why in its message.
 */
export function rank(secret: string, file: string, base: { severity: Severity; confidence: Confidence }, doubt: string | undefined): Ranking {
  if (isDocumentedExample(secret)) return { severity: 'info', confidence: 'low', reason: 'a documented example key, not a live one' };
  if (doubt) return { severity: 'low', confidence: 'low', reason: doubt };
  if (STAND_IN.test(secret)) return { severity: 'low', confidence: 'low', reason: 'the value reads like a stand-in' };
  if (isTestPath(file)) return { severity: 'low', confidence: 'low', reason: 'in a test, fixture or example path' };
  return base;
}
