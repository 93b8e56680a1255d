import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Step 5: each unit's lexicon (từ điển cách đọc), added to the built-in reading rules of the speech
 * normalizer. One row per term; the term is unique in its unit.
 */
export class SpeechLexicon1796158154314 implements MigrationInterface {
  name = 'SpeechLexicon1796158154314';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "lexicon_entries" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "unit_id" uuid NOT NULL, "term" character varying(100) NOT NULL, "spoken" character varying(500) NOT NULL, "position" integer NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_ef55c066604286b33637a2fa341" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_lexicon_entries_unit_term" ON "lexicon_entries" ("unit_id", "term") `,
    );
    await queryRunner.query(
      `ALTER TABLE "lexicon_entries" ADD CONSTRAINT "fk_lexicon_entries_unit_id" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "lexicon_entries" DROP CONSTRAINT "fk_lexicon_entries_unit_id"`);
    await queryRunner.query(`DROP INDEX "public"."uq_lexicon_entries_unit_term"`);
    await queryRunner.query(`DROP TABLE "lexicon_entries"`);
  }
}
