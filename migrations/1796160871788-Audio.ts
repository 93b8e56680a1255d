import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Step 5: audio pieces (bản tin âm thanh), spoken from an article or uploaded, with what was said, the
 * engine that spoke, the measured loudness and the mastered file.
 */
export class Audio1796160871788 implements MigrationInterface {
  name = 'Audio1796160871788';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audios" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "unit_id" uuid NOT NULL, "article_id" uuid, "category_id" uuid, "title" character varying(500) NOT NULL, "kind" character varying(10) NOT NULL, "status" character varying(20) NOT NULL DEFAULT 'queued', "error" text, "requested_provider" character varying(20) NOT NULL, "provider" character varying(20), "fallback_reason" text, "voice" character varying(100), "speaking_rate" real, "normalized_text" text, "cache_key" character varying(64), "source_key" character varying(300), "file_key" character varying(300), "sha256" character varying(64), "bytes" integer, "duration_ms" integer, "loudness_lufs" real, "true_peak_db" real, "target_lufs" real, "produced_at" TIMESTAMP WITH TIME ZONE, "created_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "ready_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_97a1fa83e0d0dac358d498d0a64" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_audios_unit_cache_key" ON "audios" ("unit_id", "cache_key") `);
    await queryRunner.query(`CREATE INDEX "ix_audios_unit_article" ON "audios" ("unit_id", "article_id") `);
    await queryRunner.query(
      `ALTER TABLE "audios" ADD CONSTRAINT "fk_audios_unit_id" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "audios" DROP CONSTRAINT "fk_audios_unit_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_audios_unit_article"`);
    await queryRunner.query(`DROP INDEX "public"."ix_audios_unit_cache_key"`);
    await queryRunner.query(`DROP TABLE "audios"`);
  }
}
