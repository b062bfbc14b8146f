import type { SqlDialect } from '../engines/dialect.js';
import type { DataEngine } from '../engines/engine.js';
import { redact } from '../profile/redact.js';
import { STRING_FORMATS, isStringFormat } from './formats.js';
import { allowsNull, declaredType, type ColumnSchema, type RecordSchema } from './json-schema.js';
import type { ValidationReport, Violation } from './violations.js';

interface Check {
  path: string;
  kind: string;
  condition: string;
  text: string;
}

/**
 * Validates every row of a table-like source against a record schema with one aggregate query:
 * each schema keyword becomes a counted condition per column, with two example values each.
 */
export async function validateWithSql(engine: DataEngine, schema: RecordSchema): Promise<ValidationReport> {
  const { sql, checks, structural } = validationQuery(engine, schema);
  const [row] = await engine.query(sql);
  const records = Number(row?.['row_count'] ?? 0);
  const violations: Violation[] = [...structural.map((s) => ({ ...s, count: records }))];
  checks.forEach((check, i) => {
    const count = Number(row?.[`v${i}`] ?? 0);
    if (count === 0) return;
    const examples = [...new Set([row?.[`v${i}_a`], row?.[`v${i}_b`]].filter((e): e is string => typeof e === 'string').map(redact))];
    violations.push({ path: check.path, kind: check.kind, count, examples });
  });
  const issues = await engine.readIssues();
  if (issues.rejectedRows > 0) violations.push({ path: '', kind: 'unreadable-row', count: issues.rejectedRows, examples: [], message: issues.messages[0] ?? '' });
  return { source: engine.source, method: `sql:${engine.dialect.name}`, records: records + issues.rejectedRows, violations };
}

export function validationQuery(engine: DataEngine, schema: RecordSchema): { sql: string; checks: Check[]; structural: Array<Omit<Violation, 'count'>> } {
  const d = engine.dialect;
  const properties = schema.properties ?? {};
  const present = new Set(engine.columns.map((c) => c.name));
  const structural: Array<Omit<Violation, 'count'>> = [];
  for (const name of schema.required ?? []) if (!present.has(name)) structural.push({ path: name, kind: 'required', examples: [], message: 'column missing from the data' });
  if (schema.additionalProperties === false) {
    for (const name of present) if (!Object.hasOwn(properties, name)) structural.push({ path: name, kind: 'additionalProperties', examples: [], message: 'column not in the schema' });
  }
  const checks: Check[] = [];
  for (const column of engine.columns) {
    const columnSchema = properties[column.name];
    if (columnSchema) checks.push(...columnChecks(d, column.name, columnSchema));
  }
  const items = ['count(*) AS row_count'];
  checks.forEach((c, i) => {
    items.push(`count(*) FILTER (WHERE ${c.condition}) AS v${i}`);
    items.push(`min(${c.text}) FILTER (WHERE ${c.condition}) AS v${i}_a`, `max(${c.text}) FILTER (WHERE ${c.condition}) AS v${i}_b`);
  });
  return { sql: `SELECT\n  ${items.join(',\n  ')}\nFROM ${engine.relation}`, checks, structural };
}

function columnChecks(d: SqlDialect, name: string, s: ColumnSchema): Check[] {
  const raw = d.quoteIdent(name);
  const text = d.text(raw);
  const type = declaredType(s);
  const typed = type && type !== 'string' ? d.tryCast(text, type) : null;
  const checks: Check[] = [];
  const add = (kind: string, condition: string): void => {
    checks.push({ path: name, kind, condition: `(${raw} IS NOT NULL AND ${condition})`, text });
  };
  if (!allowsNull(s)) checks.push({ path: name, kind: 'null', condition: `(${raw} IS NULL)`, text });
  if (typed) add('type', `${typed} IS NULL`);
  const numeric = typed ?? d.tryCast(text, 'number');
  if (s.minimum !== undefined) add('minimum', `${numeric} < ${literalNumber(s.minimum)}`);
  if (s.maximum !== undefined) add('maximum', `${numeric} > ${literalNumber(s.maximum)}`);
  if (s.exclusiveMinimum !== undefined) add('exclusiveMinimum', `${numeric} <= ${literalNumber(s.exclusiveMinimum)}`);
  if (s.exclusiveMaximum !== undefined) add('exclusiveMaximum', `${numeric} >= ${literalNumber(s.exclusiveMaximum)}`);
  if (s.minLength !== undefined) add('minLength', `${d.length(text)} < ${Math.floor(s.minLength)}`);
  if (s.maxLength !== undefined) add('maxLength', `${d.length(text)} > ${Math.floor(s.maxLength)}`);
  if (s.format !== undefined && isStringFormat(s.format)) add('format', `NOT ${d.matches(text, STRING_FORMATS[s.format])}`);
  if (s.pattern !== undefined) add('pattern', `NOT ${d.matches(text, s.pattern)}`);
  if (s.enum !== undefined) {
    const values = s.enum.filter((v) => v !== null);
    const numbers = type === 'integer' || type === 'number';
    const list = values.map((v) => (numbers && typeof v === 'number' ? literalNumber(v) : d.quoteLiteral(String(v))));
    add('enum', list.length === 0 ? 'true' : `${numbers ? numeric : text} NOT IN (${list.join(', ')})`);
  }
  return checks;
}

function literalNumber(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`schema bound ${n} is not a finite number`);
  return `CAST(${String(n)} AS DOUBLE PRECISION)`;
}
