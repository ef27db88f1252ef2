import http from 'node:http';
import https from 'node:https';
import { Webhook } from 'standardwebhooks';
import { checkWebhookUrl, guardedLookup } from './url-guard';

export const WEBHOOK_TIMEOUT_MS = 10_000;
// Keep-alive: a busy endpoint gets its events over a few warm connections. Each
// new connection still goes through the guarded lookup.
const agents = {
  http: new http.Agent({ keepAlive: true }),
  https: new https.Agent({ keepAlive: true }),
};
const EXCERPT = 500;

export interface SendResult {
  statusCode: number | null;
  latencyMs: number;
  excerpt: string | null;
  retryAfter: string | undefined;
  error: string | null;
}

/** Standard Webhooks headers for one message: webhook-id stays the event id on every retry. */
export function signedHeaders(secret: string, msgId: string, body: string, at = new Date()) {
  return {
    'webhook-id': msgId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(msgId, at, body),
  };
}

/** One POST attempt: no redirects followed, a 10 s limit, only a short excerpt of the answer kept. */
export function postWebhook(opts: {
  url: string;
  secret: string;
  msgId: string;
  body: string;
  allowLocal: boolean;
  timeoutMs?: number;
  /** A worker shutting down cuts the call short; the attempt is then retried later. */
  signal?: AbortSignal;
}): Promise<SendResult> {
  const started = performance.now();
  const done = (r: Omit<SendResult, 'latencyMs'>): SendResult => ({
    ...r,
    latencyMs: Math.round(performance.now() - started),
  });
  return new Promise((resolve) => {
    let url: URL;
    try {
      url = checkWebhookUrl(opts.url, opts.allowLocal);
    } catch (err) {
      resolve(
        done({
          statusCode: null,
          excerpt: null,
          retryAfter: undefined,
          error: String((err as Error).message),
        }),
      );
      return;
    }
    const secure = url.protocol === 'https:';
    const req = (secure ? https : http).request(url, {
      method: 'POST',
      agent: secure ? agents.https : agents.http,
      lookup: guardedLookup(opts.allowLocal),
      headers: {
        'content-type': 'application/json',
        'user-agent': 'credits-gateway-webhooks/1',
        ...signedHeaders(opts.secret, opts.msgId, opts.body),
      },
      timeout: opts.timeoutMs ?? WEBHOOK_TIMEOUT_MS,
    });
    const abort = () => req.destroy(new Error('the worker shut down during the call'));
    if (opts.signal?.aborted) abort();
    opts.signal?.addEventListener('abort', abort, { once: true });
    req.on('close', () => opts.signal?.removeEventListener('abort', abort));
    req.on('timeout', () =>
      req.destroy(new Error(`timed out after ${opts.timeoutMs ?? WEBHOOK_TIMEOUT_MS} ms`)),
    );
    req.on('error', (err) =>
      resolve(done({ statusCode: null, excerpt: null, retryAfter: undefined, error: err.message })),
    );
    req.on('response', (res) => {
      let excerpt = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        if (excerpt.length < EXCERPT) excerpt += chunk;
        else res.destroy();
      });
      const finish = () =>
        resolve(
          done({
            statusCode: res.statusCode ?? null,
            excerpt: excerpt.slice(0, EXCERPT),
            retryAfter: res.headers['retry-after'],
            error: null,
          }),
        );
      res.on('end', finish);
      res.on('close', finish); // destroyed after the excerpt: the first resolve wins
      res.on('error', finish);
    });
    req.end(opts.body);
  });
}
