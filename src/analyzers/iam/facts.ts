import type { Statement } from './policy.js';

export const IAM_ANALYZER = 'iam';

/** The identity policies a file defines, for the least-privilege comparison with the code's lineage. */
export interface IamFacts {
  policies: Array<{ statements: Statement[] }>;
}
