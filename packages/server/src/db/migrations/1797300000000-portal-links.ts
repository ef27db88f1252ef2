import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Customer portal links (issue 16): a random token per link, only its
 * SHA-256 kept (as for API keys), for one account, until it expires or is
 * revoked. The CUSTOMER role is what a request presenting a link
 * authenticates as; no API key ever holds it (createApiKey refuses it).
 */
export class PortalLinks1797300000000 implements MigrationInterface {
  async up(q: QueryRunner): Promise<void> {
    // Not used in this transaction, which Postgres requires of a new enum value.
    await q.query(`ALTER TYPE "role" ADD VALUE IF NOT EXISTS 'CUSTOMER'`);
    await q.query(`
      CREATE TABLE portal_links (
        id uuid PRIMARY KEY,
        account_id uuid NOT NULL REFERENCES accounts (id),
        token_hash char(64) NOT NULL,
        -- The API key that made it (createPortalLink); null: the system (an e-mail's link).
        created_by_key_id uuid REFERENCES api_keys (id),
        created_at timestamptz NOT NULL,
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz,
        CHECK (expires_at > created_at)
      )`);
    await q.query(`CREATE UNIQUE INDEX portal_links_token_hash_uq ON portal_links (token_hash)`);
    // revokePortalLinks: an account's links still in force.
    await q.query(
      `CREATE INDEX portal_links_account_idx ON portal_links (account_id) WHERE revoked_at IS NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE portal_links`);
    // Postgres cannot drop an enum value; CUSTOMER stays, unused.
  }
}
