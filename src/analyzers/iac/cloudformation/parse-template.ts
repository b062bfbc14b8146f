import { isAlias, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument, type Document, type YAMLMap } from 'yaml';
import type { Range } from '../../../core/make-finding.js';
import { type CloudResource, emptyObject, type Entry, type ObjectValue, relocate, type Value } from '../cloud-rules/model.js';
import { serverlessRoles } from './serverless-roles.js';
import { yamlErrorReason } from '../../../core/yaml-error.js';

/** Aliases one template may expand: plenty for real templates, far too few for an alias bomb. */
const MAX_ALIASES = 100;
/** Values built for one template, aliases expanded; a bound on work whatever the input's shape. */
const MAX_VALUES = 500_000;
const MAX_DEPTH = 200;

export interface ParsedTemplate {
  resources: CloudResource[];
  problems: string[];
}

/**
 * Reads a CloudFormation template (YAML with short-form intrinsic tags, or JSON) into resources
 * whose properties have `!Ref`s to parameters replaced by their defaults, `!Sub`/`!Join` of known
 * parts joined, `!FindInMap` looked up, and references to other resources kept as references.
 * Everything else an intrinsic computes is unknown. A Serverless Framework file is read as the
 * template it deploys: see `serverless-roles.ts`.
 */
export function parseTemplate(text: string, file: string): ParsedTemplate {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, keepSourceTokens: false });
  const error = doc.errors[0];
  if (error) {
    const { line, col } = lines.linePos(error.pos[0]);
    return { resources: [], problems: [`invalid YAML/JSON at line ${line}, column ${col}: ${yamlErrorReason(error)}`] };
  }
  try {
    // The yaml package's own guard against alias bombs, before anything expands an alias here.
    doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (err) {
    return { resources: [], problems: [`template not analysed: ${(err as Error).message}`] };
  }
  try {
    return { resources: new TemplateReader(doc, lines, file).all(), problems: [] };
  } catch (err) {
    if (err instanceof TemplateTooLarge) return { resources: [], problems: [err.message] };
    throw err;
  }
}

class TemplateTooLarge extends Error {}

const PSEUDO_PARAMETER = /^AWS::/;
/** How many `${self:…}` variables set from other variables are followed. */
const MAX_VARIABLE_DEPTH = 5;

class TemplateReader {
  private built = 0;
  /** A Serverless Framework file (`service:` and `provider:`): its template is under `resources:`, its strings hold `${…}` variables. */
  private readonly serverless: boolean;
  private readonly parameters = new Map<string, Node>();
  private readonly mappings: YAMLMap[];
  /** Tagged nodes being read as the argument of their own tag (`!Join [...]` is its own argument). */
  private readonly asArgument = new WeakSet<Node>();

  constructor(
    private readonly doc: Document,
    private readonly lines: LineCounter,
    private readonly file: string,
  ) {
    const contents = doc.contents;
    this.serverless = isMap(contents) && contents.has('service') && contents.has('provider');
    for (const params of this.sections('Parameters')) {
      for (const pair of params.items) {
        const name = isScalar(pair.key) ? String(pair.key.value) : undefined;
        const fallback = isMap(pair.value) ? pair.value.get('Default', true) : undefined;
        if (name && fallback) this.parameters.set(name, fallback as Node);
      }
    }
    this.mappings = this.sections('Mappings');
  }

  resources(): CloudResource[] {
    const out: CloudResource[] = [];
    for (const pair of this.sections('Resources').flatMap((section) => section.items)) {
      if (!isScalar(pair.key) || !isMap(pair.value)) continue;
      const type = pair.value.get('Type');
      if (typeof type !== 'string') continue;
      const range = this.range(pair.key);
      const properties = pair.value.get('Properties', true) as Node | undefined;
      const body = properties ? this.value(properties, 0) : emptyObject(range);
      const address = String(pair.key.value);
      out.push({ dialect: 'cloudformation', type, address, file: this.file, range, body: body.kind === 'object' ? body : emptyObject(range), module: '' });
    }
    return out;
  }

  /** The template's resources, and for a Serverless Framework file the roles it makes for its functions. */
  all(): CloudResource[] {
    const declared = this.resources();
    if (!this.serverless) return declared;
    const roles = serverlessRoles(this.doc.contents as Node).map((role) => ({
      dialect: 'cloudformation' as const,
      type: 'AWS::IAM::Role',
      address: role.address,
      file: this.file,
      range: this.range(role.at),
      body: this.value(role.properties, 0) as ObjectValue,
      module: '',
    }));
    return [...declared, ...roles];
  }

  /** The template's sections of that name: one, or for Serverless one from each part of `resources:` that has it. */
  private sections(name: string): YAMLMap[] {
    const contents = this.doc.contents;
    // Serverless keeps the CloudFormation it adds under `resources:`, a map or a list of parts (`${file(…)}` parts are other files).
    const template = this.serverless && isMap(contents) ? contents.get('resources', true) : contents;
    const parts = isSeq(template) ? template.items : [template];
    return parts.flatMap((part) => {
      const section = isMap(part) ? part.get(name, true) : undefined;
      return isMap(section) ? [section] : [];
    });
  }

  private range(node: Node): Range {
    const [start, end] = node.range ?? [0, 0];
    const from = this.lines.linePos(start);
    const to = this.lines.linePos(end);
    return { startLine: from.line, startColumn: from.col, endLine: to.line, endColumn: to.col };
  }

  private value(node: Node, depth: number): Value {
    if (++this.built > MAX_VALUES || depth > MAX_DEPTH) throw new TemplateTooLarge('template not analysed: too large or nested too deeply once aliases are expanded');
    if (isAlias(node)) {
      const target = node.resolve(this.doc);
      return target ? relocate(this.value(target as Node, depth + 1), this.range(node)) : { kind: 'unknown', range: this.range(node) };
    }
    const range = this.range(node);
    const tag = node.tag?.startsWith('!') && !this.asArgument.has(node) ? node.tag.slice(1) : undefined;
    if (tag) {
      this.asArgument.add(node);
      try {
        return this.intrinsic(tag === 'Ref' ? 'Ref' : `Fn::${tag}`, node, range, depth);
      } finally {
        // An alias may bring the same node back later, where its tag applies again.
        this.asArgument.delete(node);
      }
    }
    if (isScalar(node)) {
      const v = node.value;
      if (this.serverless && typeof v === 'string' && v.includes('${')) return this.withVariables(v, range, 0);
      return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null ? { kind: 'scalar', value: v, range } : { kind: 'unknown', range };
    }
    if (isSeq(node)) return { kind: 'list', items: node.items.map((item) => this.value(item as Node, depth + 1)), range };
    if (isMap(node)) {
      const only = node.items.length === 1 ? node.items[0]! : undefined;
      const onlyKey = only && isScalar(only.key) ? String(only.key.value) : '';
      if (only && (onlyKey === 'Ref' || onlyKey.startsWith('Fn::'))) return this.intrinsic(onlyKey, only.value as Node, range, depth);
      const entries: Entry[] = [];
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        const value: Value = pair.value ? this.value(pair.value as Node, depth + 1) : { kind: 'scalar', value: null, range: this.range(pair.key) };
        entries.push({ key: String(pair.key.value), value, keyRange: this.range(pair.key) });
      }
      return { kind: 'object', entries, range };
    }
    return { kind: 'unknown', range };
  }

  /** An intrinsic function: `name` is `Ref` or `Fn::…`, `arg` its argument node. */
  private intrinsic(name: string, arg: Node, range: Range, depth: number): Value {
    const unknown: Value = { kind: 'unknown', range };
    const plainArg = isScalar(arg) ? arg : undefined;
    switch (name) {
      case 'Ref': {
        const target = plainArg ? String(plainArg.value) : '';
        if (PSEUDO_PARAMETER.test(target)) return unknown;
        const fallback = this.parameters.get(target);
        if (fallback) return relocate(this.value(fallback, depth + 1), range);
        // A parameter without a default is given at deploy time; anything else is a resource.
        return this.isParameter(target) ? unknown : { kind: 'ref', target, range };
      }
      case 'Fn::GetAtt': {
        const parts = plainArg ? String(plainArg.value).split('.') : isSeq(arg) ? arg.items.map((i) => (isScalar(i) ? String(i.value) : '')) : [];
        const [target, ...attribute] = parts;
        return target ? { kind: 'ref', target, attribute: attribute.join('.'), range } : unknown;
      }
      case 'Fn::Sub':
        return this.sub(arg, range, depth);
      case 'Fn::Join': {
        const args = this.value(arg, depth + 1);
        const [delimiter, list] = args.kind === 'list' ? args.items : [];
        if (delimiter?.kind !== 'scalar' || list?.kind !== 'list') return unknown;
        const parts = list.items.map((i) => (i.kind === 'scalar' && i.value !== null ? String(i.value) : undefined));
        if (parts.every((p) => p !== undefined)) return { kind: 'scalar', value: parts.join(String(delimiter.value)), range };
        return { kind: 'unknown', fragments: parts.filter((p) => p !== undefined), range };
      }
      case 'Fn::Select': {
        const args = this.value(arg, depth + 1);
        const [index, list] = args.kind === 'list' ? args.items : [];
        const i = index?.kind === 'scalar' ? Number(index.value) : NaN;
        return list?.kind === 'list' && Number.isInteger(i) ? (list.items[i] ?? unknown) : unknown;
      }
      case 'Fn::FindInMap': {
        const args = this.value(arg, depth + 1);
        const keys = args.kind === 'list' ? args.items.map((k) => (k.kind === 'scalar' ? String(k.value) : undefined)) : [];
        let node: unknown = this.mappings.find((mappings) => keys[0] !== undefined && mappings.has(keys[0]));
        for (const key of keys) node = key !== undefined && isMap(node) ? node.get(key, true) : undefined;
        return keys.length === 3 && node ? relocate(this.value(node as Node, depth + 1), range) : unknown;
      }
      default:
        return unknown;
    }
  }

  /**
   * A Serverless string with its `${…}` variables: `${self:path}` is the file's own value at that
   * path; the others (`${opt:stage}`, `${env:…}`, `${ssm:…}`, `${sls:stage}`) are known only when
   * it deploys, so the string is unknown, its literal parts kept.
   */
  private withVariables(text: string, range: Range, depth: number): Value {
    return filled(text, /\$\{([^{}]*)\}/g, range, (expression) => this.selfVariable(expression, range, depth));
  }

  /** `self:path`'s value where the file sets it to a string or number (itself with variables followed); otherwise undefined. */
  private selfVariable(expression: string, range: Range, depth: number): string | undefined {
    const own = /^\s*self:([\w.-]+)\s*$/.exec(expression)?.[1];
    const target = own === undefined ? undefined : this.doc.getIn(own.split('.'), true);
    if (!isScalar(target) || (typeof target.value !== 'string' && typeof target.value !== 'number')) return undefined;
    if (typeof target.value === 'number' || !target.value.includes('${')) return String(target.value);
    if (depth >= MAX_VARIABLE_DEPTH) return undefined;
    const resolved = this.withVariables(target.value, range, depth + 1);
    return resolved.kind === 'scalar' ? String(resolved.value) : undefined;
  }

  private isParameter(name: string): boolean {
    return this.sections('Parameters').some((params) => params.has(name));
  }

  /** `!Sub "…${Param}…"` or `!Sub ["…${x}…", {x: …}]`: known when every placeholder is. */
  private sub(arg: Node, range: Range, depth: number): Value {
    const [templateNode, varsNode] = isSeq(arg) ? (arg.items as Node[]) : [arg];
    if (!templateNode || !isScalar(templateNode) || typeof templateNode.value !== 'string') return { kind: 'unknown', range };
    const vars = varsNode ? this.value(varsNode, depth + 1) : undefined;
    return filled(templateNode.value, /\$\{([^}]*)\}/g, range, (name) => {
      if (name.startsWith('!')) return `\${${name.slice(1)}}`;
      const given = vars?.kind === 'object' ? vars.entries.find((e) => e.key === name)?.value : undefined;
      const fallback = this.parameters.get(name);
      const value = given ?? (fallback ? this.value(fallback, depth + 1) : undefined);
      return value?.kind === 'scalar' && value.value !== null ? String(value.value) : undefined;
    });
  }

}

/** A string whose placeholders `fill` gives text for: known when every one is, otherwise unknown with its literal parts kept. */
function filled(template: string, placeholder: RegExp, range: Range, fill: (name: string) => string | undefined): Value {
  const fragments: string[] = [];
  let pending = '';
  let complete = true;
  let last = 0;
  for (const m of template.matchAll(placeholder)) {
    pending += template.slice(last, m.index);
    last = m.index + m[0].length;
    const text = fill(m[1]!);
    if (text !== undefined) pending += text;
    else {
      complete = false;
      if (pending) fragments.push(pending);
      pending = '';
    }
  }
  pending += template.slice(last);
  if (complete) return { kind: 'scalar', value: pending, range };
  if (pending) fragments.push(pending);
  return { kind: 'unknown', fragments, range };
}
