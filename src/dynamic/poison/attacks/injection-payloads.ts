import { PAYLOADS, type Payload, type PayloadFamily } from '../../payloads/index.js';
import { reachingColumns, type Attack, type AttackContext } from './attack.js';

/** Free text first (that is where such values hide), then categories and identifiers-as-text. */
function textColumn(ctx: AttackContext): string | undefined {
  const order = ['text', 'category', 'email', 'other'];
  return reachingColumns(ctx, (c) => order.includes(c.kind)).sort((a, b) => order.indexOf(a.kind) - order.indexOf(b.kind))[0]?.name;
}

/** An attack that writes the payload library's values of one family into the sample's text column. */
function payloadAttack(family: PayloadFamily, title: string, severity: Attack['severity'], description: string): Attack {
  const payloads: Payload[] = PAYLOADS.filter((p) => p.family === family && p.propagated);
  return {
    id: family,
    title,
    family: 'injection',
    severity,
    cwe: [...new Set(payloads.map((p) => p.cwe))],
    description,
    plan(ctx) {
      const column = textColumn(ctx);
      if (!column) return 'no text column reaches the output';
      return {
        column,
        poison(base, i, _n, rng) {
          // Every payload of the family in turn, from a seeded starting point.
          const payload = payloads[(rng.int(payloads.length) + i) % payloads.length]!;
          return { row: { ...base, [column]: payload.text }, marker: { kind: 'payload', column, payload }, evidence: [payload.text] };
        },
      };
    },
  };
}

export const formulaPayloads = payloadAttack('formula', 'Spreadsheet formulas', 'high', 'a text field set to a formula (=HYPERLINK, DDE, @SUM, -2+3…) that fires when the output is opened in a spreadsheet');
export const sqlPayloads = payloadAttack('sql', 'SQL fragments', 'medium', 'a text field set to an SQL injection fragment (tautology, UNION, stacked DROP)');
export const scriptPayloads = payloadAttack('script', 'Script tags', 'medium', 'a text field set to HTML that runs script when the output is rendered');
export const traversalPayloads = payloadAttack('traversal', 'Path traversal', 'medium', 'a text field set to a ../ path (plain, Windows and URL-encoded)');
export const templatePayloads = payloadAttack('template', 'Template expressions', 'medium', 'a text field set to a template expression ({{7*7}}, ${7*7}, <%= %>)');
