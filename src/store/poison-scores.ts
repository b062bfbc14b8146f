import type Database from 'better-sqlite3';
import { openStoreDb } from './open-db.js';

/** One poisoning simulation as the history keeps it. */
export interface PoisonScoreRecord {
  /** Real path of the project root, as `runs.target` in the assessment history. */
  target: string;
  /** The pipeline command: two jobs of one project are scored separately. */
  command: string;
  startedAt: string;
  score: number;
  seed: number;
  rates: number[];
  /** Outcome counts per attack, for later comparison and the dashboard. */
  attacks: Record<string, Record<string, number>>;
  toolVersion: string;
}

export interface StoredPoisonScore extends PoisonScoreRecord {
  id: number;
}

export interface ScoreComparison {
  id: number;
  previous: StoredPoisonScore | undefined;
  /** Score now minus the previous score; undefined on the first run. */
  delta: number | undefined;
}

/**
 * Resistance scores in the same SQLite file as the assessment history (its own table, so the
 * history's schema version is left alone). Each simulation is one INSERT: a run killed part-way
 * leaves no trace rather than half of one.
 */
export class PoisonScoreStore {
  private readonly db: Database.Database;

  constructor(file: string) {
    this.db = openStoreDb(file);
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS poison_scores (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        target TEXT NOT NULL,
        command TEXT NOT NULL,
        started_at TEXT NOT NULL,
        score REAL NOT NULL,
        seed INTEGER NOT NULL,
        rates TEXT NOT NULL,
        attacks TEXT NOT NULL,
        tool_version TEXT NOT NULL
      );
      CREATE INDEX IF NOT EXISTS poison_scores_target ON poison_scores (target, command, id);
    `);
  }

  /** Stores a score and compares it with the previous one of the same pipeline. */
  record(entry: PoisonScoreRecord): ScoreComparison {
    return this.db.transaction((): ScoreComparison => {
      const [previous] = this.scores(entry.target, entry.command, 1);
      const info = this.db
        .prepare('INSERT INTO poison_scores (target, command, started_at, score, seed, rates, attacks, tool_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(entry.target, entry.command, entry.startedAt, entry.score, entry.seed, JSON.stringify(entry.rates), JSON.stringify(entry.attacks), entry.toolVersion);
      return { id: Number(info.lastInsertRowid), previous, delta: previous ? Math.round((entry.score - previous.score) * 10) / 10 : undefined };
    }).immediate();
  }

  /** Scores of one pipeline, newest first. */
  scores(target: string, command: string, limit = 50): StoredPoisonScore[] {
    const rows = this.db.prepare('SELECT * FROM poison_scores WHERE target = ? AND command = ? ORDER BY id DESC LIMIT ?').all(target, command, limit) as ScoreRow[];
    return rows.map((r) => ({
      id: r.id,
      target: r.target,
      command: r.command,
      startedAt: r.started_at,
      score: r.score,
      seed: r.seed,
      rates: JSON.parse(r.rates) as number[],
      attacks: JSON.parse(r.attacks) as Record<string, Record<string, number>>,
      toolVersion: r.tool_version,
    }));
  }

  close(): void {
    this.db.close();
  }
}

interface ScoreRow {
  id: number;
  target: string;
  command: string;
  started_at: string;
  score: number;
  seed: number;
  rates: string;
  attacks: string;
  tool_version: string;
}
