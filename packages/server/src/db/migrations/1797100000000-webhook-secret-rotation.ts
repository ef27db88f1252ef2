import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhook secrets at rest and rotation with an overlap (issue 19, finding 13).
 * `secret` now holds `v1:` + AES-256-GCM under WEBHOOK_SECRET_KEY; rows from
 * before stay in clear until the gateway or worker seals them at start-up
 * (a migration cannot count on the key being in its environment). After a
 * rotation the previous secret signs beside the new one until
 * previous_secret_until, so receivers can switch without a gap.
 */
export class WebhookSecretRotation1797100000000 implements MigrationInterface {
  name = 'WebhookSecretRotation1797100000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE webhook_endpoints
        ADD COLUMN previous_secret text,
        ADD COLUMN previous_secret_until timestamptz,
        ADD CONSTRAINT webhook_endpoints_previous_secret_pair
          CHECK ((previous_secret IS NULL) = (previous_secret_until IS NULL))
    `);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE webhook_endpoints
        DROP CONSTRAINT webhook_endpoints_previous_secret_pair,
        DROP COLUMN previous_secret_until,
        DROP COLUMN previous_secret
    `);
  }
}
