import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13 (A3): every slug a unit has had (unit_slugs), so that a slug a unit gave up keeps redirecting
 * to it and no other unit can take it. Filled with today's slugs.
 */
export class UnitSlugs1796221342171 implements MigrationInterface {
  name = 'UnitSlugs1796221342171';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "unit_slugs" ("slug" character varying(100) NOT NULL, "unit_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_unit_slugs" PRIMARY KEY ("slug"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_unit_slugs_unit_id" ON "unit_slugs" ("unit_id") `);
    await queryRunner.query(
      `ALTER TABLE "unit_slugs" ADD CONSTRAINT "fk_unit_slugs_unit_id" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`INSERT INTO "unit_slugs" ("slug", "unit_id") SELECT "slug", "id" FROM "units"`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "unit_slugs" DROP CONSTRAINT "fk_unit_slugs_unit_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_unit_slugs_unit_id"`);
    await queryRunner.query(`DROP TABLE "unit_slugs"`);
  }
}
