import fs from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** A stable Message-ID, so a receiver can tell a redelivery from a new message. */
  messageId: string;
}

export interface Mailer {
  /** Resolves once the server accepted the message; rejects with nodemailer's error otherwise. */
  send: (mail: OutgoingMail) => Promise<void>;
  close: () => void;
}

/**
 * SMTP when a URL is given (smtp://user:pass@host:587), else the local mailbox
 * folder. `connections`: the pool's size, one per job slot that sends mail.
 */
export function createMailer(opts: {
  smtpUrl?: string;
  from: string;
  mailDir: string;
  connections?: number;
}): Mailer {
  return opts.smtpUrl
    ? smtpMailer(transportUrl(opts.smtpUrl, opts.connections), opts.from)
    : mailboxMailer(opts.mailDir, opts.from);
}

/**
 * The transport URL for nodemailer. A password never crosses the network in
 * clear text: an authenticated smtp:// URL requires STARTTLS (requireTLS)
 * unless it says otherwise explicitly, with `?tls=off` (a local relay) or its
 * own `requireTLS` / `ignoreTLS`. smtps:// is TLS from the first byte.
 */
export function transportUrl(url: string, connections?: number): string {
  const pooled = new URL(url);
  const tls = pooled.searchParams.get('tls');
  pooled.searchParams.delete('tls'); // ours, not nodemailer's (its `tls` is an options object)
  const explicit = ['requireTLS', 'ignoreTLS', 'secure'].some((k) => pooled.searchParams.has(k));
  if (pooled.protocol === 'smtp:' && pooled.username && tls !== 'off' && !explicit)
    pooled.searchParams.set('requireTLS', 'true');
  // Pooled: each connection carries up to 100 messages (nodemailer's maxMessages)
  // before it is opened again, and there is one per slot (nodemailer's default is
  // 5), so a slot never waits for another's connection.
  const defaults: Record<string, string> = {
    pool: 'true',
    ...(connections && { maxConnections: String(connections) }),
    connectionTimeout: '10000',
    greetingTimeout: '10000',
    socketTimeout: '60000',
  };
  for (const [k, v] of Object.entries(defaults))
    if (!pooled.searchParams.has(k)) pooled.searchParams.set(k, v);
  return pooled.toString();
}

/** `url`: a transportUrl (pooled, with timeouts short enough that a hung server does not stall a worker's shutdown). */
function smtpMailer(url: string, from: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    async send(mail) {
      // Composed by nodemailer once, as it streams. Composing it in memory
      // first (one socket write) made nodemailer build a MIME node around the
      // raw message again: with e-mails sent four at a time that cost more
      // than the writes it saved (worker CPU per e-mail 2.02-2.06 ms against
      // 1.90-1.94, docs/benchmarks.md, stop 27).
      await transport.sendMail({ from, ...mail });
    },
    close: () => transport.close(),
  };
}

// A development mailbox: each message is written as an .eml file, named by
// its Message-ID so a redelivery overwrites rather than duplicates.
function mailboxMailer(dir: string, from: string): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true });
  return {
    async send(mail) {
      const info = await transport.sendMail({ from, ...mail });
      await fs.mkdir(dir, { recursive: true });
      const file = path.join(dir, `${mail.messageId.replace(/[^\w.-]/g, '_')}.eml`);
      await fs.writeFile(`${file}.tmp`, info.message);
      await fs.rename(`${file}.tmp`, file);
    },
    close: () => transport.close(),
  };
}

/**
 * Answers about the gateway's own SMTP settings, not about the message: bad
 * or missing credentials (530, 534, 535, 538; nodemailer's EAUTH), or a
 * server that cannot give the TLS the URL requires (ETLS). The same
 * message goes through once the operator fixes the setting, so they are
 * retried with backoff, like a server that is down.
 */
export function isMailConfigurationFault(err: unknown): boolean {
  const e = err as { responseCode?: unknown; code?: unknown };
  return (
    e.code === 'EAUTH' ||
    e.code === 'ETLS' ||
    (typeof e.responseCode === 'number' && [530, 534, 535, 538].includes(e.responseCode))
  );
}

/**
 * The same faults read back from a statement's recorded reason (mailErrorReason),
 * as a Postgres regular expression (case-insensitive): the Operations page's view.
 */
export const MAIL_CONFIGURATION_FAULT_SQL =
  '^(530|534|535|538)[ -]|STARTTLS|Invalid login|Missing credentials';

/** SMTP 5xx answers are permanent: the same message would be refused again. */
export function isPermanentMailError(err: unknown): boolean {
  if (isMailConfigurationFault(err)) return false;
  const code = (err as { responseCode?: unknown }).responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

export function mailErrorReason(err: unknown): string {
  const e = err as { response?: unknown; message?: unknown; code?: unknown };
  // A failed STARTTLS: the server's bare answer would not say what was tried.
  const text =
    typeof e.response === 'string' && e.code !== 'ETLS' ? e.response : String(e.message ?? err);
  return text.slice(0, 500);
}
