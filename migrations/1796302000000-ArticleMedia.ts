import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Step 9: an article's featured image (ảnh đại diện: thumbnails in the portal's lists, Open Graph) and the
 * documents attached under it (the Kế hoạch, the Quyết định). Both point at files in media storage, which
 * are named by their content and never change.
 */
export class ArticleMedia1796302000000 implements MigrationInterface {
  name = 'ArticleMedia1796302000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "articles" ADD "featured_image" jsonb`);
    await queryRunner.query(`ALTER TABLE "articles" ADD "attachments" jsonb NOT NULL DEFAULT '[]'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "articles" DROP COLUMN "attachments"`);
    await queryRunner.query(`ALTER TABLE "articles" DROP COLUMN "featured_image"`);
  }
}
