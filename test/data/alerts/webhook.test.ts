import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/core/errors.js';
import { dataFinding } from '../../../src/data/alerts/finding.js';
import { webhookTargets } from '../../../src/data/alerts/targets.js';
import { deliverAll, deliverWebhook, type AlertBatch } from '../../../src/data/alerts/webhook.js';
import { driftNumeric } from '../../../src/data/rules/drift-numeric.js';

interface Received {
  body: string;
  headers: http.IncomingHttpHeaders;
  at: number;
}

/** A real HTTP server that answers with the given statuses in turn (the last one repeats). */
async function server(statuses: number[]): Promise<{ url: string; received: Received[]; close: () => Promise<void> }> {
  const received: Received[] = [];
  const s = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push({ body, headers: req.headers, at: Date.now() });
      res.statusCode = statuses[Math.min(received.length - 1, statuses.length - 1)]!;
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/hook`, received, close: () => new Promise((resolve) => s.close(() => resolve())) };
}

const alerts: AlertBatch = {
  command: 'drift',
  subject: 'orders.csv',
  findings: [dataFinding({ rule: driftNumeric, target: 'orders.csv', subject: 'amount', message: 'column "amount": distribution drifted' })],
};
const fast = { retries: 3, baseDelayMs: 40, timeoutMs: 2000 };

let closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  await Promise.all(closers.map((c) => c()));
  closers = [];
});

describe('webhook delivery', () => {
  it('POSTs the findings as JSON', async () => {
    const hook = await server([200]);
    closers.push(hook.close);
    const result = await deliverWebhook({ url: hook.url, format: 'json' }, alerts, fast);
    expect(result).toMatchObject({ ok: true, attempts: 1, status: 200 });
    expect(hook.received[0]!.headers['content-type']).toBe('application/json');
    const body = JSON.parse(hook.received[0]!.body);
    expect(body).toMatchObject({ tool: 'pipewarden', command: 'drift', subject: 'orders.csv', count: 1 });
    expect(body.findings[0]).toMatchObject({ ruleId: 'data.drift.numeric', category: 'data' });
  });

  it('sends Slack-compatible {"text": …}', async () => {
    const hook = await server([200]);
    closers.push(hook.close);
    await deliverWebhook({ url: hook.url, format: 'slack' }, alerts, fast);
    const body = JSON.parse(hook.received[0]!.body);
    expect(Object.keys(body)).toEqual(['text']);
    expect(body.text).toContain('data.drift.numeric orders.csv:1');
  });

  it('retries 5xx answers with doubling waits until one succeeds', async () => {
    const hook = await server([503, 500, 200]);
    closers.push(hook.close);
    const result = await deliverWebhook({ url: hook.url, format: 'json' }, alerts, fast);
    expect(result).toMatchObject({ ok: true, attempts: 3, status: 200 });
    const [a, b, c] = hook.received.map((r) => r.at);
    expect(b! - a!).toBeGreaterThanOrEqual(35);
    expect(c! - b!).toBeGreaterThanOrEqual(75);
  });

  it('gives up on a 4xx at once: the same request cannot succeed later', async () => {
    const hook = await server([404]);
    closers.push(hook.close);
    const result = await deliverWebhook({ url: hook.url, format: 'json' }, alerts, fast);
    expect(result).toMatchObject({ ok: false, attempts: 1, status: 404 });
    expect(hook.received).toHaveLength(1);
  });

  it('retries network errors and reports the last one', async () => {
    const hook = await server([200]);
    await hook.close();
    const result = await deliverWebhook({ url: hook.url, format: 'json' }, alerts, fast);
    expect(result.ok).toBe(false);
    expect(result.attempts).toBe(4);
    expect(result.error).toMatch(/ECONNREFUSED|fetch failed/);
  });

  it('sends nothing when there are no findings', async () => {
    const hook = await server([200]);
    closers.push(hook.close);
    expect(await deliverAll([{ url: hook.url, format: 'json' }], { ...alerts, findings: [] }, fast)).toEqual([]);
    expect(hook.received).toHaveLength(0);
  });

  it('takes targets from flags and config, and rejects URLs that are not http(s)', () => {
    expect(webhookTargets(['https://a.example/x'], 'slack', { webhooks: [{ url: 'http://b.example/y' }] })).toEqual([
      { url: 'https://a.example/x', format: 'slack' },
      { url: 'http://b.example/y', format: 'json' },
    ]);
    expect(() => webhookTargets(['file:///etc/passwd'])).toThrow(UsageError);
  });
});
