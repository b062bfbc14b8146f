import { parseDocument } from 'yaml';
import type { AnalyzerOutput, FileAnalyzer, SourceFile } from '../../core/analyzer.js';
import { SourceText } from '../../core/source-text.js';
import { LineIndex } from '../sql/lines.js';
import { checkPolicy } from './check-policy.js';
import { IAM_ANALYZER, type IamFacts } from './facts.js';
import { readPolicy, type Locate } from './policy.js';
import { iamRules } from './rules/index.js';
import { yamlErrorReason } from '../../core/yaml-error.js';

/** Standalone AWS policy documents (JSON files holding a Statement list). */
export const iamAnalyzer: FileAnalyzer = {
  name: IAM_ANALYZER,
  category: 'iam',
  rules: iamRules,
  required: (file) => file.kind === 'iam-policy',
  analyze: analyzePolicyFile,
};

function analyzePolicyFile(file: SourceFile): AnalyzerOutput {
  // JSON is YAML: the yaml parser keeps every node's offsets, which JSON.parse does not.
  const doc = parseDocument(file.text, { uniqueKeys: false });
  if (doc.errors.length > 0) return { findings: [], problems: [`not valid JSON: ${yamlErrorReason(doc.errors[0]!)}`] };
  const lines = new LineIndex(file.text);
  const locate: Locate = (path) => {
    const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
    const [start, end] = node?.range ?? [0, 0];
    const from = lines.position(start);
    const to = lines.position(end);
    return { startLine: from.line, startColumn: from.column, endLine: to.line, endColumn: to.column };
  };
  const value: unknown = doc.toJS({ maxAliasCount: 100 });
  const policy = readPolicy(value, locate);
  if (!policy) return { findings: [], problems: claimsToBePolicy(value) ? ['looks like an IAM policy but has no Statement list'] : [] };
  const facts: IamFacts = { policies: policy.kind === 'identity' ? [{ statements: policy.statements }] : [] };
  return { findings: checkPolicy(policy, file.path, new SourceText(file.text)), problems: [], facts };
}

/** The IAM policy language's versions; other documents have versions of their own (`"Version": "1"`). */
const POLICY_LANGUAGE_VERSIONS = new Set(['2012-10-17', '2008-10-17']);

/**
 * A policy's own top-level keys: a Statement, or the policy language's Version. A document without
 * them matched the name sniff only by holding the words elsewhere (a JSON Schema describing
 * policies, a catalogue of policy templates): not a broken policy.
 */
function claimsToBePolicy(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  return 'Statement' in value || ('Version' in value && POLICY_LANGUAGE_VERSIONS.has(String(value.Version)));
}
