import type { MigrationInterface, QueryRunner } from 'typeorm';

// When a key was last used, written at most once a minute per key (see
// viewerForSecret), so the dashboard can show stale keys worth revoking.
export class ApiKeyLastUsed1796116016540 implements MigrationInterface {
  name = 'ApiKeyLastUsed1796116016540';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "api_keys" ADD "last_used_at" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "api_keys" DROP COLUMN "last_used_at"`);
  }
}
