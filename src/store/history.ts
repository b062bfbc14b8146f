import type Database from 'better-sqlite3';
import { openStoreDb } from './open-db.js';
import type { HistoryComparison } from '../core/assessment.js';
import { SEVERITIES, type Finding, type Severity } from '../core/finding.js';

export interface RunRecord {
  target: string;
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  toolVersion: string;
  filesAnalyzed: number;
  errors: number;
  findings: Finding[];
  suppressed: Finding[];
}

export interface RunSummary {
  id: number;
  target: string;
  startedAt: string;
  durationMs: number;
  counts: Record<Severity, number>;
  suppressed: number;
  errors: number;
  newCount: number;
  fixedCount: number;
}

const SCHEMA_VERSION = 1;

/**
 * Run history in SQLite. A run and all its findings are written in one transaction at the end
 * of an assessment, so a process killed at any point leaves either the whole run or none of it.
 */
export class HistoryStore {
  private readonly db: Database.Database;

  constructor(file: string) {
    this.db = openStoreDb(file);
    this.migrate();
  }

  private migrate(): void {
    const version = this.db.pragma('user_version', { simple: true }) as number;
    if (version >= SCHEMA_VERSION) return;
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS runs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        target TEXT NOT NULL,
        started_at TEXT NOT NULL,
        finished_at TEXT NOT NULL,
        duration_ms INTEGER NOT NULL,
        tool_version TEXT NOT NULL,
        files_analyzed INTEGER NOT NULL,
        errors INTEGER NOT NULL,
        ${SEVERITIES.map((s) => `${s} INTEGER NOT NULL`).join(',\n        ')},
        suppressed INTEGER NOT NULL,
        new_count INTEGER NOT NULL,
        fixed_count INTEGER NOT NULL,
        finding_rows INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS runs_target ON runs (target, id);
      CREATE TABLE IF NOT EXISTS findings (
        run_id INTEGER NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        fingerprint TEXT NOT NULL,
        rule_id TEXT NOT NULL,
        title TEXT NOT NULL,
        severity TEXT NOT NULL,
        file TEXT NOT NULL,
        line INTEGER NOT NULL,
        suppressed INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS findings_run ON findings (run_id);
      PRAGMA user_version = ${SCHEMA_VERSION};
    `);
  }

  /** Stores a run and compares it with the previous run of the same target. */
  record(run: RunRecord): HistoryComparison {
    return this.db.transaction((): HistoryComparison => {
      const previous = this.db.prepare('SELECT id FROM runs WHERE target = ? ORDER BY id DESC LIMIT 1').get(run.target) as { id: number } | undefined;
      const before = previous
        ? (this.db.prepare('SELECT fingerprint, rule_id, title, severity, file, line FROM findings WHERE run_id = ? AND suppressed = 0').all(previous.id) as PreviousRow[])
        : [];
      const beforeSet = new Set(before.map((r) => r.fingerprint));
      // A finding that is merely suppressed now has not been fixed.
      const nowSet = new Set([...run.findings, ...run.suppressed].map((f) => f.fingerprint));
      const newFingerprints = previous ? run.findings.filter((f) => !beforeSet.has(f.fingerprint)).map((f) => f.fingerprint) : [];
      const fixed = before
        .filter((r) => !nowSet.has(r.fingerprint))
        .map((r) => ({ fingerprint: r.fingerprint, ruleId: r.rule_id, title: r.title, severity: r.severity, file: r.file, line: r.line }));

      const counts = Object.fromEntries(SEVERITIES.map((s) => [s, run.findings.filter((f) => f.severity === s).length]));
      const info = this.db
        .prepare(
          `INSERT INTO runs (target, started_at, finished_at, duration_ms, tool_version, files_analyzed, errors,
            ${SEVERITIES.join(', ')}, suppressed, new_count, fixed_count, finding_rows)
           VALUES (@target, @startedAt, @finishedAt, @durationMs, @toolVersion, @filesAnalyzed, @errors,
            ${SEVERITIES.map((s) => `@${s}`).join(', ')}, @suppressed, @newCount, @fixedCount, @findingRows)`,
        )
        .run({
          ...counts,
          target: run.target,
          startedAt: run.startedAt,
          finishedAt: run.finishedAt,
          durationMs: Math.round(run.durationMs),
          toolVersion: run.toolVersion,
          filesAnalyzed: run.filesAnalyzed,
          errors: run.errors,
          suppressed: run.suppressed.length,
          newCount: newFingerprints.length,
          fixedCount: fixed.length,
          findingRows: run.findings.length + run.suppressed.length,
        });
      const runId = Number(info.lastInsertRowid);
      const insert = this.db.prepare('INSERT INTO findings (run_id, fingerprint, rule_id, title, severity, file, line, suppressed) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
      for (const [list, suppressed] of [
        [run.findings, 0],
        [run.suppressed, 1],
      ] as const) {
        for (const f of list) insert.run(runId, f.fingerprint, f.ruleId, f.title, f.severity, f.location.file, f.location.startLine, suppressed);
      }
      return { runId, previousRunId: previous?.id, newFingerprints, fixed };
    }).immediate();
  }

  /** Runs, newest first; for one target when given. */
  runs(target?: string, limit = 50): RunSummary[] {
    const rows = (
      target
        ? this.db.prepare('SELECT * FROM runs WHERE target = ? ORDER BY id DESC LIMIT ?').all(target, limit)
        : this.db.prepare('SELECT * FROM runs ORDER BY id DESC LIMIT ?').all(limit)
    ) as RunRow[];
    return rows.map((r) => ({
      id: r.id,
      target: r.target,
      startedAt: r.started_at,
      durationMs: r.duration_ms,
      counts: Object.fromEntries(SEVERITIES.map((s) => [s, r[s]])) as Record<Severity, number>,
      suppressed: r.suppressed,
      errors: r.errors,
      newCount: r.new_count,
      fixedCount: r.fixed_count,
    }));
  }

  /** Checks SQLite's own integrity and that every run holds as many finding rows as it says. */
  verify(): string[] {
    const problems: string[] = [];
    const integrity = this.db.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`);
    const mismatched = this.db
      .prepare('SELECT r.id, r.finding_rows AS expected, (SELECT COUNT(*) FROM findings f WHERE f.run_id = r.id) AS actual FROM runs r WHERE expected != actual')
      .all() as Array<{ id: number; expected: number; actual: number }>;
    for (const m of mismatched) problems.push(`run ${m.id}: ${m.actual} finding rows, expected ${m.expected}`);
    return problems;
  }

  close(): void {
    this.db.close();
  }
}

interface PreviousRow {
  fingerprint: string;
  rule_id: string;
  title: string;
  severity: Severity;
  file: string;
  line: number;
}

type RunRow = Record<Severity, number> & {
  id: number;
  target: string;
  started_at: string;
  duration_ms: number;
  suppressed: number;
  errors: number;
  new_count: number;
  fixed_count: number;
};
