import type { ScanCategory } from './categories.js';
import type { Confidence, Finding, Severity } from './finding.js';
import type { RuleMeta } from './rule.js';
import type { FileKind } from '../inventory/classify.js';

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
  text: string;
}

/** What an analyzer reports before fingerprints are given. */
export type RawFinding = Omit<Finding, 'fingerprint'>;

/** Per-match overrides a rule may set when it reports. */
export interface ReportOptions {
  message?: string;
  severity?: Severity;
  confidence?: Confidence;
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
  analyze(file: SourceFile): AnalyzerOutput;
}

/**
 * Findings, plus problems that limited the analysis without stopping it (a syntax error the
 * parser recovered from); each problem becomes a scan error for the file.
 */
export interface AnalyzerOutput {
  findings: RawFinding[];
  problems: string[];
}
