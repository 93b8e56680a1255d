import { MigrationInterface, QueryRunner } from 'typeorm';

/** Step 8: the written parts of a unit's annual report per year (sections, Nơi nhận, figures changed by hand with why). */

export class ReportTexts1796280244595 implements MigrationInterface {
  name = 'ReportTexts1796280244595';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "report_texts" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "unit_id" uuid NOT NULL, "year" smallint NOT NULL, "template" character varying(50) NOT NULL, "sections" jsonb NOT NULL, "recipients" jsonb NOT NULL, "overrides" jsonb NOT NULL, "updated_by" uuid NOT NULL, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a840b6ca78ebca1b149132d331a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_report_texts_unit_year_template" ON "report_texts" ("unit_id", "year", "template") `,
    );
    await queryRunner.query(
      `ALTER TABLE "report_texts" ADD CONSTRAINT "fk_report_texts_unit_id" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "report_texts" DROP CONSTRAINT "fk_report_texts_unit_id"`);
    await queryRunner.query(`DROP INDEX "public"."uq_report_texts_unit_year_template"`);
    await queryRunner.query(`DROP TABLE "report_texts"`);
  }
}
