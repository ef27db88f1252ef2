import net from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import pino from 'pino';
import { SMTPServer } from 'smtp-server';
import { type JobRunner, type JobRunnerOptions, startJobRunner } from '../../src/jobs/runner';
import type { TestGateway } from './gateway';

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

/** Polls `probe` until it returns a non-undefined value (bounded: fails after timeoutMs). */
export async function waitFor<T>(
  probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  what: string,
  timeoutMs = 20_000,
): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await probe();
    if (v !== undefined && v !== null && v !== false) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export type SmtpMode = 'accept' | 'reject-permanent' | 'reject-transient';

/** A real SMTP server (smtp-server) that parses what arrives with mailparser. */
export class SmtpSink {
  readonly received: ParsedMail[] = [];
  mode: SmtpMode = 'accept';
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
      onData: (stream, _session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          if (this.mode !== 'accept') {
            const err = Object.assign(
              new Error(
                this.mode === 'reject-permanent' ? 'Mailbox unavailable' : 'Try again later',
              ),
              { responseCode: this.mode === 'reject-permanent' ? 550 : 451 },
            );
            callback(err);
            return;
          }
          simpleParser(Buffer.concat(chunks))
            .then((m) => {
              this.received.push(m);
              callback();
            })
            .catch(callback);
        });
      },
    });
    return new Promise((resolve) => this.server!.listen(this.port, '127.0.0.1', () => resolve()));
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
}

/** A job worker over the test gateway's database, with retry waits in milliseconds. */
export function startTestWorker(
  g: TestGateway,
  opts: Partial<Omit<JobRunnerOptions, 'mail'>> & { mail?: Partial<JobRunnerOptions['mail']> } = {},
): Promise<JobRunner> {
  if (!g.databaseUrl) throw new Error('this gateway has no databaseUrl');
  return startJobRunner({
    databaseUrl: g.databaseUrl,
    log: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
    concurrency: 2,
    pollIntervalMs: 100,
    sweepEveryMs: 300,
    ...opts,
    mail: {
      from: 'Support credits <statements@test.example>',
      mailDir: '/nonexistent-mailbox',
      backoff: { baseMs: 100, capMs: 400, maxAttempts: 30 },
      ...opts.mail,
    },
    webhooks: {
      allowLocal: true,
      scheduleMs: [100, 200, 200, 200, 200, 200, 200],
      ...opts.webhooks,
    },
  });
}
