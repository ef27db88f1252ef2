import type { MigrationInterface, QueryRunner } from 'typeorm';

// Written by hand: the counters rate-limiter-flexible's RateLimiterPostgres
// keeps (its own column layout), so every gateway on the database shares one
// budget per API key. UNLOGGED: counters need not survive a crash, and skip
// the WAL on every request.
export class RateLimits1795743100000 implements MigrationInterface {
  name = 'RateLimits1795743100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE UNLOGGED TABLE "rate_limits" ("key" varchar(255) PRIMARY KEY, "points" integer NOT NULL DEFAULT 0, "expire" bigint)`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "rate_limits"`);
  }
}
