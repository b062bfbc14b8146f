import fs from 'node:fs';
import { UsageError } from '../../core/errors.js';
import { LOG_LEVELS, type LogLevel } from './parse.js';

/** What `pipewarden logs --save-baseline` writes: template and level rates of a known-good log. */
export interface LogBaseline {
  format: 'pipewarden-log-baseline';
  version: 1;
  records: number;
  levels: Record<LogLevel, number>;
  /** Records that talk about nulls, missing values or type mismatches. */
  dataQuality: number;
  errorClasses: Record<string, number>;
  templates: Array<{ key: string; template: string; level: LogLevel; count: number }>;
}

export function writeLogBaseline(file: string, baseline: LogBaseline): void {
  fs.writeFileSync(file, `${JSON.stringify(baseline, null, 2)}\n`);
}

/** Reads a saved baseline, or returns undefined when the file is not one (then it is a log to learn from). */
export function readLogBaseline(file: string): LogBaseline | undefined {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`${file}: cannot read (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  if (!/^\s*\{\s*"format"\s*:\s*"pipewarden-log-baseline"/.test(text)) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${file}: not valid JSON (${(err as Error).message})`);
  }
  if (!isBaseline(value)) throw new UsageError(`${file}: not a pipewarden log baseline of version 1`);
  return value;
}

function isBaseline(v: unknown): v is LogBaseline {
  if (!v || typeof v !== 'object') return false;
  const b = v as Partial<LogBaseline>;
  return (
    b.version === 1 &&
    typeof b.records === 'number' &&
    typeof b.dataQuality === 'number' &&
    !!b.levels &&
    LOG_LEVELS.every((l) => typeof b.levels![l] === 'number') &&
    !!b.errorClasses &&
    typeof b.errorClasses === 'object' &&
    Array.isArray(b.templates) &&
    b.templates.every((t) => typeof t?.key === 'string' && typeof t.template === 'string' && typeof t.count === 'number' && (LOG_LEVELS as readonly string[]).includes(t.level))
  );
}
