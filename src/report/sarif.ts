import { pathToFileURL } from 'node:url';
import type { ArtifactLocation, CodeFlow, Invocation, Log, Notification, Region, ReportingDescriptor, Result, Suppression } from 'sarif';
import type { AssessmentResult, SuppressionKind } from '../core/assessment.js';
import type { Confidence, Finding, Location, Severity } from '../core/finding.js';
import type { RuleMeta } from '../core/rule.js';
import { ruleCatalog } from './rule-catalog.js';
import { explainRule } from './explain.js';
import { ruleHelpMarkdown } from './rule-help.js';
import { newFindings, sortFindings, sortSuppressed } from './summary.js';

/*
 * SARIF 2.1.0 as GitHub code scanning reads it: rules carry CWE tags and a numeric
 * security-severity (which GitHub turns into its critical/high/medium/low label), results carry a
 * partial fingerprint so alerts follow code that moves, and paths are relative to %SRCROOT% so
 * the same file is the same alert on every runner.
 */

const SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
const SRCROOT = '%SRCROOT%';
const FINGERPRINT_KEY = 'pipewarden/v1';

const LEVEL: Record<Severity, Result.level> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' };

/** Midpoints of GitHub's bands (≥9 critical, 7–8.9 high, 4–6.9 medium, 0.1–3.9 low); 0 shows no label. */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '0.0' };

const PRECISION: Record<Confidence, string> = { high: 'high', medium: 'medium', low: 'low' };

const SUPPRESSION_KIND: Record<SuppressionKind, Suppression.kind> = { inline: 'inSource', 'ignore-file': 'external', baseline: 'external' };

export function renderSarif(result: AssessmentResult): string {
  const rules = ruleCatalog(result);
  const ruleIndex = new Map(rules.map((rule, i) => [rule.id, i]));
  const fresh = newFindings(result);
  const compared = result.history?.previousRunId !== undefined;

  const active = sortFindings(result.findings).map((finding): Result => ({
    ...sarifResult(finding, ruleIndex),
    ...(compared ? { baselineState: fresh.has(finding) ? 'new' : 'unchanged' } : {}),
  }));
  const suppressed = sortSuppressed(result.suppressed).map(
    ({ finding, kind, reason }): Result => ({
      ...sarifResult(finding, ruleIndex),
      suppressions: [{ kind: SUPPRESSION_KIND[kind], status: 'accepted', justification: reason }],
    }),
  );

  const log: Log = {
    $schema: SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: result.tool.name,
            version: result.tool.version,
            semanticVersion: result.tool.version,
            rules: rules.map(reportingDescriptor),
          },
        },
        invocations: [invocation(result)],
        originalUriBaseIds: { [SRCROOT]: { uri: rootUri(result.root) } },
        results: [...active, ...suppressed],
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function reportingDescriptor(rule: RuleMeta): ReportingDescriptor {
  return {
    id: rule.id,
    name: pascalCase(rule.id),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.what },
    help: { text: explainRule(rule).trimEnd(), markdown: ruleHelpMarkdown(rule) },
    ...helpUri(rule),
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: {
      tags: ['security', rule.category, ...rule.cwe],
      'security-severity': SECURITY_SEVERITY[rule.severity],
      precision: PRECISION[rule.confidence],
    },
  };
}

/** The first web reference; the schema wants an absolute URI, and a reference may be prose. */
function helpUri(rule: RuleMeta): { helpUri?: string } {
  const uri = rule.references.find((r) => /^https?:\/\/\S+$/.test(r));
  return uri ? { helpUri: uri } : {};
}

function sarifResult(finding: Finding, ruleIndex: ReadonlyMap<string, number>): Result {
  return {
    ruleId: finding.ruleId,
    ruleIndex: ruleIndex.get(finding.ruleId)!,
    level: LEVEL[finding.severity],
    message: { text: finding.message },
    locations: [{ physicalLocation: { artifactLocation: artifact(finding.location.file), ...regionOf(finding.location) } }],
    partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint },
    ...(finding.trace && finding.trace.length > 0 ? { codeFlows: [codeFlow(finding)] } : {}),
    properties: { confidence: finding.confidence, category: finding.category },
  };
}

/** The taint path as one thread of steps, which GitHub shows as "Show paths". */
function codeFlow(finding: Finding): CodeFlow {
  const steps = finding.trace ?? [];
  return {
    message: { text: `${steps.length} steps from source to sink` },
    threadFlows: [
      {
        locations: steps.map((step) => ({
          location: {
            physicalLocation: { artifactLocation: artifact(step.file), ...(step.line >= 1 ? { region: { startLine: step.line } } : {}) },
            message: { text: step.label },
          },
        })),
      },
    ],
  };
}

/**
 * Scan errors are the tool's trouble, not the code's, so they are notifications; the run itself
 * completed, which is what executionSuccessful states.
 */
function invocation(result: AssessmentResult): Invocation {
  const notifications: Notification[] = [
    ...result.errors.map(
      (e): Notification => ({
        level: 'error',
        message: { text: e.message },
        locations: [{ physicalLocation: { artifactLocation: artifact(e.file) } }],
        ...(e.analyzer ? { properties: { analyzer: e.analyzer } } : {}),
      }),
    ),
    ...result.skipped.map(
      (s): Notification => ({
        level: 'note',
        message: { text: `Skipped: ${s.reason}` },
        locations: [{ physicalLocation: { artifactLocation: artifact(s.file) } }],
      }),
    ),
    ...result.notices.map((text): Notification => ({ level: 'warning', message: { text } })),
  ];
  const start = Date.parse(result.startedAt);
  return {
    executionSuccessful: true,
    ...(Number.isNaN(start)
      ? {}
      : { startTimeUtc: new Date(start).toISOString(), endTimeUtc: new Date(start + result.stats.durationMs).toISOString() }),
    toolExecutionNotifications: notifications,
  };
}

function regionOf(location: Location): { region?: Region } {
  // Findings without a line (a whole-file or project finding) point at the artifact alone;
  // SARIF forbids line 0.
  if (location.startLine < 1) return {};
  const region: Region = { startLine: location.startLine };
  if (location.startColumn >= 1) region.startColumn = location.startColumn;
  if (location.endLine >= location.startLine) region.endLine = location.endLine;
  if (location.endColumn >= 1) region.endColumn = location.endColumn;
  if (location.snippet) region.snippet = { text: location.snippet };
  return { region };
}

function artifact(file: string): ArtifactLocation {
  return { uri: relativeUri(file), uriBaseId: SRCROOT };
}

/** A root-relative path as a relative URI reference: each segment percent-encoded, `/` kept. */
function relativeUri(file: string): string {
  return wellFormed(file)
    .split('/')
    .map((segment) => encodeURIComponent(segment))
    .join('/');
}

function rootUri(root: string): string {
  const href = pathToFileURL(root).href;
  return href.endsWith('/') ? href : `${href}/`;
}

/** encodeURIComponent throws on a lone surrogate; a file name is not worth a failed report. */
function wellFormed(text: string): string {
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/** `py.deserialization.pickle` → `PyDeserializationPickle`: SARIF's rule name is an identifier. */
function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}
