import type { MigrationInterface, QueryRunner } from 'typeorm';

// Sharding groundwork (docs/scaling.md): the (account_id, id) indexes of the
// tables other account tables point at become unique, the key composite
// foreign keys can reference once tables are distributed by account_id.
// Free: id alone is already the primary key, so no row can violate them.

export class CitusReadyKeys1796117634449 implements MigrationInterface {
  name = 'CitusReadyKeys1796117634449';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."refunds_account_idx"`);
    await queryRunner.query(`DROP INDEX "public"."licenses_account_idx"`);
    await queryRunner.query(`DROP INDEX "public"."tickets_account_idx"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "refunds_account_id_uq" ON "refunds"  ("account_id", "id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "licenses_account_id_uq" ON "licenses"  ("account_id", "id") `,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "tickets_account_id_uq" ON "tickets"  ("account_id", "id") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."tickets_account_id_uq"`);
    await queryRunner.query(`DROP INDEX "public"."licenses_account_id_uq"`);
    await queryRunner.query(`DROP INDEX "public"."refunds_account_id_uq"`);
    await queryRunner.query(
      `CREATE INDEX "tickets_account_idx" ON "tickets" USING btree ("account_id", "id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "licenses_account_idx" ON "licenses" USING btree ("account_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "refunds_account_idx" ON "refunds" USING btree ("account_id", "id") `,
    );
  }
}
