import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Step 4: procedure imports run as jobs (large files, the admin app's wizard). The uploaded file is kept
 * with the job until its import has run; progress and the result are read by the wizard.
 */
export class ProcedureImports1796157134920 implements MigrationInterface {
  name = 'ProcedureImports1796157134920';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "procedure_imports" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "unit_id" uuid NOT NULL, "created_by" uuid, "file_name" character varying(300) NOT NULL, "format" character varying(10) NOT NULL, "file" bytea, "dry_run" boolean NOT NULL, "confirms_id" uuid, "status" character varying(20) NOT NULL DEFAULT 'queued', "total" integer NOT NULL, "processed" integer NOT NULL DEFAULT '0', "result" jsonb, "error" text, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "started_at" TIMESTAMP WITH TIME ZONE, "finished_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_19422411e4393733cc372edc38b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_procedure_imports_unit_created" ON "procedure_imports" ("unit_id", "created_at") `,
    );
    await queryRunner.query(
      `ALTER TABLE "procedure_imports" ADD CONSTRAINT "fk_procedure_imports_unit_id" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "procedure_imports" DROP CONSTRAINT "fk_procedure_imports_unit_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_procedure_imports_unit_created"`);
    await queryRunner.query(`DROP TABLE "procedure_imports"`);
  }
}
