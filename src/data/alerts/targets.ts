import type { DataConfig } from './config.js';
import { deliverAll, parseWebhookUrl, type AlertBatch, type WebhookFormat, type WebhookTarget } from './webhook.js';

/** Webhooks from the command line (all in one format) and from `data.webhooks` in the config. */
export function webhookTargets(urls: string[] = [], format: WebhookFormat = 'json', config: DataConfig = {}): WebhookTarget[] {
  return [...urls.map((url) => ({ url: parseWebhookUrl(url), format })), ...(config.webhooks ?? []).map((w) => ({ url: parseWebhookUrl(w.url), format: w.format ?? 'json' }))];
}

/** Delivers the alerts and returns one line per webhook that failed, for the command to print. */
export async function sendAlerts(targets: WebhookTarget[], alerts: AlertBatch): Promise<string[]> {
  const results = await deliverAll(targets, alerts);
  return results
    .filter((r) => !r.ok)
    .map((r) => `webhook ${r.url} failed after ${r.attempts} attempt${r.attempts === 1 ? '' : 's'} (${r.status !== undefined ? `HTTP ${r.status}` : (r.error ?? 'no answer')})`);
}
