import type { ReportOptions } from '../../core/analyzer.js';
import type { RuleMeta } from '../../core/rule.js';
import type { PolicyDocument, Statement } from './policy.js';

export interface IamContext {
  report(statement: Statement, message: string, options?: ReportOptions): void;
}

/** A rule over one policy document, wherever it was written (a JSON file, Terraform, CloudFormation). */
export interface IamRule extends RuleMeta {
  check(policy: PolicyDocument, ctx: IamContext): void;
}

/** Statement label for messages: the managed policy it stands for, its Sid, else its position. */
export function statementName(statement: Statement): string {
  if (statement.label) return statement.label;
  return statement.sid ? `statement "${statement.sid}"` : `statement ${statement.index + 1}`;
}

/** A policy file for rule examples: the statements given, in a 2012-10-17 document. */
export function examplePolicy(...statements: object[]): string {
  return `${JSON.stringify({ Version: '2012-10-17', Statement: statements }, null, 2)}\n`;
}
