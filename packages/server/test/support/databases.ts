import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

// Tests get their own database, cloned from a migrated template, so files run
// in parallel and leave nothing behind.
// One template per test run (set by global-setup), so runs never collide.
export const templateDb = (): string => {
  const name = process.env.CREDITS_TEST_TEMPLATE;
  if (!name) throw new Error('CREDITS_TEST_TEMPLATE is not set: global-setup did not run.');
  return name;
};

export function adminUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url)
    throw new Error(
      'DATABASE_URL is not set: run tests through `pnpm test` (scripts/with-postgres.mjs).',
    );
  return url;
}

export function urlFor(database: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withAdmin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function cloneTemplate(): Promise<string> {
  const name = `credits_test_${randomBytes(6).toString('hex')}`;
  await withAdmin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${templateDb()}`));
  return name;
}

export async function dropDatabase(name: string): Promise<void> {
  await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
}
