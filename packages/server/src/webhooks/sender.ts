import http from 'node:http';
import https from 'node:https';
import { Webhook } from 'standardwebhooks';
import { checkWebhookUrl, guardedLookup } from './url-guard';

/** The whole attempt: connect, headers and body. */
export const WEBHOOK_TIMEOUT_MS = 15_000;
// Keep-alive: a busy endpoint gets its events over a few warm connections. Each
// new connection still goes through the guarded lookup.
const agents = {
  http: new http.Agent({ keepAlive: true }),
  https: new https.Agent({ keepAlive: true }),
};
const EXCERPT = 500;
/** The response headers an attempt keeps for its owner to read (the rest are dropped). */
export const KEPT_RESPONSE_HEADERS = [
  'content-type',
  'content-length',
  'retry-after',
  'location',
  'date',
  'server',
  'x-request-id',
];

export interface HttpHeader {
  name: string;
  value: string;
}

export interface SendResult {
  statusCode: number | null;
  latencyMs: number;
  excerpt: string | null;
  retryAfter: string | undefined;
  error: string | null;
  /** The headers sent, or null when no request was made (a refused URL). */
  requestHeaders: HttpHeader[] | null;
  /** KEPT_RESPONSE_HEADERS of the answer, or null when none came. */
  responseHeaders: HttpHeader[] | null;
}

/**
 * Standard Webhooks headers for one message: webhook-id stays the event id on
 * every retry. Several secrets (a rotation's overlap) give one signature each,
 * space-separated, as the spec allows: a receiver holding either verifies.
 */
export function signedHeaders(
  secret: string | readonly string[],
  msgId: string,
  body: string,
  at = new Date(),
) {
  const secrets = typeof secret === 'string' ? [secret] : secret;
  return {
    'webhook-id': msgId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': secrets.map((s) => new Webhook(s).sign(msgId, at, body)).join(' '),
  };
}

/**
 * One POST attempt: no redirects followed, only a short excerpt of the answer
 * kept, and one deadline for the whole exchange (connect, headers and body):
 * a receiver that trickles a byte now and then is cut off like a silent one.
 */
export function postWebhook(opts: {
  url: string;
  /** The signing secret, or the current and the previous one during a rotation's overlap. */
  secret: string | readonly string[];
  msgId: string;
  body: string;
  allowLocal: boolean;
  /** The total deadline of the attempt (default WEBHOOK_TIMEOUT_MS). */
  timeoutMs?: number;
  /** A worker shutting down cuts the call short; the attempt is then retried later. */
  signal?: AbortSignal;
}): Promise<SendResult> {
  const started = performance.now();
  const deadline = opts.timeoutMs ?? WEBHOOK_TIMEOUT_MS;
  return new Promise((resolve) => {
    let settled = false;
    // Set once the request exists; settling before that has no timer to clear.
    // eslint-disable-next-line prefer-const
    let timer: NodeJS.Timeout | undefined;
    let sent: HttpHeader[] | null = null;
    const settle = (r: Omit<SendResult, 'latencyMs' | 'requestHeaders'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({
        ...r,
        requestHeaders: sent,
        latencyMs: Math.round(performance.now() - started),
      });
    };
    const fail = (error: string) =>
      settle({
        statusCode: null,
        excerpt: null,
        retryAfter: undefined,
        error,
        responseHeaders: null,
      });
    let url: URL;
    try {
      url = checkWebhookUrl(opts.url, opts.allowLocal);
    } catch (err) {
      fail(String((err as Error).message));
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
    });
    // Node sets host on the request already; name it first, like the wire does.
    const outgoing = req.getHeaders();
    sent = [
      { name: 'host', value: String(outgoing.host ?? url.host) },
      ...Object.entries(outgoing)
        .filter(([name]) => name !== 'host')
        .map(([name, value]) => ({ name, value: String(value) })),
    ];
    const cut = (why: string) => {
      fail(why);
      req.destroy(new Error(why));
    };
    timer = setTimeout(() => cut(`no complete answer within ${deadline} ms`), deadline);
    const abort = () => cut('the worker shut down during the call');
    if (opts.signal?.aborted) abort();
    opts.signal?.addEventListener('abort', abort, { once: true });
    req.on('close', () => opts.signal?.removeEventListener('abort', abort));
    req.on('error', (err) => fail(connectionError(err)));
    req.on('response', (res) => {
      let excerpt = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        if (excerpt.length < EXCERPT) excerpt += chunk;
        else res.destroy();
      });
      const finish = () =>
        settle({
          statusCode: res.statusCode ?? null,
          excerpt: excerpt.slice(0, EXCERPT),
          retryAfter: res.headers['retry-after'],
          error: null,
          responseHeaders: keptHeaders(res.headers),
        });
      res.on('end', finish);
      res.on('close', finish); // destroyed after the excerpt: the first settle wins
      res.on('error', finish);
    });
    req.end(opts.body);
  });
}

function keptHeaders(headers: http.IncomingHttpHeaders): HttpHeader[] {
  return KEPT_RESPONSE_HEADERS.flatMap((name) => {
    const v = headers[name];
    return v === undefined ? [] : [{ name, value: Array.isArray(v) ? v.join(', ') : v }];
  });
}

/**
 * A failed call's reason as the endpoint's owner may read it: Node's socket
 * errors name the address a host resolved to (`connect ECONNREFUSED
 * 10.0.0.5:443`), which would tell a partner what an internal name resolves
 * to; keep the error's code and drop the address.
 */
export function connectionError(err: Error): string {
  const { code, syscall } = err as NodeJS.ErrnoException;
  if (code) return `${syscall ? `${syscall} ` : ''}${code}`.trim();
  return err.message.replace(
    /\b\d{1,3}(\.\d{1,3}){3}(:\d+)?\b|\[?[0-9a-f]*:[0-9a-f:.]+\]?(:\d+)?/gi,
    '<address>',
  );
}
