import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base62Crc32 } from '../../../src/analyzers/secrets/base62-checksum.js';
import { isPlaceholder } from '../../../src/analyzers/secrets/placeholders.js';
import { redact } from '../../../src/analyzers/secrets/redact.js';
import { scanSecrets } from './scan.js';

const B62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz'.split('');
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'.split('');
const str = (chars: string[], n: number) => fc.array(fc.constantFrom(...chars), { minLength: n, maxLength: n }).map((a) => a.join(''));

/**
 * Format-valid secrets of several detectors, each with the line that plants it. fast-check leans
 * towards repeated characters, so a key id or password may come out as `AKIA…XXXX`: a placeholder,
 * rightly not reported, and no test of redaction.
 */
const planted = fc.oneof(
  str(B62, 30).map((body) => {
    const secret = `ghp_${body}${base62Crc32(body)}`;
    return { secret, line: (pre: string) => `${pre}token = "${secret}"` };
  }),
  str(UPPER, 16).map((tail) => {
    const secret = `AKIA${tail}`;
    return { secret, line: (pre: string) => `${pre}aws_access_key_id=${secret}` };
  }).filter(({ secret }) => !isPlaceholder(secret)),
  str(B62, 14).map((pw) => {
    const secret = `Pw${pw}9!`;
    return { secret, line: (pre: string) => `${pre}url = "postgresql://etl:${secret}@db.internal:5432/dw"` };
  }).filter(({ secret }) => !isPlaceholder(secret)),
);

describe('redaction never leaks (property)', () => {
  it('no finding message or snippet contains a planted secret, whatever surrounds it', () => {
    fc.assert(
      fc.property(planted, fc.string({ maxLength: 300 }), fc.string({ maxLength: 40 }), fc.constantFrom('a.py', '.env', 'n.ipynb', 'tests/x.yaml'), (p, after, before, file) => {
        const text = `${p.line(before.replace(/[\r\n]/g, ' '))}\n${after}\n`;
        const findings = scanSecrets(text, undefined, file);
        expect(findings.length).toBeGreaterThan(0);
        for (const f of findings) {
          expect(f.message).not.toContain(p.secret);
          expect(f.location.snippet).not.toContain(p.secret);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('redact() shows at most 4 characters and never the whole value', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 2, maxLength: 200 }).filter((s) => !s.includes('…')), (s) => {
        const shown = redact(s);
        expect(shown.endsWith('…')).toBe(true);
        expect([...shown].length).toBeLessThanOrEqual(5);
        expect(shown).not.toContain(s);
      }),
    );
  });
});
