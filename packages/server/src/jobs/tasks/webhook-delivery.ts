import type { Task } from 'graphile-worker';
import type { PoolClient } from 'pg';
import type { Logger } from 'pino';
import { postWebhook } from '../../webhooks/sender';
import { addJobSql, inTransaction } from '../pg';
import { retryAfterMs } from '../retry';
import { JOBS } from '../../db/read-rules';

export const WEBHOOK_DELIVERY = JOBS.webhookDelivery.name;
export const deliveryJobKey = JOBS.webhookDelivery.key;

export interface WebhookSettings {
  allowLocal: boolean;
  /** Waits after each failed try; its length + 1 is the number of tries. */
  scheduleMs: number[];
  /** An endpoint failing this long (with no success since) is disabled. */
  disableAfterMs: number;
  timeoutMs?: number;
}

export const DISABLE_AFTER_MS = 5 * 24 * 3_600_000;

interface DeliveryRow {
  id: string;
  status: string;
  attempts: number;
  event_id: string;
  payload: object;
  endpoint_id: string;
  url: string;
  secret: string;
  enabled: boolean;
  failing_since: Date | null;
}

/**
 * Delivers one event to one endpoint. The delivery row is locked for the
 * attempt, so two workers never send it at once, and a delivered one is
 * never sent again by a duplicate job. Each attempt is recorded; failures
 * reschedule this job along the retry schedule, honouring Retry-After.
 */
export function webhookDeliveryTask(deps: { settings: WebhookSettings; log: Logger }): Task {
  const { settings } = deps;
  return async (raw, helpers) => {
    const { deliveryId } = raw as { deliveryId: string };
    await helpers.withPgClient((client) =>
      inTransaction(client, async () => {
        const { rows } = await client.query<DeliveryRow>(
          `SELECT d.id, d.status, d.attempts, d.event_id, ev.payload, e.id AS endpoint_id, e.url, e.secret,
                  e.enabled, e.failing_since
             FROM webhook_deliveries d
             JOIN webhook_events ev ON ev.id = d.event_id
             JOIN webhook_endpoints e ON e.id = d.endpoint_id
            WHERE d.id = $1 FOR UPDATE OF d SKIP LOCKED`,
          [deliveryId],
        );
        const d = rows[0];
        if (!d || d.status === 'DELIVERED' || d.status === 'FAILED') return;
        if (!d.enabled) {
          await client.query(
            `UPDATE webhook_deliveries SET status = 'FAILED', last_error = 'endpoint disabled', next_attempt_at = NULL WHERE id = $1`,
            [d.id],
          );
          return;
        }
        const at = new Date();
        const r = await postWebhook({
          url: d.url,
          secret: d.secret,
          msgId: d.event_id,
          body: JSON.stringify(d.payload),
          allowLocal: settings.allowLocal,
          timeoutMs: settings.timeoutMs,
          signal: helpers.abortSignal,
        });
        const attempt = d.attempts + 1;
        await client.query(
          `INSERT INTO webhook_attempts (delivery_id, at, status_code, latency_ms, response_excerpt, error)
           VALUES ($1, $2, $3, $4, $5, $6)`,
          [d.id, at, r.statusCode, r.latencyMs, r.excerpt, r.error],
        );
        const ok = r.statusCode !== null && r.statusCode >= 200 && r.statusCode < 300;
        if (ok) {
          await client.query(
            `UPDATE webhook_deliveries SET status = 'DELIVERED', attempts = $2, delivered_at = now(),
                    last_error = NULL, next_attempt_at = NULL WHERE id = $1`,
            [d.id, attempt],
          );
          await client.query(
            `UPDATE webhook_endpoints SET failing_since = NULL WHERE id = $1 AND failing_since IS NOT NULL`,
            [d.endpoint_id],
          );
          return;
        }
        const reason =
          r.error ?? `HTTP ${r.statusCode}${r.excerpt ? `: ${r.excerpt.slice(0, 200)}` : ''}`;
        if (r.statusCode === 410) {
          // 410 Gone: the receiver says this endpoint no longer exists.
          await disableEndpoint(client, d.endpoint_id, 'the receiver answered 410 Gone');
          await failDelivery(client, d.id, attempt, reason);
          deps.log.info({ endpointId: d.endpoint_id }, 'webhook endpoint disabled after 410');
          return;
        }
        await client.query(
          `UPDATE webhook_endpoints SET failing_since = coalesce(failing_since, $2) WHERE id = $1`,
          [d.endpoint_id, at],
        );
        const failingSince = d.failing_since ?? at;
        if (at.getTime() - failingSince.getTime() >= settings.disableAfterMs) {
          await disableEndpoint(
            client,
            d.endpoint_id,
            `failing since ${failingSince.toISOString()}`,
          );
          deps.log.warn(
            { endpointId: d.endpoint_id, failingSince },
            'webhook endpoint disabled: failing for days',
          );
        }
        if (attempt > settings.scheduleMs.length) {
          await failDelivery(client, d.id, attempt, `gave up after ${attempt} tries: ${reason}`);
          return;
        }
        const wait = Math.max(
          settings.scheduleMs[attempt - 1]!,
          Math.min(retryAfterMs(r.retryAfter, at.getTime()) ?? 0, 24 * 3_600_000),
        );
        const next = new Date(at.getTime() + wait);
        await client.query(
          `UPDATE webhook_deliveries SET status = 'RETRYING', attempts = $2, last_error = $3, next_attempt_at = $4
            WHERE id = $1`,
          [d.id, attempt, reason, next],
        );
        await addJobSql(client, WEBHOOK_DELIVERY, { deliveryId }, deliveryJobKey(d.id), next);
      }),
    );
  };
}

async function failDelivery(
  client: PoolClient,
  id: string,
  attempt: number,
  reason: string,
): Promise<void> {
  await client.query(
    `UPDATE webhook_deliveries SET status = 'FAILED', attempts = $2, last_error = $3, next_attempt_at = NULL WHERE id = $1`,
    [id, attempt, reason],
  );
}

async function disableEndpoint(client: PoolClient, id: string, reason: string): Promise<void> {
  await client.query(
    `UPDATE webhook_endpoints SET enabled = false, disabled_reason = $2, disabled_at = now() WHERE id = $1 AND enabled`,
    [id, reason],
  );
}
