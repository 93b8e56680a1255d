import { MigrationInterface, QueryRunner } from 'typeorm';

/** Step 3: a unit may map a host name to its portal (settings.portalHost), unique across units. */
export class PortalHosts1795438124446 implements MigrationInterface {
  name = 'PortalHosts1795438124446';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_units_portal_host" ON "units" ((settings->>'portalHost')) WHERE (settings->>'portalHost') <> ''`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."uq_units_portal_host"`);
  }
}
