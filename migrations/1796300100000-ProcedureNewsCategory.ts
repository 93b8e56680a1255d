import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The default category "Thủ tục hành chính" becomes "Tin thủ tục hành chính" (design.md §4): the portal's
 * "Thủ tục hành chính" is now the procedures catalogue, which lists this category's news. Only a unit's
 * default category that still has the default name is renamed: one a unit renamed keeps its name, and one it
 * made itself with that name under another slug is not the default. Its id, slug (so its URL) and
 * `counts_as_cchc` (so what counts as CCHC) stay; the evidence keeps the name each article had when published.
 */
export class ProcedureNewsCategory1796300100000 implements MigrationInterface {
  name = 'ProcedureNewsCategory1796300100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "categories" SET "name" = 'Tin thủ tục hành chính', "updated_at" = now()
       WHERE "slug" = 'thu-tuc-hanh-chinh' AND "name" = 'Thủ tục hành chính'`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `UPDATE "categories" SET "name" = 'Thủ tục hành chính', "updated_at" = now()
       WHERE "slug" = 'thu-tuc-hanh-chinh' AND "name" = 'Tin thủ tục hành chính'`,
    );
  }
}
