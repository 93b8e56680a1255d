import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Step 6: tokens issued before a password change, a reset, a lock or an unlock stop working
 * (users.token_version, compared with the token's `ver`), and failed password checks of one account are
 * counted across replicas to slow guessing (auth_backoffs).
 */
export class TokenVersionAndBackoff1796221002231 implements MigrationInterface {
  name = 'TokenVersionAndBackoff1796221002231';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "token_version" integer NOT NULL DEFAULT '0'`);
    await queryRunner.query(
      `CREATE TABLE "auth_backoffs" ("key" character varying(300) NOT NULL, "failures" integer NOT NULL, "blocked_until" TIMESTAMP WITH TIME ZONE, "last_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_auth_backoffs" PRIMARY KEY ("key"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_auth_backoffs_expires_at" ON "auth_backoffs" ("expires_at") `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_auth_backoffs_expires_at"`);
    await queryRunner.query(`DROP TABLE "auth_backoffs"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "token_version"`);
  }
}
