import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1795742903798 implements MigrationInterface {
  name = 'InitialSchema1795742903798';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "accounts" ("id" uuid NOT NULL, "name" character varying(200) NOT NULL, "email" character varying(320) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5a7a02c20412299d198e097a8fe" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "accounts_name_idx" ON "accounts"  ("name") `);
    await queryRunner.query(
      `CREATE TABLE "audit_events" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "account_id" uuid, "api_key_id" uuid, "actor" character varying(200) NOT NULL, "action" character varying(100) NOT NULL, "target_id" character varying(100), "request_id" character varying(100) NOT NULL, "details" jsonb NOT NULL DEFAULT '{}', "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_910f64d901a5c3e9878f0d4a407" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "audit_events_account_idx" ON "audit_events"  ("account_id", "id") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."role" AS ENUM('ADMIN', 'SPECIALIST', 'PARTNER', 'ANALYST')`,
    );
    await queryRunner.query(
      `CREATE TABLE "api_keys" ("id" uuid NOT NULL, "name" character varying(200) NOT NULL, "role" "public"."role" NOT NULL, "prefix" character varying(32) NOT NULL, "secret_hash" character(64) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_5c8a79801b44bd27b79228e1dad" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "api_keys_secret_hash_uq" ON "api_keys"  ("secret_hash") `,
    );
    await queryRunner.query(
      `CREATE TABLE "api_key_accounts" ("api_key_id" uuid NOT NULL, "account_id" uuid NOT NULL, CONSTRAINT "PK_a7d66890341c9554218d5819468" PRIMARY KEY ("api_key_id", "account_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "api_key_accounts_account_idx" ON "api_key_accounts"  ("account_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "allocations" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "account_id" uuid NOT NULL, "charge_id" uuid, "refund_id" uuid, "lot_id" uuid NOT NULL, "credits" integer NOT NULL, CONSTRAINT "allocations_owner_check" CHECK (("charge_id" IS NULL) <> ("refund_id" IS NULL)), CONSTRAINT "allocations_credits_check" CHECK ("credits" > 0), CONSTRAINT "PK_ca63099fc248466264af0fa6f1f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "allocations_refund_idx" ON "allocations"  ("refund_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "allocations_charge_idx" ON "allocations"  ("charge_id") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."ticket_category" AS ENUM('GENERAL_ISSUE', 'WARRANTY', 'BUG_REPORT', 'QUOTE_REQUEST', 'FEATURE_DESCRIPTION', 'SETUP', 'DOMAIN_CHANGE', 'SIMPLE_CUSTOMIZATION', 'ROOT_CAUSE_ANALYSIS', 'ROOT_CAUSE_DEBUGGING', 'HOSTING_ISSUE', 'EDITION_UPGRADE', 'CLARIFICATION')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."edition" AS ENUM('FREE', 'LEASED', 'OWNED', 'SAAS')`,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."hosting_plan" AS ENUM('BASIC', 'STANDARD', 'PROFESSIONAL')`,
    );
    await queryRunner.query(
      `CREATE TABLE "charges" ("id" uuid NOT NULL, "account_id" uuid NOT NULL, "ticket_id" uuid NOT NULL, "credits" integer NOT NULL, "included" boolean NOT NULL, "balance_after" integer NOT NULL, "idempotency_key" character varying(200), "category" "public"."ticket_category" NOT NULL, "edition" "public"."edition" NOT NULL, "hosting_plan" "public"."hosting_plan", "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "charges_credits_check" CHECK ("credits" >= 0 AND "balance_after" >= 0), CONSTRAINT "PK_0c6feb10df0fa460714f8464dce" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "charges_ticket_uq" ON "charges"  ("ticket_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "charges_idempotency_key_uq" ON "charges"  ("idempotency_key") WHERE "idempotency_key" IS NOT NULL`,
    );
    await queryRunner.query(`CREATE INDEX "charges_created_idx" ON "charges"  ("created_at") `);
    await queryRunner.query(
      `CREATE INDEX "charges_account_idx" ON "charges"  ("account_id", "id") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."lot_source" AS ENUM('LICENSE_GRANT', 'PURCHASE', 'REFUND')`,
    );
    await queryRunner.query(
      `CREATE TABLE "credit_lots" ("id" uuid NOT NULL, "account_id" uuid NOT NULL, "source" "public"."lot_source" NOT NULL, "license_id" uuid, "payment_reference" character varying(200), "refund_id" uuid, "original_credits" integer NOT NULL, "remaining_credits" integer NOT NULL, "spent_credits" integer NOT NULL DEFAULT '0', "refunded_credits" integer NOT NULL DEFAULT '0', "expired_credits" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE, "expiry_recorded_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "credit_lots_balance_check" CHECK ("original_credits" + "refunded_credits" = "remaining_credits" + "spent_credits" + "expired_credits"), CONSTRAINT "credit_lots_counters_check" CHECK ("original_credits" > 0 AND "spent_credits" >= 0 AND "refunded_credits" >= 0 AND "expired_credits" >= 0), CONSTRAINT "credit_lots_remaining_check" CHECK ("remaining_credits" >= 0), CONSTRAINT "PK_ca7cbd9b66b4c21da03927836f5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "credit_lots_license_uq" ON "credit_lots"  ("license_id") WHERE "license_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "credit_lots_payment_reference_uq" ON "credit_lots"  ("payment_reference") WHERE "payment_reference" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "credit_lots_spendable_idx" ON "credit_lots"  ("account_id", "expires_at") `,
    );
    await queryRunner.query(
      `CREATE TYPE "public"."ledger_entry_kind" AS ENUM('GRANT', 'PURCHASE', 'CHARGE', 'REFUND', 'EXPIRY')`,
    );
    await queryRunner.query(
      `CREATE TABLE "ledger_entries" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "account_id" uuid NOT NULL, "lot_id" uuid NOT NULL, "kind" "public"."ledger_entry_kind" NOT NULL, "credits" integer NOT NULL, "ticket_id" uuid, "charge_id" uuid, "refund_id" uuid, "at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_6efcb84411d3f08b08450ae75d5" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ledger_entries_lot_idx" ON "ledger_entries"  ("lot_id", "at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ledger_entries_account_idx" ON "ledger_entries"  ("account_id", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "refunds" ("id" uuid NOT NULL, "account_id" uuid NOT NULL, "ticket_id" uuid NOT NULL, "charge_id" uuid NOT NULL, "credits" integer NOT NULL, "reason" character varying(2000) NOT NULL, "balance_after" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "refunds_credits_check" CHECK ("credits" > 0 AND "balance_after" >= 0), CONSTRAINT "PK_5106efb01eeda7e49a78b869738" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "refunds_ticket_uq" ON "refunds"  ("ticket_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "refunds_charge_uq" ON "refunds"  ("charge_id") `);
    await queryRunner.query(
      `CREATE INDEX "refunds_account_idx" ON "refunds"  ("account_id", "id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "licenses" ("id" uuid NOT NULL, "account_id" uuid NOT NULL, "edition" "public"."edition" NOT NULL, "hosting_plan" "public"."hosting_plan", "domain" character varying(253) NOT NULL, "order_date" TIMESTAMP WITH TIME ZONE NOT NULL, "list_price_cents" integer NOT NULL, "paid_price_cents" integer NOT NULL, "credits_granted" integer NOT NULL, "grant_note" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "licenses_granted_check" CHECK ("credits_granted" >= 0), CONSTRAINT "licenses_plan_check" CHECK (("edition" = 'SAAS') = ("hosting_plan" IS NOT NULL)), CONSTRAINT "licenses_prices_check" CHECK ("list_price_cents" >= 0 AND "paid_price_cents" >= 0 AND "paid_price_cents" <= "list_price_cents"), CONSTRAINT "PK_da5021501ce80efa03de6f40086" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "licenses_account_idx" ON "licenses"  ("account_id") `);
    await queryRunner.query(
      `CREATE TABLE "outbox" ("id" uuid NOT NULL, "account_id" uuid NOT NULL, "topic" character varying(100) NOT NULL, "payload" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "delivered_at" TIMESTAMP WITH TIME ZONE, "attempts" integer NOT NULL DEFAULT '0', CONSTRAINT "PK_340ab539f309f03bdaa14aa7649" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "outbox_pending_idx" ON "outbox"  ("id") WHERE "delivered_at" IS NULL`,
    );
    await queryRunner.query(`CREATE INDEX "outbox_account_idx" ON "outbox"  ("account_id", "id") `);
    await queryRunner.query(`CREATE TYPE "public"."support_level" AS ENUM('LEVEL_1', 'LEVEL_2')`);
    await queryRunner.query(
      `CREATE TYPE "public"."ticket_status" AS ENUM('OPEN', 'CHARGED', 'REFUNDED')`,
    );
    await queryRunner.query(
      `CREATE TABLE "tickets" ("id" uuid NOT NULL, "account_id" uuid NOT NULL, "license_id" uuid NOT NULL, "category" "public"."ticket_category" NOT NULL, "level" "public"."support_level" NOT NULL, "subject" character varying(500) NOT NULL, "status" "public"."ticket_status" NOT NULL DEFAULT 'OPEN', "price_min" integer NOT NULL, "price_max" integer NOT NULL, "opened_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "tickets_price_check" CHECK ("price_min" >= 0 AND "price_min" <= "price_max"), CONSTRAINT "PK_343bc942ae261cf7a1377f48fd0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "tickets_license_idx" ON "tickets"  ("license_id") `);
    await queryRunner.query(
      `CREATE INDEX "tickets_account_idx" ON "tickets"  ("account_id", "id") `,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."tickets_account_idx"`);
    await queryRunner.query(`DROP INDEX "public"."tickets_license_idx"`);
    await queryRunner.query(`DROP TABLE "tickets"`);
    await queryRunner.query(`DROP TYPE "public"."ticket_status"`);
    await queryRunner.query(`DROP TYPE "public"."support_level"`);
    await queryRunner.query(`DROP INDEX "public"."outbox_account_idx"`);
    await queryRunner.query(`DROP INDEX "public"."outbox_pending_idx"`);
    await queryRunner.query(`DROP TABLE "outbox"`);
    await queryRunner.query(`DROP INDEX "public"."licenses_account_idx"`);
    await queryRunner.query(`DROP TABLE "licenses"`);
    await queryRunner.query(`DROP INDEX "public"."refunds_account_idx"`);
    await queryRunner.query(`DROP INDEX "public"."refunds_charge_uq"`);
    await queryRunner.query(`DROP INDEX "public"."refunds_ticket_uq"`);
    await queryRunner.query(`DROP TABLE "refunds"`);
    await queryRunner.query(`DROP INDEX "public"."ledger_entries_account_idx"`);
    await queryRunner.query(`DROP INDEX "public"."ledger_entries_lot_idx"`);
    await queryRunner.query(`DROP TABLE "ledger_entries"`);
    await queryRunner.query(`DROP TYPE "public"."ledger_entry_kind"`);
    await queryRunner.query(`DROP INDEX "public"."credit_lots_spendable_idx"`);
    await queryRunner.query(`DROP INDEX "public"."credit_lots_payment_reference_uq"`);
    await queryRunner.query(`DROP INDEX "public"."credit_lots_license_uq"`);
    await queryRunner.query(`DROP TABLE "credit_lots"`);
    await queryRunner.query(`DROP TYPE "public"."lot_source"`);
    await queryRunner.query(`DROP INDEX "public"."charges_account_idx"`);
    await queryRunner.query(`DROP INDEX "public"."charges_created_idx"`);
    await queryRunner.query(`DROP INDEX "public"."charges_idempotency_key_uq"`);
    await queryRunner.query(`DROP INDEX "public"."charges_ticket_uq"`);
    await queryRunner.query(`DROP TABLE "charges"`);
    await queryRunner.query(`DROP TYPE "public"."hosting_plan"`);
    await queryRunner.query(`DROP TYPE "public"."edition"`);
    await queryRunner.query(`DROP TYPE "public"."ticket_category"`);
    await queryRunner.query(`DROP INDEX "public"."allocations_charge_idx"`);
    await queryRunner.query(`DROP INDEX "public"."allocations_refund_idx"`);
    await queryRunner.query(`DROP TABLE "allocations"`);
    await queryRunner.query(`DROP INDEX "public"."api_key_accounts_account_idx"`);
    await queryRunner.query(`DROP TABLE "api_key_accounts"`);
    await queryRunner.query(`DROP INDEX "public"."api_keys_secret_hash_uq"`);
    await queryRunner.query(`DROP TABLE "api_keys"`);
    await queryRunner.query(`DROP TYPE "public"."role"`);
    await queryRunner.query(`DROP INDEX "public"."audit_events_account_idx"`);
    await queryRunner.query(`DROP TABLE "audit_events"`);
    await queryRunner.query(`DROP INDEX "public"."accounts_name_idx"`);
    await queryRunner.query(`DROP TABLE "accounts"`);
  }
}
