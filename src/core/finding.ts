export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const CONFIDENCES = ['high', 'medium', 'low'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

/** Finding categories, as they appear in reports and the design guide. */
export const FINDING_CATEGORIES = ['sast', 'dependency', 'secret', 'iac', 'container', 'iam', 'data', 'dynamic'] as const;
export type FindingCategory = (typeof FINDING_CATEGORIES)[number];

export interface Location {
  /** Path relative to the scanned root, always with forward slashes. */
  file: string;
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
  snippet: string;
}

export interface TraceStep {
  file: string;
  line: number;
  label: string;
}

export interface Finding {
  ruleId: string;
  title: string;
  message: string;
  severity: Severity;
  confidence: Confidence;
  cwe: string[];
  category: FindingCategory;
  location: Location;
  trace?: TraceStep[];
  remediation: string;
  fingerprint: string;
}

/** A file that could not be (fully) assessed, and why. */
export interface ScanError {
  file: string;
  analyzer?: string;
  message: string;
}

export type SkipKind = 'too-large' | 'link-outside-root' | 'broken-link' | 'not-regular' | 'unreadable';

/** A file the walk passed over on purpose, and why. */
export interface SkippedFile {
  file: string;
  kind: SkipKind;
  reason: string;
}

export function severityRank(severity: Severity): number {
  return SEVERITIES.length - SEVERITIES.indexOf(severity);
}

export function isSeverity(value: string): value is Severity {
  return (SEVERITIES as readonly string[]).includes(value);
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    severityRank(b.severity) - severityRank(a.severity) ||
    a.location.file.localeCompare(b.location.file) ||
    a.location.startLine - b.location.startLine ||
    a.location.startColumn - b.location.startColumn ||
    a.ruleId.localeCompare(b.ruleId)
  );
}
