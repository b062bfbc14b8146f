import type { Range } from '../../../core/make-finding.js';

/**
 * Terraform syntax as plain data (it is recorded as facts, cached and sent between threads):
 * only what evaluation needs, each part with its source range. Expressions outside the modelled
 * subset keep their range and become unknown when evaluated.
 */
export interface HclBlock {
  type: string;
  labels: string[];
  range: Range;
  attributes: HclAttribute[];
  blocks: HclBlock[];
}

export interface HclAttribute {
  name: string;
  range: Range;
  expr: Expr;
}

export type Expr =
  | { t: 'literal'; value: string | number | boolean | null; range: Range }
  /** A string with interpolations: literal parts and expressions, in order. */
  | { t: 'template'; parts: Array<string | Expr>; range: Range }
  | { t: 'tuple'; items: Expr[]; range: Range }
  | { t: 'object'; entries: Array<{ key: Expr; value: Expr }>; range: Range }
  /** A traversal: `var.x`, `aws_s3_bucket.raw.id`, `local.m["k"]`, `var.l[0]` (keys as strings, indexes as numbers). */
  | { t: 'traversal'; root: string; steps: Array<string | number | Expr>; range: Range }
  | { t: 'call'; name: string; args: Expr[]; range: Range }
  | { t: 'conditional'; condition: Expr; then: Expr; otherwise: Expr; range: Range }
  | { t: 'unary'; op: string; operand: Expr; range: Range }
  | { t: 'binary'; op: string; left: Expr; right: Expr; range: Range }
  /** `[for k, v in coll : value if cond]`, or with `key =>` the object form `{for …}`; `grouped` for `...`. */
  | { t: 'for'; keyName?: string; valueName: string; collection: Expr; key?: Expr; value: Expr; condition?: Expr; grouped: boolean; range: Range }
  | { t: 'other'; range: Range };

/** What the Terraform analyzer records about one file for the project step. */
export interface TerraformFacts {
  /** The file's text, so project findings get the same snippets and fingerprints as file findings. */
  text: string;
  blocks: HclBlock[];
  /** Top-level assignments: the contents of a `.tfvars` file. */
  assignments: HclAttribute[];
}
