import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Step 5, end: a unit's own intro and outro (nhạc hiệu), and, on each audio, the jingles it was mastered
 * with (so the cache and the evidence know what was around the speech).
 */
export class AudioJingles1796240000000 implements MigrationInterface {
  name = 'AudioJingles1796240000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "audio_jingles" ("unit_id" uuid NOT NULL, "kind" character varying(10) NOT NULL, "source" character varying(10) NOT NULL, "file_key" character varying(300), "sha256" character varying(64), "file_name" character varying(255), "duration_ms" integer, "updated_by" uuid, "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_audio_jingles_source" CHECK ((source = 'custom' AND file_key IS NOT NULL) OR (source = 'none' AND file_key IS NULL)), CONSTRAINT "ck_audio_jingles_kind" CHECK (kind IN ('intro','outro')), CONSTRAINT "PK_audio_jingles" PRIMARY KEY ("unit_id", "kind"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "audio_jingles" ADD CONSTRAINT "fk_audio_jingles_unit_id" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`ALTER TABLE "audios" ADD "jingles" jsonb`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "audios" DROP COLUMN "jingles"`);
    await queryRunner.query(`ALTER TABLE "audio_jingles" DROP CONSTRAINT "fk_audio_jingles_unit_id"`);
    await queryRunner.query(`DROP TABLE "audio_jingles"`);
  }
}
