import { UsageError } from '../../core/errors.js';
import type { Finding } from '../../core/finding.js';
import { TOOL } from '../../core/tool-info.js';

export const WEBHOOK_FORMATS = ['json', 'slack'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

export interface WebhookTarget {
  url: string;
  format: WebhookFormat;
}

export interface AlertBatch {
  /** The command that raised the alerts: drift, profile, logs. */
  command: string;
  /** What was checked: a data file, a dataset, log files. */
  subject: string;
  findings: Finding[];
}

export interface DeliveryOptions {
  /** Further attempts after the first, on network errors, 5xx and 429. */
  retries: number;
  /** Wait before the first retry; it doubles for each one after. */
  baseDelayMs: number;
  timeoutMs: number;
}

export const DEFAULT_DELIVERY: DeliveryOptions = { retries: 4, baseDelayMs: 500, timeoutMs: 10_000 };

export interface DeliveryResult {
  url: string;
  ok: boolean;
  attempts: number;
  status?: number;
  error?: string;
}

const SLACK_FINDINGS = 20;

export function parseWebhookUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError(`webhook "${url}" is not a URL`);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') throw new UsageError(`webhook "${url}" must be an http(s) URL`);
  return parsed.toString();
}

/** The request body: the findings as JSON, or Slack's `{"text": …}` (Slack, Mattermost, Teams' Slack-compatible hooks). */
export function webhookBody(format: WebhookFormat, alerts: AlertBatch): string {
  if (format === 'json') {
    return JSON.stringify({ tool: TOOL.name, version: TOOL.version, command: alerts.command, subject: alerts.subject, count: alerts.findings.length, findings: alerts.findings });
  }
  const lines = alerts.findings.slice(0, SLACK_FINDINGS).map((f) => `• [${f.severity}] ${f.ruleId} ${f.location.file}:${f.location.startLine} — ${f.message}`);
  const more = alerts.findings.length - SLACK_FINDINGS;
  const head = `:rotating_light: ${TOOL.name} ${alerts.command}: ${alerts.findings.length} alert${alerts.findings.length === 1 ? '' : 's'} for ${alerts.subject}`;
  return JSON.stringify({ text: [head, ...lines, ...(more > 0 ? [`…and ${more} more`] : [])].join('\n') });
}

/**
 * POSTs the alerts, retrying with exponential backoff (baseDelay·2ⁿ) on network errors, timeouts,
 * 5xx and 429; other 4xx answers are final, since sending the same request again cannot fix them.
 */
export async function deliverWebhook(target: WebhookTarget, alerts: AlertBatch, options: DeliveryOptions = DEFAULT_DELIVERY): Promise<DeliveryResult> {
  const body = webhookBody(target.format, alerts);
  let last: DeliveryResult = { url: target.url, ok: false, attempts: 0 };
  for (let attempt = 0; attempt <= options.retries; attempt++) {
    if (attempt > 0) await sleep(options.baseDelayMs * 2 ** (attempt - 1));
    try {
      const response = await fetch(target.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': `${TOOL.name}/${TOOL.version}` },
        body,
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      await response.body?.cancel();
      last = { url: target.url, ok: response.ok, attempts: attempt + 1, status: response.status };
      if (response.ok || !(response.status >= 500 || response.status === 429)) return last;
    } catch (err) {
      last = { url: target.url, ok: false, attempts: attempt + 1, error: err instanceof Error ? (err.cause instanceof Error ? err.cause.message : err.message) : String(err) };
    }
  }
  return last;
}

/** Sends the alerts to every target; an empty batch sends nothing. */
export async function deliverAll(targets: WebhookTarget[], alerts: AlertBatch, options: DeliveryOptions = DEFAULT_DELIVERY): Promise<DeliveryResult[]> {
  if (alerts.findings.length === 0) return [];
  return Promise.all(targets.map((t) => deliverWebhook(t, alerts, options)));
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
