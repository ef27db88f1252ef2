import type { DataSource } from 'typeorm';
import { recordAudit } from '../audit/audit';
import type { PortalSettings, ServiceContext } from '../common/context';
import { notFound } from '../common/errors';
import { newId, parseId } from '../common/ids';
import type { Viewer } from '../common/viewer';
import { generateSecret, hashSecret } from '../keys/secrets';
import { Role } from '../policy/enums';

// A customer portal link: /portal/<token> opens a read-only page of one
// account. The token is 32 random bytes, kept only as its SHA-256 (the API
// keys' hashing, keys/secrets.ts); it works until it expires or is revoked.

/** "cgp_" + 43 base64url characters: told apart from an API key ("cgk_") by its prefix. */
const PREFIX = 'cgp_';
const TOKEN = /^cgp_[A-Za-z0-9_-]{43}$/;

/** A statement runner: a pg client's or a TypeORM transaction's, returning rows. */
export type Query = (sql: string, params: unknown[]) => Promise<Record<string, unknown>[]>;

export interface MintedLink {
  id: string;
  /** The whole link, token and all: shown once, never stored. */
  url: string;
  expiresAt: Date;
}

export const portalUrl = (publicUrl: string, token: string): string =>
  `${publicUrl}/portal/${token}`;

/** A link made ahead of its row: the row is written by whichever statement needs it. */
export interface PreparedLink {
  id: string;
  /** Only this is stored. */
  tokenHash: string;
  url: string;
  days: number;
}

export function prepareLink(settings: PortalSettings): PreparedLink {
  const token = generateSecret(PREFIX);
  return {
    id: newId(),
    tokenHash: hashSecret(token),
    url: portalUrl(settings.publicUrl, token),
    days: settings.linkDays,
  };
}

/**
 * The INSERT of prepared links, one per row of `rowsSql` (columns id,
 * account_id, token_hash), made at `atSql`; $-numbers from `first`:
 * creator key, days. Returns each link's id and expires_at.
 */
export function insertLinksSql(rowsSql: string, atSql: string, first: number): string {
  return `INSERT INTO portal_links (id, account_id, token_hash, created_by_key_id, created_at, expires_at)
     SELECT r.id, r.account_id, r.token_hash, $${first}::uuid, ${atSql},
            ${atSql} + make_interval(days => $${first + 1}::int)
       FROM (${rowsSql}) AS r
     RETURNING id, expires_at`;
}

/**
 * The INSERT of a prepared link for the account in `accountSql` (a SELECT of
 * account_id, or a CTE's name), made at `atSql`; $-numbers from `first`:
 * id, token hash, creator key, days.
 */
export function insertLinkSql(accountSql: string, atSql: string, first: number): string {
  return insertLinksSql(
    `SELECT $${first}::uuid AS id, account_id, $${first + 1}::text AS token_hash
       FROM (${accountSql}) AS owner`,
    atSql,
    first + 2,
  );
}

export const insertLinkParams = (link: PreparedLink, createdByKeyId: string | null) => [
  link.id,
  link.tokenHash,
  createdByKeyId,
  link.days,
];

/**
 * Makes a link for `accountId`, written with `q` (so in the caller's
 * transaction: a mutation's, or an e-mail delivery's). `atSql` is the
 * instant it is made, as SQL (the request clock's, or the worker's now()).
 */
export async function mintPortalLink(
  q: Query,
  settings: PortalSettings,
  input: { accountId: string; createdByKeyId: string | null; atSql: string },
): Promise<MintedLink> {
  const link = prepareLink(settings);
  const [row] = await q(insertLinkSql('SELECT $5::uuid AS account_id', input.atSql, 1), [
    ...insertLinkParams(link, input.createdByKeyId),
    input.accountId,
  ]);
  return { id: link.id, url: link.url, expiresAt: row!.expires_at as Date };
}

/**
 * The CUSTOMER behind a portal token, or null: unknown, revoked, or expired
 * at `now` (the gateway's clock). Its keyId is the link's id, the scope
 * rule's handle on its one account (db/read-rules inScopeSql).
 */
export async function viewerForPortalToken(
  ds: DataSource,
  token: string,
  now: Date,
): Promise<Viewer | null> {
  if (!TOKEN.test(token)) return null;
  const rows = await ds.query<{ id: string; accountId: string }[]>(
    `SELECT id, account_id AS "accountId" FROM portal_links
      WHERE token_hash = $1 AND revoked_at IS NULL AND expires_at > $2`,
    [hashSecret(token), now],
  );
  const link = rows[0];
  return link
    ? { role: Role.CUSTOMER, keyId: link.id, name: 'portal link', accountId: link.accountId }
    : null;
}

function settingsOf(ctx: ServiceContext): PortalSettings {
  if (!ctx.portal) throw new Error('the gateway was started without portal settings');
  return ctx.portal;
}

/** The account, if the caller may see it (NOT_FOUND otherwise, as for any id out of scope). */
async function visibleAccount(ctx: ServiceContext, raw: string): Promise<string> {
  const accountId = parseId(raw, 'accountId');
  await ctx.access.assertCanSee(accountId, raw, 'Account');
  return accountId;
}

/** createPortalLink: a new link for an account the caller may see. */
export async function createPortalLink(ctx: ServiceContext, raw: string): Promise<MintedLink> {
  const settings = settingsOf(ctx);
  const accountId = await visibleAccount(ctx, raw);
  return ctx.ds.transaction(async (tx) => {
    const found = await tx.query<unknown[]>(`SELECT 1 FROM accounts WHERE id = $1`, [accountId]);
    if (found.length === 0) throw notFound(raw, 'Account');
    const link = await mintPortalLink((sql, p) => tx.query(sql, p), settings, {
      accountId,
      createdByKeyId: ctx.viewer.keyId,
      atSql: ctx.clock.sql(),
    });
    await recordAudit(tx, ctx, 'createPortalLink', accountId, link.id, {
      expiresAt: link.expiresAt.toISOString(),
    });
    return link;
  });
}

/** revokePortalLinks: every link of the account still working stops at once; how many. */
export async function revokePortalLinks(ctx: ServiceContext, raw: string): Promise<number> {
  const accountId = await visibleAccount(ctx, raw);
  return ctx.ds.transaction(async (tx) => {
    const found = await tx.query<unknown[]>(`SELECT 1 FROM accounts WHERE id = $1`, [accountId]);
    if (found.length === 0) throw notFound(raw, 'Account');
    const at = ctx.clock.sql();
    const [{ revoked }] = await tx.query<[{ revoked: number }]>(
      `WITH r AS (UPDATE portal_links SET revoked_at = ${at}
                   WHERE account_id = $1 AND revoked_at IS NULL AND expires_at > ${at} RETURNING id)
       SELECT count(*)::int AS revoked FROM r`,
      [accountId],
    );
    if (revoked > 0) await recordAudit(tx, ctx, 'revokePortalLinks', accountId, null, { revoked });
    return revoked;
  });
}
