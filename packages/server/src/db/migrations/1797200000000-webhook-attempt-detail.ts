import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per-attempt detail for the Webhooks page (issue 15), as Stripe's dashboard
 * shows each try: the URL the attempt went to (an endpoint's URL can change
 * later), the request headers sent and a few response headers, as
 * [{name, value}] arrays in sending order. The request body is the event's
 * payload, already stored once; the response's excerpt, status, latency and
 * error were recorded before. Rows from before this migration keep nulls.
 */
export class WebhookAttemptDetail1797200000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "webhook_attempts"
      ADD COLUMN "request_url" text,
      ADD COLUMN "request_headers" jsonb,
      ADD COLUMN "response_headers" jsonb`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "webhook_attempts"
      DROP COLUMN "request_url", DROP COLUMN "request_headers", DROP COLUMN "response_headers"`);
  }
}
