import { randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { recordAudit } from '../audit/audit';
import { badInput, ErrorCode, GatewayError, notFound } from '../common/errors';
import { newId, parseId } from '../common/ids';
import { optionalText, text } from '../common/validate';
import { AccountEntity } from '../accounts/account.entity';
import type { ServiceContext } from '../common/context';
import { Role } from '../policy/enums';
import { WEBHOOK_TEST, webhookEventTypes } from './events';
import { DEFAULT_SECRET_OVERLAP_MS } from './secret-box';
import { MAX_URL_LENGTH, UnsafeUrlError, checkWebhookUrlResolved } from './url-guard';
import type {
  CreateWebhookEndpointInput,
  UpdateWebhookEndpointInput,
  WebhookAttemptType,
  WebhookDeliveryStatus,
  WebhookDeliveryType,
  WebhookEndpointType,
} from './webhook.type';

import { JOBS, addJobSql, inScopeSql } from '../db/read-rules';
import type { ReadScope } from '../common/access';

// Partners manage their own key's endpoints; admins (and, reading, specialists) all.

const ENDPOINT_COLUMNS = `id, url, event_types AS "eventTypes", description, account_ids AS "accountIds",
  enabled, disabled_reason AS "disabledReason", disabled_at AS "disabledAt",
  failing_since AS "failingSince", owner_name AS "ownerName", owner_key_id AS "ownerKeyId",
  created_at AS "createdAt"`;

const DELIVERY_COLUMNS = `d.id, d.event_id AS "eventId", ev.type AS "eventType", ev.account_id AS "accountId",
  d.endpoint_id AS "endpointId", d.status, d.attempts AS "attemptCount",
  d.next_attempt_at AS "nextAttemptAt", d.last_error AS "lastError",
  d.delivered_at AS "deliveredAt", d.created_at AS "createdAt", ev.payload::text AS payload`;

export const DEFAULT_ENDPOINTS_PER_KEY = 10;

function secretBox(ctx: ServiceContext) {
  const box = ctx.outbound?.webhookSecrets;
  if (!box)
    throw new Error('WEBHOOK_SECRET_KEY is not configured: webhook secrets cannot be stored');
  return box;
}

const newSecret = () => `whsec_${randomBytes(24).toString('base64')}`;

function ownerCondition(ctx: Pick<ServiceContext, 'viewer'>, column: string, param: number) {
  return ctx.viewer.role === Role.PARTNER
    ? { sql: `${column} = $${param}`, params: [ctx.viewer.keyId] }
    : { sql: 'TRUE', params: [] };
}

async function checkUrl(ctx: ServiceContext, raw: string): Promise<string> {
  // The URL parser would quietly drop tabs and line breaks; refuse them instead.
  const url = text(raw, 'url', { max: MAX_URL_LENGTH });
  try {
    const allowLocal = ctx.outbound?.webhookAllowLocal ?? false;
    // Stored as the parser writes it: non-ASCII is percent-encoded, so the
    // bound (the column's) applies to that form, not to what was typed.
    const normalized = (await checkWebhookUrlResolved(url, allowLocal)).toString();
    if (normalized.length > MAX_URL_LENGTH)
      throw badInput(
        'url',
        `url must be at most ${MAX_URL_LENGTH} characters once percent-encoded (${normalized.length}).`,
      );
    return normalized;
  } catch (err) {
    if (err instanceof UnsafeUrlError) throw badInput('url', err.message);
    throw err;
  }
}

function checkEventTypes(types: string[]): string[] {
  const known = webhookEventTypes();
  if (types.length === 0)
    throw badInput('eventTypes', 'eventTypes must name at least one event type.');
  const unknown = types.find((t) => !known.includes(t));
  // Not `if (unknown)`: an empty name is unknown too, and falsy.
  if (unknown !== undefined)
    throw badInput('eventTypes', `Unknown event type "${unknown}"; known: ${known.join(', ')}.`);
  return [...new Set(types)];
}

function checkDescription(d: string | null | undefined): string | null {
  return optionalText(d, 'description', { max: 500, min: 0 }) || null;
}

async function checkAccounts(ctx: ServiceContext, ids: string[] | null | undefined) {
  if (!ids) return null;
  if (ids.length === 0)
    throw badInput('accountIds', 'accountIds, when given, names at least one account.');
  for (const raw of ids) {
    const id = parseId(raw, 'accountIds');
    const exists = await ctx.ds.manager.existsBy(AccountEntity, { id });
    if (!exists) throw notFound(id, 'Account');
    await ctx.access.assertCanSee(id, id, 'Account');
  }
  return [...new Set(ids.map((id) => id.toLowerCase()))];
}

/** The caller's endpoints (a partner's own key's; staff all), newest first. */
export function endpointsQuery(ctx: Pick<ServiceContext, 'viewer'>): {
  sql: string;
  params: unknown[];
} {
  const own = ownerCondition(ctx, 'owner_key_id', 1);
  return {
    sql: `SELECT ${ENDPOINT_COLUMNS} FROM webhook_endpoints WHERE ${own.sql} ORDER BY created_at DESC, id`,
    params: own.params,
  };
}

export async function listEndpoints(ctx: ServiceContext): Promise<WebhookEndpointType[]> {
  const q = endpointsQuery(ctx);
  return ctx.ds.query(q.sql, q.params);
}

async function findEndpoint(
  ctx: ServiceContext,
  raw: string,
  field = 'id',
): Promise<WebhookEndpointType> {
  const id = parseId(raw, field);
  const own = ownerCondition(ctx, 'owner_key_id', 2);
  const rows = await ctx.ds.query<WebhookEndpointType[]>(
    `SELECT ${ENDPOINT_COLUMNS} FROM webhook_endpoints WHERE id = $1 AND ${own.sql}`,
    [id, ...own.params],
  );
  if (!rows[0]) throw notFound(id, 'WebhookEndpoint');
  return rows[0];
}

export async function createEndpoint(ctx: ServiceContext, input: CreateWebhookEndpointInput) {
  const eventTypes = checkEventTypes(input.eventTypes);
  const description = checkDescription(input.description);
  const accountIds = await checkAccounts(ctx, input.accountIds);
  const url = await checkUrl(ctx, input.url);
  const id = newId();
  const secret = newSecret();
  const sealed = secretBox(ctx).seal(secret);
  await ctx.ds.transaction(async (tx) => {
    await assertEndpointRoom(tx, ctx);
    await tx.query(
      `INSERT INTO webhook_endpoints (id, owner_key_id, owner_role, owner_name, url, description, event_types,
                                      account_ids, secret)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        id,
        ctx.viewer.keyId,
        ctx.viewer.role,
        ctx.viewer.name,
        url,
        description,
        eventTypes,
        accountIds,
        sealed,
      ],
    );
    await recordAudit(tx, ctx, 'createWebhookEndpoint', null, id, { url, eventTypes });
  });
  return { endpoint: await findEndpoint(ctx, id), secret };
}

/**
 * WEBHOOK_ENDPOINTS_PER_KEY: a stored key's endpoints, counted under a lock on
 * that key so concurrent creates cannot both slip under the cap. The
 * operator's bootstrap key (ADMIN_KEY, no stored key) is not capped.
 */
async function assertEndpointRoom(tx: EntityManager, ctx: ServiceContext): Promise<void> {
  const key = ctx.viewer.keyId;
  if (!key) return;
  const limit = ctx.outbound?.webhookEndpointsPerKey ?? DEFAULT_ENDPOINTS_PER_KEY;
  await tx.query(`SELECT pg_advisory_xact_lock(hashtext('webhook-endpoints:' || $1::text))`, [key]);
  const [{ n }] = await tx.query<[{ n: number }]>(
    `SELECT count(*)::int AS n FROM webhook_endpoints WHERE owner_key_id = $1`,
    [key],
  );
  if (n >= limit)
    throw new GatewayError(
      ErrorCode.BAD_USER_INPUT,
      `This key already has ${n} webhook endpoints, the most it may register (${limit}); delete one first.`,
      { field: 'url', limit },
    );
}

export async function updateEndpoint(ctx: ServiceContext, input: UpdateWebhookEndpointInput) {
  const current = await findEndpoint(ctx, input.id);
  const url = input.url != null ? await checkUrl(ctx, input.url) : current.url;
  const eventTypes =
    input.eventTypes != null ? checkEventTypes(input.eventTypes) : current.eventTypes;
  const description =
    input.description !== undefined ? checkDescription(input.description) : current.description;
  const enabled = input.enabled ?? current.enabled;
  await ctx.ds.transaction(async (tx) => {
    await tx.query(
      `UPDATE webhook_endpoints SET url = $2, event_types = $3, description = $4, enabled = $5,
              disabled_reason = CASE WHEN $5 THEN NULL WHEN enabled THEN 'disabled by ' || $6 ELSE disabled_reason END,
              disabled_at = CASE WHEN $5 THEN NULL WHEN enabled THEN now() ELSE disabled_at END,
              failing_since = CASE WHEN $5 AND NOT enabled THEN NULL ELSE failing_since END
        WHERE id = $1`,
      [current.id, url, eventTypes, description, enabled, ctx.viewer.name],
    );
    await recordAudit(tx, ctx, 'updateWebhookEndpoint', null, current.id, {
      url,
      eventTypes,
      enabled,
    });
  });
  return findEndpoint(ctx, current.id);
}

export async function deleteEndpoint(ctx: ServiceContext, id: string): Promise<string> {
  const current = await findEndpoint(ctx, id);
  await ctx.ds.transaction(async (tx) => {
    await tx.query(`DELETE FROM webhook_endpoints WHERE id = $1`, [current.id]);
    await recordAudit(tx, ctx, 'deleteWebhookEndpoint', null, current.id);
  });
  return current.id;
}

/**
 * A new secret; the one it replaces still signs beside it for the overlap
 * (WEBHOOK_SECRET_OVERLAP_HOURS, on the request's clock), so receivers can
 * switch without a gap. A second rotation within the overlap drops the first
 * secret at once: only the one just replaced is kept.
 */
export async function rotateSecret(ctx: ServiceContext, id: string) {
  const current = await findEndpoint(ctx, id);
  const secret = newSecret();
  const sealed = secretBox(ctx).seal(secret);
  const overlapMs = ctx.outbound?.webhookSecretOverlapMs ?? DEFAULT_SECRET_OVERLAP_MS;
  const until = new Date(ctx.now.getTime() + overlapMs);
  await ctx.ds.transaction(async (tx) => {
    await tx.query(
      `UPDATE webhook_endpoints
          SET previous_secret = CASE WHEN $3::bigint > 0 THEN secret END,
              previous_secret_until = CASE WHEN $3::bigint > 0 THEN $4::timestamptz END,
              secret = $2
        WHERE id = $1`,
      [current.id, sealed, overlapMs, until],
    );
    await recordAudit(tx, ctx, 'rotateWebhookSecret', null, current.id);
  });
  return { endpoint: current, secret };
}

/**
 * An endpoint's deliveries, newest first: `endpointId` is SQL (a placeholder
 * or, in a compiled read, the endpoint row's column). A partner reads only
 * the events of accounts still in its scope: one removed from it takes its
 * old payloads along.
 */
export function deliveriesQuery(
  ctx: ReadScope,
  endpointId: string,
  first: number,
  status: WebhookDeliveryStatus | null,
): { sql: string; params: unknown[] } {
  const params: unknown[] = [status, Math.min(Math.max(first, 1), 100)];
  const scoped = ctx.access.scoped
    ? `AND (${inScopeSql(`$${params.push(ctx.viewer.keyId)}`, 'ev.account_id')}
            OR (ev.type = '${WEBHOOK_TEST}' AND ev.account_id IS NULL))`
    : '';
  return {
    sql: `SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries d JOIN webhook_events ev ON ev.id = d.event_id
      WHERE d.endpoint_id = ${endpointId} AND ($1::text IS NULL OR d.status = $1) ${scoped}
      ORDER BY d.created_at DESC, d.id LIMIT $2`,
    params,
  };
}

export async function listDeliveries(
  ctx: ServiceContext,
  endpoint: WebhookEndpointType,
  first: number,
  status: WebhookDeliveryStatus | null,
): Promise<WebhookDeliveryType[]> {
  const q = deliveriesQuery(ctx, `$${3 + (ctx.access.scoped ? 1 : 0)}`, first, status);
  return ctx.ds.query(q.sql, [...q.params, endpoint.id]);
}

/** A delivery's tries, oldest first: `deliveryId` is SQL, as for deliveriesQuery. */
export const attemptsSql = (deliveryId: string) =>
  `SELECT id, at, status_code AS "statusCode", latency_ms AS "latencyMs",
          response_excerpt AS "responseExcerpt", error, request_url AS "requestUrl",
          request_headers AS "requestHeaders", response_headers AS "responseHeaders"
     FROM webhook_attempts WHERE delivery_id = ${deliveryId} ORDER BY id`;

export async function listAttempts(
  ctx: ServiceContext,
  deliveryId: string,
): Promise<WebhookAttemptType[]> {
  return ctx.ds.query(attemptsSql('$1'), [deliveryId]);
}

/**
 * Sends a `webhook.test` event to this one endpoint, whatever it subscribes
 * to: a new event (accountId null) and one delivery, enqueued like every
 * other on the endpoint's queue, so it is signed, retried and logged the same
 * way. A disabled endpoint is refused, as for a replay: the worker would drop
 * the delivery unsent.
 */
export async function sendTestEvent(
  ctx: ServiceContext,
  endpointId: string,
): Promise<WebhookDeliveryType> {
  const endpoint = await findEndpoint(ctx, endpointId, 'endpointId');
  if (!endpoint.enabled)
    throw badInput(
      'endpointId',
      'The endpoint is disabled: enable it (updateWebhookEndpoint) before sending a test event.',
    );
  const eventId = newId();
  const deliveryId = newId();
  await ctx.ds.transaction(async (tx) => {
    await tx.query(
      `INSERT INTO webhook_events (id, type, account_id, payload, created_at)
       SELECT ev.id, ev.type, NULL,
              jsonb_build_object('id', ev.id, 'type', ev.type, 'timestamp', api_time(ev.at),
                                 'accountId', NULL, 'data',
                                 jsonb_build_object('endpointId', ev.endpoint, 'requestedBy', ev.by,
                                                    'message', 'A test event sent from the gateway.')),
              ev.at
         FROM (SELECT $1::uuid AS id, $2::text AS type, $3::timestamptz AS at, $4::uuid AS endpoint,
                      $5::text AS by) ev`,
      [eventId, WEBHOOK_TEST, ctx.now, endpoint.id, ctx.viewer.name],
    );
    await tx.query(
      `INSERT INTO webhook_deliveries (id, event_id, endpoint_id) VALUES ($1, $2, $3)`,
      [deliveryId, eventId, endpoint.id],
    );
    await tx.query(
      `SELECT ${addJobSql(JOBS.webhookDelivery, 'deliveryId', '$1::text', { queueIdSql: '$2::text' })}`,
      [deliveryId, endpoint.id],
    );
    await recordAudit(tx, ctx, 'sendTestWebhook', null, endpoint.id, { deliveryId });
  });
  const rows = await ctx.ds.query<WebhookDeliveryType[]>(
    `SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries d JOIN webhook_events ev ON ev.id = d.event_id
      WHERE d.id = $1`,
    [deliveryId],
  );
  return rows[0]!;
}

/** Sends a delivery again from the start of the retry schedule (staff, or the endpoint's owner). */
export async function replayDelivery(
  ctx: ServiceContext,
  raw: string,
): Promise<WebhookDeliveryType> {
  const id = parseId(raw, 'id');
  const own = ownerCondition(ctx, 'e.owner_key_id', 2);
  const found = await ctx.ds.query<
    { id: string; enabled: boolean; endpointId: string; silenced: string | null }[]
  >(
    `SELECT d.id, e.enabled, e.id AS "endpointId", webhook_silenced(e.id, ev.account_id) AS silenced
       FROM webhook_deliveries d JOIN webhook_endpoints e ON e.id = d.endpoint_id
       JOIN webhook_events ev ON ev.id = d.event_id
      WHERE d.id = $1 AND ${own.sql}`,
    [id, ...own.params],
  );
  if (!found[0]) throw notFound(id, 'WebhookDelivery');
  // A partner never sees a delivery about an account it has lost.
  if (ctx.viewer.role === Role.PARTNER && found[0].silenced) throw notFound(id, 'WebhookDelivery');
  const silenced = found[0].silenced;
  if (!found[0].enabled)
    throw badInput(
      'id',
      'The endpoint is disabled: enable it (updateWebhookEndpoint) before a replay.',
    );
  await ctx.ds.transaction(async (tx) => {
    if (silenced) {
      // Revoked or de-scoped: the replay is refused by recording it dropped, never sent.
      await tx.query(
        `UPDATE webhook_deliveries SET status = 'FAILED', next_attempt_at = NULL, last_error = $2
          WHERE id = $1`,
        [id, `replay dropped unsent: ${silenced}`],
      );
    } else {
      await tx.query(
        `UPDATE webhook_deliveries SET status = 'PENDING', attempts = 0, next_attempt_at = NULL, last_error = NULL,
                delivered_at = NULL WHERE id = $1`,
        [id],
      );
      await tx.query(
        `SELECT ${addJobSql(JOBS.webhookDelivery, 'deliveryId', '$1::text', { queueIdSql: '$2::text' })}`,
        [id, found[0]!.endpointId],
      );
    }
    await recordAudit(
      tx,
      ctx,
      'replayWebhookDelivery',
      null,
      id,
      silenced ? { dropped: silenced } : {},
    );
  });
  const rows = await ctx.ds.query<WebhookDeliveryType[]>(
    `SELECT ${DELIVERY_COLUMNS} FROM webhook_deliveries d JOIN webhook_events ev ON ev.id = d.event_id
      WHERE d.id = $1`,
    [id],
  );
  return rows[0]!;
}
