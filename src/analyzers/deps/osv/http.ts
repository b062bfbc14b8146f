/**
 * HTTP with timeouts and one-line errors, for the OSV export download and the OSV API. Every
 * failure becomes an Error whose message fits on one line of the CLI's output.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';

export type FetchLike = typeof fetch;

/** Why a request failed, in one line: the HTTP status, the timeout, or the network error's code. */
function describe(err: unknown, timedOut: string | undefined): string {
  if (timedOut) return timedOut;
  if (!(err instanceof Error)) return String(err);
  // Node's fetch says only "fetch failed"; the reason (ECONNREFUSED, ENOTFOUND, a TLS error) is its cause.
  const cause = err.cause instanceof Error ? err.cause : undefined;
  const detail = cause ? ((cause as NodeJS.ErrnoException).code ?? cause.message) : undefined;
  return (detail ? `${err.message} (${detail})` : err.message).replace(/\s+/g, ' ');
}

function statusError(res: Response): Error {
  return new Error(`HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}`);
}

/** A JSON request that must complete, body included, within `timeoutMs`. */
export async function fetchJson(fetchImpl: FetchLike, url: string, init: RequestInit, timeoutMs: number): Promise<unknown> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const res = await fetchImpl(url, { ...init, signal });
    if (!res.ok) throw statusError(res);
    return await res.json();
  } catch (err) {
    throw new Error(describe(err, signal.aborted ? `timed out after ${timeoutMs / 1000} s` : undefined));
  }
}

export interface Download {
  bytes: number;
}

/**
 * Streams `url` into `file`, failing when no data arrives for `idleTimeoutMs` (a large export on
 * a slow link may take long; a stalled one should not hang the update). When the server states
 * the length or an MD5 (`x-goog-hash: md5=…`, Google Cloud Storage), the download must match
 * them; both describe the bytes as stored, so they are checked only without a content-encoding.
 */
export async function downloadToFile(fetchImpl: FetchLike, url: string, file: string, idleTimeoutMs: number): Promise<Download> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => controller.abort(), idleTimeoutMs);
  };
  const out = await fs.promises.open(file, 'w');
  try {
    arm();
    const res = await fetchImpl(url, { signal: controller.signal });
    if (!res.ok) throw statusError(res);
    if (!res.body) throw new Error('empty response');
    const md5 = crypto.createHash('md5');
    let bytes = 0;
    for await (const chunk of res.body) {
      arm();
      md5.update(chunk);
      bytes += chunk.length;
      await out.write(chunk);
    }
    if (!res.headers.get('content-encoding')) checkIntegrity(res.headers, bytes, md5.digest('base64'));
    return { bytes };
  } catch (err) {
    throw new Error(describe(err, controller.signal.aborted ? `no data for ${idleTimeoutMs / 1000} s` : undefined));
  } finally {
    clearTimeout(timer);
    await out.close();
  }
}

function checkIntegrity(headers: Headers, bytes: number, md5: string): void {
  const length = headers.get('content-length');
  if (length !== null && Number(length) !== bytes) throw new Error(`download truncated: ${bytes} of ${length} bytes`);
  const stated = /(?:^|,)\s*md5=([A-Za-z0-9+/=]+)/.exec(headers.get('x-goog-hash') ?? '')?.[1];
  if (stated !== undefined && stated !== md5) throw new Error(`MD5 mismatch: the server states ${stated}, the download is ${md5}`);
}
