import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Step 4: the procedures catalogue (thủ tục hành chính) and its history. Search is accent-insensitive
 * over code, name and field, with the same immutable_unaccent as articles' search and a GIN index on the
 * expression ProceduresService and the portal query ("ho tich" finds "Hộ tịch").
 */
export class Procedures1795444382277 implements MigrationInterface {
  name = 'Procedures1795444382277';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "procedures" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "unit_id" uuid NOT NULL, "code" character varying(60) NOT NULL, "name" character varying(500) NOT NULL, "field" character varying(300) NOT NULL, "level" character varying(200) NOT NULL DEFAULT '', "agency" text NOT NULL DEFAULT '', "applicants" text NOT NULL DEFAULT '', "steps" jsonb NOT NULL DEFAULT '[]', "methods" jsonb NOT NULL DEFAULT '[]', "dossier" jsonb NOT NULL DEFAULT '[]', "dossier_count" character varying(200) NOT NULL DEFAULT '', "time_limit" text NOT NULL DEFAULT '', "fees" text NOT NULL DEFAULT '', "forms" text NOT NULL DEFAULT '', "result" text NOT NULL DEFAULT '', "conditions" text NOT NULL DEFAULT '', "legal_basis" jsonb NOT NULL DEFAULT '[]', "receiving_address" text NOT NULL DEFAULT '', "online_level" character varying(10) NOT NULL DEFAULT 'none', "online_url" character varying(2000), "decision_number" character varying(100) NOT NULL DEFAULT '', "decision_date" date, "decision_issuer" character varying(300) NOT NULL DEFAULT '', "status" character varying(20) NOT NULL DEFAULT 'active', "replaced_by_id" uuid, "status_reason" text, "published_at" TIMESTAMP WITH TIME ZONE, "first_published_at" TIMESTAMP WITH TIME ZONE, "content_hash" character varying(64) NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e7775bab78f27b4c47580b6cb4b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_procedures_unit_field" ON "procedures" ("unit_id", "field") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_procedures_unit_code" ON "procedures" ("unit_id", "code") `,
    );
    await queryRunner.query(
      `CREATE TABLE "procedure_revisions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "unit_id" uuid NOT NULL, "procedure_id" uuid NOT NULL, "version" integer NOT NULL, "action" character varying(30) NOT NULL, "actor_id" uuid, "status" character varying(20) NOT NULL, "changed" text array NOT NULL DEFAULT '{}', "content" jsonb NOT NULL, "reason" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8db05adc95967aa33902617a730" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_procedure_revisions_procedure_version" ON "procedure_revisions" ("procedure_id", "version") `,
    );
    await queryRunner.query(
      `ALTER TABLE "procedures" ADD CONSTRAINT "fk_procedures_unit_id" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "procedures" ADD CONSTRAINT "fk_procedures_replaced_by_id" FOREIGN KEY ("replaced_by_id") REFERENCES "procedures"("id") ON DELETE SET NULL ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "procedure_revisions" ADD CONSTRAINT "fk_procedure_revisions_procedure_id" FOREIGN KEY ("procedure_id") REFERENCES "procedures"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`CREATE FUNCTION procedure_search_document(code text, name text, field text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT
    setweight(to_tsvector('simple', coalesce(code, '')), 'A') ||
    setweight(to_tsvector('simple', public.immutable_unaccent(lower(coalesce(name, '')))), 'A') ||
    setweight(to_tsvector('simple', public.immutable_unaccent(lower(coalesce(field, '')))), 'B') $$`);
    await queryRunner.query(
      `CREATE INDEX "ix_procedures_search" ON "procedures" USING gin (public.procedure_search_document(code, name, field))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_procedures_search"`);
    await queryRunner.query(`DROP FUNCTION procedure_search_document(text, text, text)`);
    await queryRunner.query(
      `ALTER TABLE "procedure_revisions" DROP CONSTRAINT "fk_procedure_revisions_procedure_id"`,
    );
    await queryRunner.query(`ALTER TABLE "procedures" DROP CONSTRAINT "fk_procedures_replaced_by_id"`);
    await queryRunner.query(`ALTER TABLE "procedures" DROP CONSTRAINT "fk_procedures_unit_id"`);
    await queryRunner.query(`DROP INDEX "public"."uq_procedure_revisions_procedure_version"`);
    await queryRunner.query(`DROP TABLE "procedure_revisions"`);
    await queryRunner.query(`DROP INDEX "public"."uq_procedures_unit_code"`);
    await queryRunner.query(`DROP INDEX "public"."ix_procedures_unit_field"`);
    await queryRunner.query(`DROP TABLE "procedures"`);
  }
}
