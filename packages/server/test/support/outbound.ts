import http from 'node:http';
import net from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import pino from 'pino';
import { SMTPServer } from 'smtp-server';
import { Webhook } from 'standardwebhooks';
import { type JobRunner, type JobRunnerOptions, startJobRunner } from '../../src/jobs/runner';
import { SecretBox, parseSecretKey } from '../../src/webhooks/secret-box';
import type { TestGateway } from './gateway';
import { WEBHOOK_SECRET_KEY } from './webhook-key';

// Real outbound parts for tests: an SMTP server in the test process, a job
// worker with short retry waits, and bounded polling instead of sleeps.

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

// The polling helper lives in ./poll; its users import it from here too.
export { waitFor } from './poll';

export type SmtpMode = 'accept' | 'reject-permanent' | 'reject-transient';

/** A real SMTP server (smtp-server) that parses what arrives with mailparser. */
export class SmtpSink {
  readonly received: ParsedMail[] = [];
  mode: SmtpMode = 'accept';
  /** While set, messages wait before the server's answer (a slow relay); `held` counts them. */
  gate: Promise<void> | null = null;
  held = 0;
  /** SMTP connections opened to this sink (a pooled sender opens few for many messages). */
  connections = 0;
  /** While above 0, each message is refused once with 451 (and this counts down). */
  refuseNext = 0;
  /** Which messages refuseNext refuses (null: any). */
  refuseOnly: ((mail: ParsedMail) => boolean) | null = null;
  private server: SMTPServer | null = null;

  constructor(readonly port: number) {}

  static async start(): Promise<SmtpSink> {
    const sink = new SmtpSink(await freePort());
    await sink.up();
    return sink;
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  up(): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onConnect: (_session, callback) => {
        this.connections++;
        callback();
      },
      onData: (stream, _session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => void this.answer(chunks, callback));
      },
    });
    return new Promise((resolve) => this.server!.listen(this.port, '127.0.0.1', () => resolve()));
  }

  /** Holds every message until the returned function is called. */
  hold(): () => void {
    let release!: () => void;
    this.gate = new Promise((r) => (release = r));
    return () => {
      this.gate = null;
      release();
    };
  }

  private async answer(chunks: Buffer[], callback: (err?: Error | null) => void): Promise<void> {
    if (this.gate) {
      this.held++;
      await this.gate;
      this.held--;
    }
    const mail = await simpleParser(Buffer.concat(chunks)).catch((err: unknown) => err as Error);
    if (this.refuseNext > 0 && !(mail instanceof Error) && (this.refuseOnly?.(mail) ?? true)) {
      this.refuseNext--;
      callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
      return;
    }
    if (this.mode !== 'accept') {
      const err = Object.assign(
        new Error(this.mode === 'reject-permanent' ? 'Mailbox unavailable' : 'Try again later'),
        { responseCode: this.mode === 'reject-permanent' ? 550 : 451 },
      );
      callback(err);
      return;
    }
    if (mail instanceof Error) {
      callback(mail);
      return;
    }
    this.received.push(mail);
    callback();
  }

  /** Closes the listener: connections are refused until up() again. */
  down(): Promise<void> {
    const s = this.server;
    this.server = null;
    return new Promise((resolve) => (s ? s.close(() => resolve()) : resolve()));
  }

  to(address: string): ParsedMail[] {
    return this.received.filter((m) =>
      (Array.isArray(m.to) ? m.to : m.to ? [m.to] : []).some((a) =>
        a.value.some((v) => v.address === address),
      ),
    );
  }

  /** The statements (P18) received, without receipts and notices. */
  statements(): ParsedMail[] {
    return this.received.filter((m) => m.subject?.startsWith('Statement:'));
  }

  /** The statements sent to `address`. */
  statementsTo(address: string): ParsedMail[] {
    return this.to(address).filter((m) => m.subject?.startsWith('Statement:'));
  }
}

/** A job worker over the test gateway's database, with retry waits in milliseconds. */
export function startTestWorker(
  g: TestGateway,
  opts: Partial<Omit<JobRunnerOptions, 'mail' | 'webhooks'>> & {
    mail?: Partial<JobRunnerOptions['mail']>;
    webhooks?: Partial<JobRunnerOptions['webhooks']>;
  } = {},
): Promise<JobRunner> {
  if (!g.databaseUrl) throw new Error('this gateway has no databaseUrl');
  return startJobRunner({
    databaseUrl: g.databaseUrl,
    log: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    concurrency: 2,
    pollIntervalMs: 100,
    sweepEveryMs: 300,
    deadWorkerGraceMs: 500,
    ...opts,
    mail: {
      from: 'Support credits <statements@test.example>',
      mailDir: '/nonexistent-mailbox',
      backoff: { baseMs: 100, capMs: 400, maxAttempts: 30 },
      ...opts.mail,
    },
    webhooks: {
      allowLocal: true,
      secrets: new SecretBox(parseSecretKey(WEBHOOK_SECRET_KEY)),
      scheduleMs: [100, 200, 200, 200, 200, 200, 200],
      ...opts.webhooks,
    },
  });
}

export interface ReceivedWebhook {
  id: string;
  type: string;
  accountId: string;
  data: Record<string, unknown>;
  verified: boolean;
}

export type ReceiverMode = 'ok' | 'fail' | 'gone' | 'hang' | 'busy';

/**
 * A real HTTP receiver that verifies every request with the standardwebhooks
 * library (as a partner would). `script` answers the next requests in order.
 */
export class WebhookReceiver {
  /** Every request, verified or not, in arrival order. */
  readonly requests: {
    id: string;
    verified: boolean;
    status: number;
    headers: Record<string, string>;
  }[] = [];
  /** Every request as it came (body and headers), for checks with other secrets. */
  readonly raw: { body: string; headers: Record<string, string> }[] = [];
  /** Requests answered 2xx. */
  readonly delivered: ReceivedWebhook[] = [];
  secret = '';
  mode: ReceiverMode = 'ok';
  script: ReceiverMode[] = [];
  inFlight = new Map<string, number>();
  maxInFlightPerId = 0;
  /** Requests in flight at once, whatever their webhook-id (one endpoint: at most its job's lanes). */
  inFlightNow = 0;
  maxInFlight = 0;
  onRequest: ((id: string) => void) | null = null;
  /** How long each answer waits (a slow receiver keeps its endpoint's run busy). */
  answerAfterMs = 5;
  private readonly server: http.Server;

  private constructor() {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const headers = Object.fromEntries(
          Object.entries(req.headers).map(([k, v]) => [k, String(v)]),
        );
        this.raw.push({ body, headers });
        let verified = false;
        try {
          new Webhook(this.secret).verify(body, headers);
          verified = true;
        } catch {
          verified = false;
        }
        const id = headers['webhook-id'] ?? '';
        const n = (this.inFlight.get(id) ?? 0) + 1;
        this.inFlight.set(id, n);
        this.maxInFlightPerId = Math.max(this.maxInFlightPerId, n);
        this.maxInFlight = Math.max(this.maxInFlight, ++this.inFlightNow);
        const mode = this.script.shift() ?? this.mode;
        this.onRequest?.(id);
        const answer = (status: number) => {
          this.inFlight.set(id, (this.inFlight.get(id) ?? 1) - 1);
          this.inFlightNow--;
          this.requests.push({ id, verified, status, headers });
          if (status < 300 && verified) {
            const p = JSON.parse(body) as {
              id: string;
              type: string;
              accountId: string;
              data: Record<string, unknown>;
            };
            this.delivered.push({
              id: p.id,
              type: p.type,
              accountId: p.accountId,
              data: p.data,
              verified,
            });
          }
          res
            .writeHead(status, { 'content-type': 'text/plain' })
            .end(status < 300 ? 'thanks' : 'nope');
        };
        if (mode === 'hang') return; // never answers: the sender times out or dies
        // A small pause widens the window in which a second sender could overlap.
        const status =
          mode === 'ok'
            ? verified
              ? 204
              : 401
            : mode === 'gone'
              ? 410
              : mode === 'busy'
                ? 503
                : 500;
        if (mode === 'busy') res.setHeader('retry-after', '1');
        setTimeout(() => answer(status), this.answerAfterMs);
      });
    });
  }

  static async start(): Promise<WebhookReceiver> {
    const r = new WebhookReceiver();
    await new Promise<void>((resolve) => r.server.listen(0, '127.0.0.1', resolve));
    return r;
  }

  get url(): string {
    const { port } = this.server.address() as net.AddressInfo;
    return `http://127.0.0.1:${port}/hooks`;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

/**
 * A receiver as slow as a hostile partner makes it: it answers 200 at once,
 * then writes one byte of body every `everyMs` and never finishes, so no
 * idle timeout ever fires. Counts requests, and those in flight, per path.
 */
export class TricklingReceiver {
  readonly requests = new Map<string, number>();
  readonly inFlight = new Map<string, number>();
  maxInFlightPerPath = 0;
  private readonly server: http.Server;

  private constructor(everyMs: number) {
    this.server = http.createServer((req, res) => {
      const p = req.url ?? '/';
      this.requests.set(p, (this.requests.get(p) ?? 0) + 1);
      const n = (this.inFlight.get(p) ?? 0) + 1;
      this.inFlight.set(p, n);
      this.maxInFlightPerPath = Math.max(this.maxInFlightPerPath, n);
      req.resume();
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.write('.');
      const timer = setInterval(() => res.write('.'), everyMs);
      res.on('close', () => {
        clearInterval(timer);
        this.inFlight.set(p, (this.inFlight.get(p) ?? 1) - 1);
      });
    });
  }

  static async start(everyMs = 500): Promise<TricklingReceiver> {
    const r = new TricklingReceiver(everyMs);
    await new Promise<void>((resolve) => r.server.listen(0, '127.0.0.1', resolve));
    return r;
  }

  url(path: string): string {
    const { port } = this.server.address() as net.AddressInfo;
    return `http://127.0.0.1:${port}${path}`;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
