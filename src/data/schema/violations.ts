import { redact } from '../profile/redact.js';

/** Every record that breaks one rule of the schema, for one column (or path). */
export interface Violation {
  /** Column name, or JSON pointer for documents. */
  path: string;
  /** Schema keyword that failed (type, enum, minimum, format, required...) or an input problem (duplicate-key, too-deep, invalid-json). */
  kind: string;
  count: number;
  /** A few offending values, redacted. */
  examples: string[];
  message?: string;
}

export interface ValidationReport {
  source: string;
  /** How the records were checked: "sql:duckdb", "sql:postgres", "ajv", "protobuf". */
  method: string;
  records: number;
  violations: Violation[];
}

const MAX_EXAMPLES = 3;

/** Collects violations by (path, kind) while records stream past. */
export class ViolationTally {
  private readonly byKey = new Map<string, Violation>();

  add(path: string, kind: string, example: unknown, message?: string): void {
    const key = `${path}\u0000${kind}`;
    let v = this.byKey.get(key);
    if (!v) {
      v = { path, kind, count: 0, examples: [], ...(message ? { message } : {}) };
      this.byKey.set(key, v);
    }
    v.count++;
    if (v.examples.length < MAX_EXAMPLES && example !== undefined) {
      const shown = redact(typeof example === 'string' ? example : (JSON.stringify(example) ?? String(example)));
      if (!v.examples.includes(shown)) v.examples.push(shown);
    }
  }

  list(): Violation[] {
    return [...this.byKey.values()].sort((a, b) => a.path.localeCompare(b.path) || a.kind.localeCompare(b.kind));
  }
}

export function renderValidationText(report: ValidationReport, printable: (s: string) => string): string {
  const total = report.violations.reduce((n, v) => n + v.count, 0);
  const head = `${printable(report.source)}: ${report.records} records checked (${report.method}), ${total === 0 ? 'no violations' : `${total} violations`}`;
  const lines = report.violations.map(
    (v) =>
      `  ${printable(v.path || '(record)')}  ${v.kind}: ${v.count}${v.message ? ` (${printable(v.message)})` : ''}${v.examples.length > 0 ? `  e.g. ${v.examples.map((e) => JSON.stringify(e)).join(', ')}` : ''}`,
  );
  return `${[head, ...lines].join('\n')}\n`;
}
