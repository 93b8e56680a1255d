import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 13 (A16): secrets the replicas share, kept in the database so that every api and worker on it finds
 * the same one (the JWT signing key when JWT_SECRET is not set). Written once, never updated.
 */
export class AppSecrets1796221876223 implements MigrationInterface {
  name = 'AppSecrets1796221876223';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "app_secrets" ("name" character varying(100) NOT NULL, "value" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_app_secrets" PRIMARY KEY ("name"))`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "app_secrets"`);
  }
}
