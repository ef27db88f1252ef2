// A job worker in a process of its own, for tests that kill it (-9).
import pino from 'pino';
import { startJobRunner } from '../../src/jobs/runner';

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error('DATABASE_URL is required');

void startJobRunner({
  databaseUrl,
  log: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }),
  concurrency: 1,
  pollIntervalMs: 100,
  mail: { from: 'test@example.com', mailDir: '/nonexistent-mailbox' },
  webhooks: { allowLocal: true, scheduleMs: [100, 100, 100] },
}).then(() => console.log('ready'));
