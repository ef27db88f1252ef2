import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { Client } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataSource, migrate } from '../src/db/data-source';
import { CHARGE, createAccount, issueLicense, openTicket, purchase } from './support/fixtures';
import { type TestGateway, startGateway } from './support/gateway';
import { urlFor, withAdmin } from './support/databases';

// Issue 19 finding 13: docker/app-role.sql, the application role compose
// runs the gateway as, applied to a throwaway database migrated by the owner.

const SQL = path.join(__dirname, '..', '..', '..', 'docker', 'app-role.sql');
const role = `credits_app_${randomBytes(4).toString('hex')}`;
const password = randomBytes(12).toString('hex');

/** `url` with the application role's credentials. */
function asApp(url: string): string {
  const u = new URL(url);
  u.username = role;
  u.password = password;
  return u.toString();
}

function applyRoleSql(database: string): void {
  const url = new URL(urlFor(database));
  execFileSync(
    'psql',
    [
      '-X',
      '-q',
      '-v',
      'ON_ERROR_STOP=1',
      '-v',
      `owner=${decodeURIComponent(url.username)}`,
      '-v',
      `app_role=${role}`,
      '-v',
      `app_password=${password}`,
      '-d',
      url.toString(),
      '-f',
      SQL,
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
}

let g: TestGateway;
let database = '';

beforeAll(async () => {
  // The fixture clones a database the owner migrated; the script runs on it
  // before the gateway's pool connects, as the application role.
  g = await startGateway({
    poolUrlFor: (db) => {
      database = db;
      applyRoleSql(db);
      applyRoleSql(db); // idempotent: a second run changes nothing and fails nothing
      return asApp(urlFor(db));
    },
  });
});
afterAll(async () => {
  await g.close();
  await withAdmin((c) => c.query(`DROP ROLE IF EXISTS ${role}`));
});

async function asAppClient<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const c = new Client({ connectionString: asApp(urlFor(database)) });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

describe('the application role (docker/app-role.sql)', () => {
  it('is no superuser and owns nothing', async () => {
    const [r] = await asAppClient(
      async (c) =>
        (
          await c.query<{ rolsuper: boolean; owned: number }>(
            `SELECT rolsuper,
                    (SELECT count(*)::int FROM pg_class WHERE relowner = r.oid) +
                    (SELECT count(*)::int FROM pg_namespace WHERE nspowner = r.oid) AS owned
               FROM pg_roles r WHERE rolname = current_user`,
          )
        ).rows,
    );
    expect(r).toEqual({ rolsuper: false, owned: 0 });
  });

  it('serves a charge through the gateway, and finds nothing to migrate', async () => {
    const accountId = await createAccount(g);
    const license = await issueLicense(g, accountId, { edition: 'OWNED' });
    await purchase(g, accountId, 100);
    const ticketId = await openTicket(g, license.id);
    const d = await g.ok(CHARGE, { i: { ticketId, credits: 30 } });
    expect(d.chargeTicket.credits).toBe(30);
    // A worker started as the application role (compose's) after the owner migrated.
    const ds = createDataSource(asApp(urlFor(database)), { poolSize: 2 });
    await ds.initialize();
    try {
      expect(await migrate(ds)).toEqual([]);
    } finally {
      await ds.destroy();
    }
  });

  it('cannot switch off the ledger triggers nor rewrite a ledger row', async () => {
    // The charge above wrote ledger rows: the append-only trigger refuses to change them.
    const rows = await asAppClient(
      async (c) =>
        (await c.query<{ n: number }>('SELECT count(*)::int AS n FROM ledger_entries')).rows,
    );
    expect(rows[0]!.n).toBeGreaterThan(0);
    await expect(
      asAppClient((c) => c.query('ALTER TABLE ledger_entries DISABLE TRIGGER ALL')),
    ).rejects.toThrow(/must be owner/);
    await expect(
      asAppClient((c) => c.query('UPDATE ledger_entries SET credits = credits')),
    ).rejects.toThrow(/append-only/);
    await expect(asAppClient((c) => c.query('CREATE TABLE app_owned (id int)'))).rejects.toThrow(
      /permission denied/,
    );
  });
});
