import { decodeSegment } from '../jwt.js';
import { token } from '../patterns.js';
import { secretRule } from '../secret-rule.js';

export const jwt = secretRule({
  id: 'secret.jwt',
  title: 'JSON Web Token',
  severity: 'medium',
  confidence: 'medium',
  what:
    'Finds JSON Web Tokens and confirms each by decoding its header, which must be a JSON object naming an "alg". ' +
    'An expired token (exp in the past) is low; a token with a long or no expiry keeps the rule\'s severity.',
  why: 'A JWT is a bearer credential: API gateways, Supabase/Firebase backends and internal services accept it as its subject until it expires, and service tokens often never do.',
  remediation: 'Revoke the token (or rotate the signing key), and obtain tokens at run time instead of storing them.',
  anchors: ['eyj'],
  pattern: token('eyJ[A-Za-z0-9_-]{8,}\\.eyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]{16,}'),
  verify({ secret }) {
    const [header, payload] = secret.split('.');
    const head = decodeSegment(header!);
    if (typeof head?.alg !== 'string') return { reject: true };
    const exp = decodeSegment(payload!)?.exp;
    if (typeof exp === 'number' && exp * 1000 < Date.now()) return { severity: 'low', detail: `expired ${new Date(exp * 1000).toISOString().slice(0, 10)}` };
    return { detail: `${head.alg}-signed${typeof exp === 'number' ? '' : ', no expiry'}` };
  },
  bad: [
    {
      file: 'etl/supabase.ts',
      code: "const SERVICE_KEY = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJyb2xlIjoic2VydmljZV9yb2xlIiwiaXNzIjoiZmFrZS1kb2NzIn0.FAKEsignatureFAKEsignatureFAKE12';\n",
    },
  ],
  good: [{ file: 'etl/supabase.ts', code: 'const SERVICE_KEY = process.env.SUPABASE_SERVICE_ROLE_KEY;\n' }],
  references: ['https://datatracker.ietf.org/doc/html/rfc7519', 'https://cwe.mitre.org/data/definitions/798.html'],
});
