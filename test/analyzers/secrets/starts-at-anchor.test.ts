import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchStarts, SecretScanner } from '../../../src/analyzers/secrets/engine.js';
import { secretRules } from '../../../src/analyzers/secrets/rules/index.js';

const positional = secretRules.filter((r) => r.startsAtAnchor);
const fast = new SecretScanner(positional);
/** The same detectors tried at every offset: what the anchored search must agree with. */
const everywhere = new SecretScanner(positional.map((r) => ({ ...r, startsAtAnchor: false })));

const summary = (scanner: SecretScanner, text: string) => scanner.scan(text, 'etl/job.conf').map((h) => `${h.rule.id}@${h.start}-${h.end}:${h.secret}`);

/** Pieces that make assignments, near misses and line breaks of every kind when strung together. */
const PIECES = [
  'password', 'PASSWORD', 'db_', 'DB_Passwd', 'pwd', 'passphrase', 'secret', 'client_secret', 'token', 'tokenizer', 'api_key', 'API-KEY',
  'apikey', 'accesskey', 'Auth_Key', 'private-key', 'credentials', 'export ', 'ENV ', 'ARG ', '- ', '  ', '\t', ' = ', '=', ': ', ' := ', ' => ',
  '"', "'", '\\"', '`', 'Xk29vLq7Tz4Rb8Nw1Mc6Hy3J', 'Summer2024!', 'q8Zr4LxT2mWv9NcB7yKd3PfH', 'os.environ["X"]', '# note', ',', '(', ')',
  '\n', '\r\n', '\r', '\u2028', '\u2029', 'x', '.', '-',
];
const text = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((parts) => parts.join(''));

describe('detectors that start at their anchors', () => {
  it('find exactly what the same patterns find when tried at every offset (property)', () => {
    expect(positional.map((r) => r.id)).toEqual(expect.arrayContaining(['secret.generic-password', 'secret.generic-secret']));
    fc.assert(
      fc.property(text, (t) => {
        expect(summary(fast, t)).toEqual(summary(everywhere, t));
      }),
      { numRuns: 3000 },
    );
  });

  it('find assignments in code, .env lines and Dockerfile ENV after every kind of line break', () => {
    const t = 'x = 1\r\nexport DB_PASSWORD=Wareh0usePw\rENV API_TOKEN=q8Zr4LxT2mWv9NcB7yKd3PfH\u2028cfg = {"client_secret": "Xk29vLq7Tz4Rb8Nw1Mc6Hy3J"}\n';
    const found = summary(fast, t);
    expect(found).toHaveLength(3);
    expect(found).toEqual(summary(everywhere, t));
  });

  it('start a line once however many anchors it holds, and keep each anchor', () => {
    const line = 'a password b password\nc pwd';
    expect(matchStarts(line, [2, 13, 24])).toEqual([0, 2, 13, 22, 24]);
    expect(matchStarts('password', [0])).toEqual([0]);
  });

  it('stay linear on one long line full of anchors', () => {
    const long = 'password '.repeat(200_000);
    const offsets = Array.from({ length: 200_000 }, (_, i) => i * 9);
    const starts = matchStarts(long, offsets);
    expect(starts).toHaveLength(200_000);
    expect(fast.scan(long, 'a.txt')).toEqual([]);
  });
});
