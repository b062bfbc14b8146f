import { isMap, isScalar, isSeq, parseDocument } from 'yaml';
import type { Range } from '../../../core/make-finding.js';
import { flowDepthExceeds } from '../../../inventory/structured.js';
import { LineIndex } from '../../sql/lines.js';
import type { Expr, HclAttribute, HclBlock } from './hcl-syntax.js';
import type { ParsedHcl } from './parse-hcl.js';
import { readTemplateString } from './template-string.js';
import { yamlErrorReason } from '../../../core/yaml-error.js';

/** Deeper values than this are left unknown, as in the native-syntax reader. */
const MAX_DEPTH = 100;
/** Far deeper than any configuration; a file nesting deeper is not read at all. */
const MAX_NESTING = 256;

/** How many labels each top-level block type takes; `resource` nests `{ TYPE: { NAME: body } }`. */
const LABELS: Record<string, number> = { resource: 2, data: 2, module: 1, variable: 1, output: 1, provider: 1, check: 1 };

/** Block types whose arguments are literal values, never templates (a variable's default, `required_providers`). */
const LITERAL_BLOCKS = new Set(['variable', 'terraform']);

/** JSON syntax's comment: a `"//"` property of a block is ignored. */
const COMMENT = '//';

type YamlNode = { range?: [number, number, number] | null };

/**
 * Reads Terraform's JSON syntax (`.tf.json`, and `.tfvars.json` when `variables` is set) into the
 * same plain syntax the native reader produces, so variables, locals, modules and every rule treat
 * both alike. Without provider schemas, an object or array of objects under a resource stays a
 * value; the rules read a nested block and such a value the same way. Ranges point into the JSON.
 */
export function parseTerraformJson(text: string, variables = false): ParsedHcl {
  const none = (problem: string): ParsedHcl => ({ blocks: [], attributes: [], problems: [problem] });
  try {
    JSON.parse(text);
  } catch (err) {
    return none(jsonError(text, err as Error));
  }
  // The yaml parser keeps every node's offsets (JSON is YAML) but exhausts memory on deep nesting.
  if (flowDepthExceeds(text, MAX_NESTING)) return none(`Terraform JSON nests deeper than ${MAX_NESTING} levels`);
  const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: false });
  if (doc.errors.length > 0) return none(`JSON not read: ${yamlErrorReason(doc.errors[0]!)}`);
  if (!isMap(doc.contents)) return none('a Terraform JSON file holds one object at its top level');
  const reader = new JsonReader(new LineIndex(text));
  const result: ParsedHcl = { blocks: [], attributes: [], problems: reader.problems };
  for (const pair of doc.contents.items) {
    const key = keyOf(pair.key);
    if (key === undefined || key === COMMENT) continue;
    if (variables) result.attributes.push(reader.attribute(key, pair.key as YamlNode, pair.value, true));
    else result.blocks.push(...reader.blocks(key, LABELS[key] ?? 0, pair.value, [], reader.range(pair.key as YamlNode)));
  }
  return result;
}

/** JSON.parse's message, with the line and column of the offset it names. */
function jsonError(text: string, err: Error): string {
  const offset = /at position (\d+)/.exec(err.message)?.[1];
  if (offset === undefined) return `invalid JSON: ${err.message}`;
  const { line, column } = new LineIndex(text).position(Number(offset));
  return `invalid JSON at line ${line}, column ${column}: ${err.message.replace(/ in JSON at position \d+.*$/, '')}`;
}

function keyOf(node: unknown): string | undefined {
  return isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
}

class JsonReader {
  readonly problems: string[] = [];

  constructor(private readonly lines: LineIndex) {}

  range(node: YamlNode | null | undefined): Range {
    const [start, end] = node?.range ?? [0, 0];
    const from = this.lines.position(start);
    const to = this.lines.position(end);
    return { startLine: from.line, startColumn: from.column, endLine: to.line, endColumn: to.column };
  }

  /**
   * The blocks a property of type `type` declares: one level of object per label, and at any level
   * an array of objects for several blocks (`"provider": { "aws": [{…}, {…}] }`). A block's range
   * is its last label's key, the line a reader sees its name on.
   */
  blocks(type: string, labelsLeft: number, node: unknown, labels: string[], header: Range): HclBlock[] {
    if (isSeq(node)) return node.items.flatMap((item) => this.blocks(type, labelsLeft, item, labels, header));
    if (!isMap(node)) return [];
    if (labelsLeft > 0) {
      return node.items.flatMap((pair) => {
        const label = keyOf(pair.key);
        if (label === undefined || label === COMMENT) return [];
        return this.blocks(type, labelsLeft - 1, pair.value, [...labels, label], this.range(pair.key as YamlNode));
      });
    }
    return [this.body(type, labels, node, header)];
  }

  private body(type: string, labels: string[], node: unknown, header: Range): HclBlock {
    const block: HclBlock = { type, labels, range: header, attributes: [], blocks: [] };
    if (!isMap(node)) return block;
    for (const pair of node.items) {
      const name = keyOf(pair.key);
      if (name === undefined || name === COMMENT) continue;
      // `"dynamic": { "ingress": { "for_each": …, "content": {…} } }` generates blocks named by its label.
      if (name === 'dynamic' && type !== 'locals') block.blocks.push(...this.blocks('dynamic', 1, pair.value, [], this.range(pair.key as YamlNode)));
      else block.attributes.push(this.attribute(name, pair.key as YamlNode, pair.value, LITERAL_BLOCKS.has(type)));
    }
    return block;
  }

  attribute(name: string, key: YamlNode, value: unknown, literal: boolean): HclAttribute {
    const keyRange = this.range(key);
    const valueRange = this.range(value as YamlNode);
    const range = { startLine: keyRange.startLine, startColumn: keyRange.startColumn, endLine: valueRange.endLine, endColumn: valueRange.endColumn };
    return { name, range, expr: this.expr(value, literal, 0) };
  }

  private expr(node: unknown, literal: boolean, depth: number): Expr {
    const range = this.range(node as YamlNode);
    if (depth > MAX_DEPTH) return { t: 'other', range };
    if (isSeq(node)) return { t: 'tuple', items: node.items.map((item) => this.expr(item, literal, depth + 1)), range };
    if (isMap(node)) {
      const entries = node.items.flatMap((pair) => {
        const key = keyOf(pair.key);
        return key === undefined ? [] : [{ key: { t: 'literal', value: key, range: this.range(pair.key as YamlNode) } as Expr, value: this.expr(pair.value, literal, depth + 1) }];
      });
      return { t: 'object', entries, range };
    }
    if (!isScalar(node)) return { t: 'other', range };
    const { value } = node;
    if (typeof value === 'string') return literal ? { t: 'literal', value, range } : readTemplateString(value, range, this.problems);
    if (typeof value === 'number' || typeof value === 'boolean' || value === null) return { t: 'literal', value, range };
    return { t: 'other', range };
  }
}
