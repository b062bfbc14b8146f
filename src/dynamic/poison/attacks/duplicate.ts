import type { Attack } from './attack.js';

/** An exact copy of a clean record, id included: a re-sent batch, or an attacker amplifying a record. */
export const duplicate: Attack = {
  id: 'duplicate',
  title: 'Exact duplicates',
  family: 'integrity',
  severity: 'low',
  cwe: ['CWE-345'],
  description: 'an exact copy of a clean record, id included',
  plan() {
    return { column: undefined, poison: (base) => ({ row: { ...base }, marker: { kind: 'copy' }, copy: 'same-id' }) };
  },
};
