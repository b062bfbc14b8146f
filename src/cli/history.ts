import fs from 'node:fs';
import path from 'node:path';
import { Option, type Command } from 'commander';
import { UsageError } from '../core/errors.js';
import { SEVERITIES } from '../core/finding.js';
import { HistoryStore, type RunSummary } from '../store/history.js';
import { table } from './table.js';

interface HistoryFlags {
  db?: string;
  limit: string;
  format: 'text' | 'json';
}

export function registerHistory(program: Command): void {
  program
    .command('history')
    .description('list past assessment runs of a pipeline')
    .argument('[path]', 'root of the pipeline (default: current directory; with --db and no path, every target)')
    .option('--db <file>', 'history database (default <path>/.pipewarden/history.db)')
    .option('-n, --limit <n>', 'how many runs to list', '20')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((root: string | undefined, flags: HistoryFlags) => {
      const target = path.resolve(root ?? '.');
      const db = path.resolve(flags.db ?? path.join(target, '.pipewarden', 'history.db'));
      if (!fs.existsSync(db)) throw new UsageError(`no history at ${db} (run \`pipewarden assess\` first)`);
      const limit = Number(flags.limit);
      if (!Number.isInteger(limit) || limit < 1) throw new UsageError(`--limit takes a whole number of at least 1, not "${flags.limit}"`);
      const store = new HistoryStore(db);
      // A shared store named with --db and no path lists the runs of every target in it.
      const filter = root === undefined && flags.db ? undefined : realTarget(target);
      const runs = store.runs(filter, limit);
      store.close();
      process.stdout.write(flags.format === 'json' ? `${JSON.stringify(runs, null, 2)}\n` : renderRuns(runs));
    });
}

function realTarget(target: string): string {
  try {
    return fs.realpathSync(target);
  } catch {
    throw new UsageError(`no such directory: ${target}`);
  }
}

function renderRuns(runs: RunSummary[]): string {
  if (runs.length === 0) return 'No runs recorded for this target.\n';
  const header = ['run', 'date', ...SEVERITIES, 'suppressed', 'errors', 'new', 'fixed'];
  const rows = runs.map((r) => [
    String(r.id),
    r.startedAt.replace('T', ' ').slice(0, 19),
    ...SEVERITIES.map((s) => String(r.counts[s])),
    String(r.suppressed),
    String(r.errors),
    String(r.newCount),
    String(r.fixedCount),
  ]);
  const targets = new Set(runs.map((r) => r.target));
  const title = targets.size === 1 ? `Runs of ${[...targets][0]}\n` : '';
  return `${title}${table(header, rows)}`;
}
