import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Step 8: what report writers type in (activities with a day and quantity) and the unit's propaganda plans
 * (kế hoạch tuyên truyền) with tasks measured by summary figures. The counts themselves are read from the
 * evidence log; nothing here copies them.
 */

export class Reports1796279459982 implements MigrationInterface {
  name = 'Reports1796279459982';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "propaganda_plans" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "unit_id" uuid NOT NULL, "year" smallint NOT NULL, "number" character varying(50) NOT NULL, "issued_on" date NOT NULL, "title" character varying(500) NOT NULL, "tasks" jsonb NOT NULL, "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_bf54830296f91b3df5725c05502" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_propaganda_plans_unit_year_number" ON "propaganda_plans" ("unit_id", "year", "number") `,
    );
    await queryRunner.query(
      `CREATE TABLE "report_activities" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "unit_id" uuid NOT NULL, "kind" character varying(30) NOT NULL, "date" date NOT NULL, "quantity" integer NOT NULL, "description" character varying(1000), "created_by" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_report_activities_quantity" CHECK (quantity > 0), CONSTRAINT "ck_report_activities_kind" CHECK (kind IN ('conference','one_stop_guidance','banner','leaflet','other')), CONSTRAINT "PK_47e8bdcc251c9dd652686440ebc" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_report_activities_unit_date" ON "report_activities" ("unit_id", "date") `,
    );
    await queryRunner.query(
      `ALTER TABLE "propaganda_plans" ADD CONSTRAINT "fk_propaganda_plans_unit_id" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "report_activities" ADD CONSTRAINT "fk_report_activities_unit_id" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "report_activities" DROP CONSTRAINT "fk_report_activities_unit_id"`);
    await queryRunner.query(`ALTER TABLE "propaganda_plans" DROP CONSTRAINT "fk_propaganda_plans_unit_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_report_activities_unit_date"`);
    await queryRunner.query(`DROP TABLE "report_activities"`);
    await queryRunner.query(`DROP INDEX "public"."uq_propaganda_plans_unit_year_number"`);
    await queryRunner.query(`DROP TABLE "propaganda_plans"`);
  }
}
