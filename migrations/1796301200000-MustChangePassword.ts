import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A password someone else knows must be replaced at the next login: the generated first password of `admin`
 * (printed on the console) and a password an administrator reset. Existing accounts keep theirs (false).
 */
export class MustChangePassword1796301200000 implements MigrationInterface {
  name = 'MustChangePassword1796301200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "must_change_password" boolean NOT NULL DEFAULT false`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "must_change_password"`);
  }
}
