import path from 'node:path';
import fs from 'node:fs';
import { allRules, fileAnalyzers, projectAnalyzers } from '../analyzers/registry.js';
import type { FileKind } from '../inventory/classify.js';
import { walk } from '../inventory/walk.js';
import { HistoryStore } from '../store/history.js';
import { withoutReplaced, type AnalyzerSettings, type FileEntry, type FindingPlace, type ProjectAnalyzer, type ProjectContext, type ProjectOutput } from './analyzer.js';
import type { FileResult } from './analyze-file.js';
import { analyzersFor, selectedProjectAnalyzers } from './analyzer-selection.js';
import type { AssessmentResult } from './assessment.js';
import { SCAN_CATEGORIES, type ScanCategory } from './categories.js';
import { engineVersion } from './engine-version.js';
import { inlineRunner, workerRunner, type FileRunner } from './file-runner.js';
import { compareFindings, type Finding, type ScanError, type Severity } from './finding.js';
import { ResultCache } from './result-cache.js';
import { shareRedactedSnippets } from '../analyzers/secrets/redact.js';
import { readBaseline } from './suppress/baseline.js';
import { applySuppressions } from './suppress/apply.js';
import type { IgnoreEntry } from './suppress/ignore-file.js';
import { inlineIgnoresFor, type InlineIgnore } from './suppress/inline.js';
import { SourceText } from './source-text.js';
import { TOOL } from './tool-info.js';

export interface AssessOptions {
  root: string;
  categories: ReadonlySet<ScanCategory>;
  maxFileSize: number;
  exclude: string[];
  threads: number;
  fileTimeoutMs: number;
  /** Directory of the result cache; undefined turns the cache off. */
  cacheDir: string | undefined;
  /** History database file; undefined turns history off. */
  historyDb: string | undefined;
  baselineFile: string | undefined;
  ignoreEntries: IgnoreEntry[];
  failOn: Severity | 'none';
  /** Whether other scanners' inline markers (`# nosec`, `# nosemgrep` …) suppress findings. */
  foreignMarkers: boolean;
  settings: AnalyzerSettings;
  now?: () => Date;
  onProgress?: (done: number, total: number) => void;
}

/** One assessment: discover → analyse → suppress → store → compare. Rendering is the caller's. */
export async function assess(options: AssessOptions): Promise<AssessmentResult> {
  const now = options.now ?? (() => new Date());
  const started = now();
  const t0 = performance.now();
  const root = path.resolve(options.root);
  const { files, skipped } = walk(root, { maxFileSize: options.maxFileSize, exclude: options.exclude });

  const work = files
    .map((entry) => ({ entry, key: analyzersFor(entry, options.categories).map((a) => a.name).join(',') }))
    .filter((w) => w.key !== '');
  const results = await analyzeAll(work, options);

  const inline = new Map<string, InlineIgnore[]>();
  const findings: Finding[] = [];
  const errors: ScanError[] = [];
  const facts = new Map<string, Map<string, unknown>>();
  let lines = 0;
  let fromCache = 0;
  for (const { entry, result, cached } of results) {
    findings.push(...result.findings);
    errors.push(...result.errors);
    lines += result.lines;
    if (cached) fromCache++;
    if (result.ignores.length > 0) inline.set(entry.path, result.ignores);
    for (const [analyzer, fact] of Object.entries(result.facts)) {
      if (!facts.has(analyzer)) facts.set(analyzer, new Map());
      facts.get(analyzer)!.set(entry.path, fact);
    }
  }
  const projectNotices: string[] = [];
  const projectFindings: Finding[] = [];
  const superseded: FindingPlace[] = [];
  for (const analyzer of selectedProjectAnalyzers(options.categories)) {
    const output = await runProjectAnalyzer(analyzer, { root, files, facts: (name) => facts.get(name) ?? new Map(), now: started, settings: options.settings });
    projectFindings.push(...output.findings);
    superseded.push(...(output.supersedes ?? []));
    errors.push(...output.errors);
    projectNotices.push(...output.notices);
    addInlineIgnores(root, output.findings, inline);
  }
  // File analyzers that ran only to feed a project analyzer keep their findings to themselves.
  const chosen = new Set([...options.categories].map((c) => SCAN_CATEGORIES[c]));
  const inScope = shareRedactedSnippets([...withoutReplaced(findings, superseded), ...projectFindings]).filter((f) => chosen.has(f.category));

  const outcome = applySuppressions({
    findings: inScope,
    inline,
    ignoreEntries: options.ignoreEntries,
    baseline: options.baselineFile ? readBaseline(options.baselineFile) : undefined,
    today: started.toISOString().slice(0, 10),
    banditIds: banditEquivalents(),
    foreignMarkers: options.foreignMarkers,
  });
  outcome.active.sort(compareFindings);
  outcome.suppressed.sort((a, b) => compareFindings(a.finding, b.finding));

  const notices = [...outcome.notices, ...projectNotices, ...categoryNotices(options.categories)];
  const durationMs = performance.now() - t0;
  const result: AssessmentResult = {
    tool: { name: TOOL.name, version: TOOL.version },
    root,
    startedAt: started.toISOString(),
    findings: outcome.active,
    suppressed: outcome.suppressed,
    errors,
    skipped,
    notices,
    stats: {
      filesSeen: files.length,
      filesAnalyzed: work.length,
      filesFromCache: fromCache,
      linesAnalyzed: lines,
      filesByKind: countKinds(files),
      durationMs,
    },
    rules: allRules().filter((r) => [...fileAnalyzers, ...projectAnalyzers].some((a) => options.categories.has(a.category) && a.rules.includes(r))),
    failOn: options.failOn,
  };
  if (options.historyDb) result.history = recordHistory(options.historyDb, result, now());
  return result;
}

async function analyzeAll(work: Array<{ entry: FileEntry; key: string }>, options: AssessOptions) {
  const cache = options.cacheDir ? new ResultCache(options.cacheDir, engineVersion()) : undefined;
  let runner: FileRunner | undefined;
  const getRunner = () => {
    // Threads start only when some file actually needs analysing (a fully cached run needs none).
    runner ??= options.threads > 1 ? workerRunner(options.categories, options.threads, options.fileTimeoutMs) : inlineRunner(options.categories);
    return runner;
  };
  let done = 0;
  try {
    return await Promise.all(
      work.map(async ({ entry, key }): Promise<{ entry: FileEntry; result: FileResult; cached: boolean }> => {
        const hit = cache?.lookup(entry, key);
        const result = hit ?? (await getRunner().run(entry));
        if (!hit) cache?.store(entry, key, result);
        options.onProgress?.(++done, work.length);
        return { entry, result, cached: hit !== undefined };
      }),
    );
  } finally {
    await runner?.close();
    cache?.close();
  }
}

function recordHistory(db: string, result: AssessmentResult, finished: Date) {
  const store = new HistoryStore(db);
  try {
    return store.record({
      target: result.root,
      startedAt: result.startedAt,
      finishedAt: finished.toISOString(),
      durationMs: result.stats.durationMs,
      toolVersion: result.tool.version,
      filesAnalyzed: result.stats.filesAnalyzed,
      errors: result.errors.length,
      findings: result.findings,
      suppressed: result.suppressed.map((s) => s.finding),
    });
  } finally {
    store.close();
  }
}

/** A project analyzer that throws costs its own findings, not the assessment. */
async function runProjectAnalyzer(analyzer: ProjectAnalyzer, ctx: ProjectContext): Promise<ProjectOutput> {
  try {
    return await analyzer.analyze(ctx);
  } catch (err) {
    return { findings: [], errors: [{ file: '.', analyzer: analyzer.name, message: `analyzer failed: ${(err as Error).message}` }], notices: [] };
  }
}

/** Inline ignores for findings that project analyzers placed in files (a manifest line, say). */
function addInlineIgnores(root: string, findings: Finding[], inline: Map<string, InlineIgnore[]>): void {
  const byFile = new Map<string, number[]>();
  for (const f of findings) byFile.set(f.location.file, [...(byFile.get(f.location.file) ?? []), f.location.startLine]);
  for (const [file, lines] of byFile) {
    let text: string;
    try {
      text = fs.readFileSync(path.join(root, file), 'utf8');
    } catch {
      continue;
    }
    const found = inlineIgnoresFor(new SourceText(text), lines);
    if (found.length > 0) inline.set(file, [...(inline.get(file) ?? []), ...found]);
  }
}

function banditEquivalents(): (ruleId: string) => readonly string[] {
  const byRule = new Map(allRules().map((rule) => [rule.id, rule.bandit ?? []]));
  return (ruleId) => byRule.get(ruleId) ?? [];
}

/** Categories whose findings come from another command, because assess never runs the pipeline. */
const FOUND_ELSEWHERE: Partial<Record<ScanCategory, string>> = {
  dynamic: 'dynamic findings come from `pipewarden fuzz` and `pipewarden poison`, which run the pipeline in the sandbox; assess never executes scanned code',
};

function categoryNotices(categories: ReadonlySet<ScanCategory>): string[] {
  const empty = [...categories].filter((c) => ![...fileAnalyzers, ...projectAnalyzers].some((a) => a.category === c));
  const elsewhere = empty.flatMap((c) => FOUND_ELSEWHERE[c] ?? []);
  const missing = empty.filter((c) => FOUND_ELSEWHERE[c] === undefined);
  return [...elsewhere, ...(missing.length > 0 ? [`no analyzers are available yet for: ${missing.join(', ')}`] : [])];
}

function countKinds(files: FileEntry[]): Partial<Record<FileKind, number>> {
  const counts: Partial<Record<FileKind, number>> = {};
  for (const f of files) counts[f.kind] = (counts[f.kind] ?? 0) + 1;
  return counts;
}
