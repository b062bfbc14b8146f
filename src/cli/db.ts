import path from 'node:path';
import type { Command } from 'commander';
import { dbStatus, defaultDbPath, isStale, type DbStatus } from '../analyzers/deps/osv/local-db.js';
import { DEFAULT_ECOSYSTEMS, DEFAULT_EXPORT_URL, updateDb, type UpdateResult } from '../analyzers/deps/osv/update.js';
import { UsageError } from '../core/errors.js';
import { table } from './table.js';

interface UpdateFlags {
  baseUrl: string;
  ecosystem: string;
  db?: string;
}

interface StatusFlags {
  db?: string;
  maxAgeDays: string;
}

export function registerDb(program: Command): void {
  const db = program.command('db').description('manage the local OSV vulnerability database');

  db.command('update')
    .description('download the OSV advisories and rebuild the local database (the old one stays if anything fails)')
    .option('--base-url <url>', 'where the OSV exports are (<url>/<ecosystem>/all.zip)', DEFAULT_EXPORT_URL)
    .option('--ecosystem <list>', 'comma-separated ecosystems', DEFAULT_ECOSYSTEMS.join(','))
    .option('--db <file>', `database file (default ${defaultDbPath()})`)
    .action(async (flags: UpdateFlags) => {
      const result = await updateDb({ baseUrl: httpUrl(flags.baseUrl), ecosystems: ecosystems(flags.ecosystem), dbFile: dbFile(flags.db) });
      process.stdout.write(renderUpdate(result));
    });

  db.command('status')
    .description('show how old the local OSV database is and what it holds')
    .option('--db <file>', `database file (default ${defaultDbPath()})`)
    .option('--max-age-days <n>', 'age in days after which the database is called stale', '7')
    .action((flags: StatusFlags) => {
      const maxAgeDays = Number(flags.maxAgeDays);
      if (!(maxAgeDays >= 0)) throw new UsageError(`--max-age-days takes a number of days, not "${flags.maxAgeDays}"`);
      const file = dbFile(flags.db);
      const status = dbStatus(file);
      if (!status) throw new UsageError(`no OSV database at ${file}; create it with \`pipewarden db update${flags.db ? ` --db ${flags.db}` : ''}\``);
      process.stdout.write(renderStatus(status, maxAgeDays));
    });
}

function dbFile(flag: string | undefined): string {
  return path.resolve(flag ?? defaultDbPath());
}

function httpUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--base-url takes an http(s) URL, not "${value}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`--base-url takes an http(s) URL, not "${value}"`);
  return value;
}

/** Ecosystem names as OSV spells them, accepted in any case ("pypi" is PyPI). */
function ecosystems(list: string): string[] {
  const names = list
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (names.length === 0) throw new UsageError('--ecosystem takes at least one ecosystem');
  return [
    ...new Set(
      names.map((name) => {
        const known = DEFAULT_ECOSYSTEMS.find((e) => e.toLowerCase() === name.toLowerCase());
        if (!known) throw new UsageError(`unknown ecosystem "${name}"; pipewarden matches ${DEFAULT_ECOSYSTEMS.join(', ')}`);
        return known;
      }),
    ),
  ];
}

function renderUpdate(result: UpdateResult): string {
  const rows = Object.entries(result.counts).map(([ecosystem, count]) => [ecosystem, String(count), megabytes(result.bytes[ecosystem] ?? 0)]);
  return `Updated ${result.dbFile} in ${(result.durationMs / 1000).toFixed(1)} s\n\n${table(['ecosystem', 'advisories', 'downloaded'], rows)}`;
}

function renderStatus(status: DbStatus, maxAgeDays: number): string {
  const stale = isStale(status.ageDays, maxAgeDays);
  const lines = [
    `OSV database  ${status.file}`,
    `built         ${status.builtAt.replace('T', ' ').slice(0, 19)} UTC (${age(status.ageDays)} ago)${stale ? `, stale: older than ${maxAgeDays} days; run \`pipewarden db update\`` : ''}`,
    `source        ${status.sourceUrl}`,
  ];
  const rows = Object.entries(status.counts).map(([ecosystem, count]) => [ecosystem, String(count)]);
  return `${lines.join('\n')}\n\n${table(['ecosystem', 'advisories'], rows)}`;
}

function age(days: number): string {
  const hours = Math.max(0, days * 24);
  return hours < 48 ? `${Math.floor(hours)} h` : `${Math.floor(days)} days`;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}
