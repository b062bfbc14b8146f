import type { ScanCategory } from './categories.js';
import { severityRank, type Confidence, type Finding, type ScanError, type Severity, type TraceStep } from './finding.js';
import type { RuleMeta } from './rule.js';
import type { FileKind } from '../inventory/classify.js';
import type { DepsSettings } from '../analyzers/deps/settings.js';
import type { SecretsSettings } from '../analyzers/secrets/settings.js';
import type { ImageSettings } from '../analyzers/container/settings.js';

/** A file as the walk found it. */
export interface FileEntry {
  /** Relative to the scanned root, forward slashes. */
  path: string;
  absPath: string;
  kind: FileKind;
  size: number;
}

/** A file with its decoded text, handed to analyzers. */
export interface SourceFile extends FileEntry {
  /** Empty for binary analyzers, which read `bytes` instead. */
  text: string;
  /** The raw bytes, given only to analyzers that declare `binary`. */
  bytes?: Buffer;
}

/** What an analyzer reports before fingerprints are given. */
export type RawFinding = Omit<Finding, 'fingerprint'>;

/** Per-match overrides a rule may set when it reports. */
export interface ReportOptions {
  message?: string;
  severity?: Severity;
  confidence?: Confidence;
  /** CWE ids more specific than the rule's own (an advisory's, say). */
  cwe?: string[];
  trace?: TraceStep[];
}

/**
 * A per-file analyzer. Adding one is a folder under src/analyzers and one line in the registry.
 * It must never run, import or evaluate the code it reads.
 */
export interface FileAnalyzer {
  name: string;
  category: ScanCategory;
  rules: RuleMeta[];
  required(file: FileEntry): boolean;
  /**
   * The analyzer reads the file's raw bytes (`SourceFile.bytes`) rather than text: the file is not
   * decoded for it, so binary formats (pickles, archives) reach it instead of failing as not text.
   */
  binary?: boolean;
  analyze(file: SourceFile): AnalyzerOutput;
}

/**
 * Findings, plus problems that limited the analysis without stopping it (a syntax error the
 * parser recovered from); each problem becomes a scan error for the file.
 */
export interface AnalyzerOutput {
  findings: RawFinding[];
  problems: string[];
  /**
   * What the analyzer learnt about the file that project analyzers need (imports and calls of a
   * Python module, the packages a manifest declares). Plain data: it crosses threads and is cached.
   */
  facts?: unknown;
  /**
   * Values no report may show (the credentials the secrets analyzer found): they are redacted from
   * the message, snippet and trace of every finding of the file before anything is cached or
   * stored, and are themselves never kept.
   */
  redact?: string[];
}

/** What a project analyzer sees: every file, and the facts file analyzers recorded about them. */
export interface ProjectContext {
  root: string;
  files: FileEntry[];
  /** Facts recorded by the named file analyzer, by file path. */
  facts(analyzer: string): Map<string, unknown>;
  now: Date;
  settings: AnalyzerSettings;
}

/** Settings of the analyzers that reach outside the tree (advisory databases, package indexes). */
export interface AnalyzerSettings {
  deps: DepsSettings;
  /** Absent means the defaults: the working tree only, no git history. */
  secrets?: SecretsSettings;
  /** Absent means no unpacked image to inspect. */
  image?: ImageSettings;
}

export interface ProjectOutput {
  findings: Finding[];
  errors: ScanError[];
  notices: string[];
  /**
   * File analyzers' findings that this step's own findings replace: the same problem on the same
   * code, now proven across files. The assessment drops them; their files' results stay as they
   * were analysed (and cached), so the others keep their fingerprints.
   */
  supersedes?: FindingPlace[];
}

/**
 * The finding of rule `ruleId` that starts at `line`:`column` of `file`, replaced by a finding of
 * `severity`, or settled by project facts (an installed version that has the fix) with no
 * replacement: only when it is no more severe, so that a replacement never lowers how a problem
 * is rated.
 */
export interface FindingPlace {
  ruleId: string;
  file: string;
  line: number;
  column: number;
  /** Where the replacing finding's code ends: findings starting anywhere from line:column to here are replaced. */
  through?: { line: number; column: number };
  severity: Severity;
}

/** `findings` without those that findings at `places` replace. */
export function withoutReplaced<T extends Pick<RawFinding, 'ruleId' | 'location' | 'severity'>>(findings: T[], places: FindingPlace[]): T[] {
  if (places.length === 0) return findings;
  const byRule = new Map<string, FindingPlace[]>();
  for (const p of places) {
    const key = `${p.ruleId}\u0000${p.file}`;
    const list = byRule.get(key);
    if (list) list.push(p);
    else byRule.set(key, [p]);
  }
  return findings.filter((f) => {
    const { file, startLine: line, startColumn: column } = f.location;
    const candidates = byRule.get(`${f.ruleId}\u0000${file}`) ?? [];
    // Replaced by a place at least as severe that starts where it does or spans where it starts.
    return !candidates.some((p) => severityRank(p.severity) >= severityRank(f.severity) && within({ line, column }, p));
  });
}

function within(at: { line: number; column: number }, place: FindingPlace): boolean {
  const end = place.through ?? place;
  const afterStart = at.line > place.line || (at.line === place.line && at.column >= place.column);
  const beforeEnd = at.line < end.line || (at.line === end.line && at.column <= end.column);
  return afterStart && beforeEnd;
}

/**
 * An analyzer over the whole project (dependencies against advisories, permissions against what
 * the code touches), run after every file analyzer. Like file analyzers it never runs scanned code.
 */
export interface ProjectAnalyzer {
  name: string;
  category: ScanCategory;
  rules: RuleMeta[];
  /** File analyzers whose facts it reads; they run whenever this analyzer does. */
  usesFactsFrom: string[];
  analyze(ctx: ProjectContext): Promise<ProjectOutput>;
}
