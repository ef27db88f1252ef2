import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { removeEmbeddedPostgres, startEmbeddedPostgres } from './embedded-postgres';

const log = pino({ level: 'silent' });
const made: string[] = [];

afterEach(async () => {
  // Also after a failure: no cluster left running, no twin left in the temp dir.
  for (const dir of made.splice(0)) {
    await removeEmbeddedPostgres({ dataDir: path.join(dir, '.data', 'postgres'), log });
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('pnpm reset: removeEmbeddedPostgres', () => {
  it('stops the cluster left running and removes its data wherever the start put it', async () => {
    // A private mktemp folder: as root the postgres user cannot reach it, so
    // the start keeps the data in this folder's twin under the temp dir.
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'credits-reset-test-'));
    made.push(home);
    const wanted = path.join(home, '.data', 'postgres');
    const pg = await startEmbeddedPostgres({ dataDir: wanted, port: 54400, log });
    const pid = Number(
      fs.readFileSync(path.join(pg.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0],
    );
    const client = new Client({ connectionString: pg.url });
    await client.connect();
    await client.query('CREATE TABLE demo (id int)');
    await client.end();
    expect(isAlive(pid)).toBe(true);
    if (process.getuid?.() === 0) expect(pg.dataDir.startsWith(wanted)).toBe(false);

    // The gateway was killed without stopping its Postgres: reset stops it too.
    const removed = await removeEmbeddedPostgres({ dataDir: wanted, log });

    expect(isAlive(pid)).toBe(false);
    expect(fs.existsSync(pg.dataDir)).toBe(false);
    expect(fs.existsSync(wanted)).toBe(false);
    expect(removed).toEqual([process.getuid?.() === 0 ? path.dirname(pg.dataDir) : wanted]);

    // The next start begins afresh: a new cluster without the old table.
    const again = await startEmbeddedPostgres({ dataDir: wanted, port: 54400, log });
    const c = new Client({ connectionString: again.url });
    await c.connect();
    const { rows } = await c.query<{ t: string | null }>("SELECT to_regclass('demo')::text AS t");
    await c.end();
    expect(rows[0]!.t).toBeNull();
  });

  it('has nothing to do on a checkout that never started', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'credits-reset-test-'));
    made.push(home);
    expect(
      await removeEmbeddedPostgres({ dataDir: path.join(home, '.data', 'postgres'), log }),
    ).toEqual([]);
  });
});
