/**
 * Benchmark: matching a large lockfile against the PyPA advisory database.
 *
 *   npm run build && node dist/bench/osv-match.js [--packages N]
 *
 * Loads the PyPI advisories shared beside the repository, builds the SQLite index `db update`
 * would build from them, generates a lockfile-like list of N packages (every package the
 * advisories name, at a random version they mention, padded with made-up packages), and times
 * matching all N against the in-memory directory source and against the SQLite database. It is
 * a benchmark, not a test: it prints a table and exits 0, also when the data is absent.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadOsvDirectory } from '../src/analyzers/deps/osv/directory.js';
import { findVulnerabilities } from '../src/analyzers/deps/osv/group.js';
import { openLocalDb, writeLocalDb } from '../src/analyzers/deps/osv/local-db.js';
import type { AdvisorySource } from '../src/analyzers/deps/osv/source.js';
import type { OsvAdvisory } from '../src/analyzers/deps/osv/types.js';
import { table } from '../src/cli/table.js';
import { seededRandom as random } from '../src/dynamic/fuzz/rng.js';

/** dist/bench/osv-match.js sits two levels below the repository root. */
const REPO = fileURLToPath(new URL('../../', import.meta.url));
const DATA = path.resolve(REPO, '..', 'shared', 'data', 'osv', 'PyPI');
const MATCH_GOAL_MS = 1000;
const OPEN_GOAL_MS = 300;

interface Pin {
  name: string;
  version: string;
}

function parseArgs(argv: string[]): { packages: number } {
  let packages = 5000;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--packages') {
      packages = Number(argv[++i]);
      if (!Number.isInteger(packages) || packages < 1) throw new Error(`--packages takes a whole number of at least 1, not "${argv[i]}"`);
    } else {
      throw new Error(`unknown argument ${argv[i]}; usage: osv-match.js [--packages N]`);
    }
  }
  return { packages };
}


/**
 * Every PyPI package the advisories name, at a version they mention (a listed version or a
 * range bound, so some pins are affected and some are fixed), in random order, then made-up
 * packages at made-up versions up to `count`.
 */
function lockfile(advisories: OsvAdvisory[], count: number): Pin[] {
  const next = random(42);
  const pick = <T>(list: T[]) => list[Math.floor(next() * list.length)]!;
  const versions = new Map<string, Set<string>>();
  for (const advisory of advisories) {
    for (const affected of advisory.affected ?? []) {
      if (affected.package?.ecosystem !== 'PyPI') continue;
      const seen = versions.get(affected.package.name) ?? new Set<string>();
      affected.versions?.forEach((v) => seen.add(v));
      affected.ranges?.forEach((r) => r.events.forEach((e) => Object.values(e).forEach((v) => v !== '0' && seen.add(v))));
      versions.set(affected.package.name, seen);
    }
  }
  const madeUp = () => `${Math.floor(next() * 30)}.${Math.floor(next() * 20)}.${Math.floor(next() * 10)}`;
  const pins = [...versions].map(([name, seen]) => ({ name, version: seen.size > 0 ? pick([...seen]) : madeUp() }));
  for (let i = 0; pins.length < count; i++) pins.push({ name: `made-up-package-${i}`, version: madeUp() });
  for (let i = pins.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [pins[i], pins[j]] = [pins[j]!, pins[i]!];
  }
  return pins.slice(0, count);
}

function time<T>(fn: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = fn();
  return { value, ms: performance.now() - start };
}

/** Matches every pin; returns a fingerprint of the result, so the two sources can be compared. */
function matchAll(source: AdvisorySource, pins: Pin[]): { affected: number; groups: number; digest: string } {
  let affected = 0;
  let groups = 0;
  const parts: string[] = [];
  for (const pin of pins) {
    const found = findVulnerabilities(source, 'PyPI', pin.name, pin.version);
    if (found.length > 0) affected++;
    groups += found.length;
    for (const g of found) parts.push(`${pin.name}@${pin.version}:${g.ids[0]}:${g.fixed ?? ''}`);
  }
  return { affected, groups, digest: parts.join('\n') };
}

const ms = (value: number) => `${value.toFixed(0)} ms`;
const verdict = (value: number, goal: number) => (value < goal ? 'met' : 'MISSED');

function main(): void {
  const { packages } = parseArgs(process.argv.slice(2));
  if (!fs.existsSync(DATA)) {
    process.stdout.write(`No advisory data at ${DATA}; nothing to measure.\n`);
    return;
  }
  const load = time(() => loadOsvDirectory(DATA));
  const { source, advisories, problems } = load.value;
  const pins = lockfile(advisories, packages);

  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'pipewarden-bench-'));
  try {
    const dbFile = path.join(scratch, 'osv.db');
    const build = time(() => writeLocalDb(dbFile, advisories, { builtAt: new Date().toISOString(), sourceUrl: DATA, counts: source.description.counts }));
    const memory = time(() => matchAll(source, pins));
    const open = time(() => openLocalDb(dbFile));
    const sqlite = time(() => matchAll(open.value, pins));
    open.value.close();
    const dbBytes = fs.statSync(dbFile).size;
    const peakMb = process.resourceUsage().maxRSS / 1024;

    process.stdout.write(
      `OSV matching: ${advisories.length} PyPI advisories (${problems.length} unreadable) from ${DATA}\n` +
        `lockfile: ${pins.length} packages, ${memory.value.affected} affected, ${memory.value.groups} vulnerabilities\n\n`,
    );
    process.stdout.write(
      table(
        ['step', 'time', 'goal', 'verdict'],
        [
          ['load directory', ms(load.ms), '', ''],
          [`build SQLite index (${(dbBytes / 1e6).toFixed(1)} MB)`, ms(build.ms), '', ''],
          [`match ${pins.length} (directory source)`, ms(memory.ms), `< ${ms(MATCH_GOAL_MS)}`, verdict(memory.ms, MATCH_GOAL_MS)],
          ['open SQLite database', ms(open.ms), `< ${ms(OPEN_GOAL_MS)}`, verdict(open.ms, OPEN_GOAL_MS)],
          [`match ${pins.length} (SQLite source)`, ms(sqlite.ms), `< ${ms(MATCH_GOAL_MS)}`, verdict(sqlite.ms, MATCH_GOAL_MS)],
          ['peak RSS', `${peakMb.toFixed(0)} MB`, '', ''],
        ],
      ),
    );
    process.stdout.write(`\nBoth sources give ${memory.value.digest === sqlite.value.digest ? 'the same' : 'DIFFERENT'} results.\n`);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main();
