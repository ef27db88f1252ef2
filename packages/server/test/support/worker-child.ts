// A job worker in a process of its own, for tests that kill it (-9) or take
// its database away. It reports its figures on stdout as JSON lines when asked
// (a line "metrics" on stdin).
import readline from 'node:readline';
import pino from 'pino';
import { jobRegistry } from '../../src/jobs/metrics';
import { startJobRunner } from '../../src/jobs/runner';
import { SecretBox, parseSecretKey } from '../../src/webhooks/secret-box';
import { WEBHOOK_SECRET_KEY } from './webhook-key';

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error('DATABASE_URL is required');
const concurrency = Number(process.env.WORKER_CONCURRENCY ?? 1);

void startJobRunner({
  databaseUrl,
  log: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
  concurrency,
  webhookConcurrency: concurrency,
  pollIntervalMs: 100,
  sweepEveryMs: process.env.SWEEP_EVERY_MS ? Number(process.env.SWEEP_EVERY_MS) : undefined,
  deadWorkerGraceMs: process.env.DEAD_WORKER_GRACE_MS
    ? Number(process.env.DEAD_WORKER_GRACE_MS)
    : undefined,
  mail: {
    from: 'test@example.com',
    mailDir: '/nonexistent-mailbox',
    smtpUrl: process.env.SMTP_URL,
    backoff: { baseMs: 100, capMs: 400, maxAttempts: 30 },
  },
  webhooks: {
    allowLocal: true,
    scheduleMs: [100, 100, 100],
    secrets: new SecretBox(parseSecretKey(WEBHOOK_SECRET_KEY)),
  },
}).then(() => console.log('ready'));

readline.createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() !== 'metrics') return;
  void jobRegistry.getMetricsAsJSON().then((m) => console.log(`metrics ${JSON.stringify(m)}`));
});
