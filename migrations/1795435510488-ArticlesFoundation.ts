import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Step 3: categories, articles (with their categories and revisions), and accent-insensitive search.
 * Search uses unaccent through an IMMUTABLE wrapper (unaccent() itself is only STABLE, so it cannot be
 * indexed) and a 'simple' text-search document over title (A), summary (B) and body text (C), indexed by
 * GIN on the expression that ArticlesRepository queries. Units that exist already get the default
 * categories every new unit gets (design.md §4). Names inside the functions are schema-qualified: PostgreSQL
 * evaluates index expressions with a search_path of pg_catalog only.
 */
export class ArticlesFoundation1795435510488 implements MigrationInterface {
  name = 'ArticlesFoundation1795435510488';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "categories" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "unit_id" uuid NOT NULL, "name" character varying(200) NOT NULL, "slug" character varying(100) NOT NULL, "counts_as_cchc" boolean NOT NULL DEFAULT false, "position" integer NOT NULL DEFAULT '0', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_24dbc6126a28ff948da33e97d3b" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_categories_unit_slug" ON "categories" ("unit_id", "slug") `,
    );
    await queryRunner.query(
      `CREATE TABLE "articles" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "unit_id" uuid NOT NULL, "title" character varying(300) NOT NULL, "slug" character varying(120) NOT NULL, "summary" text NOT NULL DEFAULT '', "body_html" text NOT NULL, "tags" text array NOT NULL DEFAULT '{}', "radio_script" text, "priority" character varying(20) NOT NULL DEFAULT 'normal', "planned_airings" integer NOT NULL DEFAULT '1', "status" character varying(20) NOT NULL, "version" integer NOT NULL DEFAULT '1', "author_id" uuid NOT NULL, "publish_at" TIMESTAMP WITH TIME ZONE, "published_at" TIMESTAMP WITH TIME ZONE, "first_published_at" TIMESTAMP WITH TIME ZONE, "reason" text, "source_url" character varying(2000), "imported" boolean NOT NULL DEFAULT false, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_0a6e2c450d83e0b6052c2793334" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_articles_due" ON "articles" ("publish_at") WHERE status = 'approved' AND publish_at IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_articles_unit_updated" ON "articles" ("unit_id", "updated_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_articles_unit_status_published" ON "articles" ("unit_id", "status", "published_at") `,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_articles_unit_slug" ON "articles" ("unit_id", "slug") `);
    await queryRunner.query(
      `CREATE TABLE "article_categories" ("article_id" uuid NOT NULL, "category_id" uuid NOT NULL, "unit_id" uuid NOT NULL, CONSTRAINT "PK_52a14b5c9d57f91198335fa5e9d" PRIMARY KEY ("article_id", "category_id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_article_categories_category" ON "article_categories" ("unit_id", "category_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "article_revisions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "unit_id" uuid NOT NULL, "article_id" uuid NOT NULL, "version" integer NOT NULL, "action" character varying(30) NOT NULL, "actor_id" uuid, "status" character varying(20) NOT NULL, "content" jsonb NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_e5a3375569c46d93baa9fe4bfe4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_article_revisions_article_version" ON "article_revisions" ("article_id", "version") `,
    );
    await queryRunner.query(
      `ALTER TABLE "categories" ADD CONSTRAINT "fk_categories_unit_id" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "articles" ADD CONSTRAINT "fk_articles_unit_id" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "article_categories" ADD CONSTRAINT "fk_article_categories_article_id" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "article_categories" ADD CONSTRAINT "fk_article_categories_category_id" FOREIGN KEY ("category_id") REFERENCES "categories"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "article_revisions" ADD CONSTRAINT "fk_article_revisions_article_id" FOREIGN KEY ("article_id") REFERENCES "articles"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    // Trusted extensions: a database owner may create them without being a superuser.
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS unaccent`);
    await queryRunner.query(`CREATE FUNCTION immutable_unaccent(text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
  AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$`);
    await queryRunner.query(`CREATE FUNCTION article_search_document(title text, summary text, body text) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT
    setweight(to_tsvector('simple', public.immutable_unaccent(lower(coalesce(title, '')))), 'A') ||
    setweight(to_tsvector('simple', public.immutable_unaccent(lower(coalesce(summary, '')))), 'B') ||
    setweight(to_tsvector('simple', public.immutable_unaccent(lower(regexp_replace(coalesce(body, ''), '<[^>]*>', ' ', 'g')))), 'C') $$`);
    await queryRunner.query(
      `CREATE INDEX "ix_articles_search" ON "articles" USING gin (public.article_search_document(title, summary, body_html))`,
    );
    await queryRunner.query(`INSERT INTO "categories" ("unit_id", "name", "slug", "counts_as_cchc", "position")
  SELECT u.id, d.name, d.slug, d.cchc, d.position FROM "units" u
  CROSS JOIN (VALUES
    ('Cải cách hành chính', 'cai-cach-hanh-chinh', true, 0),
    ('Thủ tục hành chính', 'thu-tuc-hanh-chinh', true, 1),
    ('Chuyển đổi số', 'chuyen-doi-so', false, 2),
    ('Phổ biến giáo dục pháp luật', 'pho-bien-giao-duc-phap-luat', false, 3),
    ('Tin hoạt động', 'tin-hoat-dong', false, 4)
  ) AS d(name, slug, cchc, position)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_articles_search"`);
    await queryRunner.query(`DROP FUNCTION article_search_document(text, text, text)`);
    await queryRunner.query(`DROP FUNCTION immutable_unaccent(text)`);
    await queryRunner.query(
      `ALTER TABLE "article_revisions" DROP CONSTRAINT "fk_article_revisions_article_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "article_categories" DROP CONSTRAINT "fk_article_categories_category_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "article_categories" DROP CONSTRAINT "fk_article_categories_article_id"`,
    );
    await queryRunner.query(`ALTER TABLE "articles" DROP CONSTRAINT "fk_articles_unit_id"`);
    await queryRunner.query(`ALTER TABLE "categories" DROP CONSTRAINT "fk_categories_unit_id"`);
    await queryRunner.query(`DROP INDEX "public"."uq_article_revisions_article_version"`);
    await queryRunner.query(`DROP TABLE "article_revisions"`);
    await queryRunner.query(`DROP INDEX "public"."ix_article_categories_category"`);
    await queryRunner.query(`DROP TABLE "article_categories"`);
    await queryRunner.query(`DROP INDEX "public"."uq_articles_unit_slug"`);
    await queryRunner.query(`DROP INDEX "public"."ix_articles_unit_status_published"`);
    await queryRunner.query(`DROP INDEX "public"."ix_articles_unit_updated"`);
    await queryRunner.query(`DROP INDEX "public"."ix_articles_due"`);
    await queryRunner.query(`DROP TABLE "articles"`);
    await queryRunner.query(`DROP INDEX "public"."uq_categories_unit_slug"`);
    await queryRunner.query(`DROP TABLE "categories"`);
  }
}
