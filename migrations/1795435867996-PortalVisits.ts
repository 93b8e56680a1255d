import { MigrationInterface, QueryRunner } from 'typeorm';

/** Step 3: page views of each unit's portal per Vietnamese day; counts only, nothing about the reader. */
export class PortalVisits1795435867996 implements MigrationInterface {
  name = 'PortalVisits1795435867996';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "portal_visits" ("unit_id" uuid NOT NULL, "day" date NOT NULL, "views" bigint NOT NULL DEFAULT '0', CONSTRAINT "PK_a9a56d130287d0b4e0e3cc42a98" PRIMARY KEY ("unit_id", "day"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "portal_visits" ADD CONSTRAINT "fk_portal_visits_unit_id" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "portal_visits" DROP CONSTRAINT "fk_portal_visits_unit_id"`);
    await queryRunner.query(`DROP TABLE "portal_visits"`);
  }
}
