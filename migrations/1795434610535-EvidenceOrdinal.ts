import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Evidence rows recorded in the same millisecond by one transaction were chained in random order
 * (ORDER BY recorded_at, id: a random uuid breaks the tie). An identity column gives the insertion order,
 * which evidence_link() now follows. Adding it rewrites the table without firing row triggers; existing
 * rows get ordinals in their physical order, and rows already linked keep their chain.
 */
export class EvidenceOrdinal1795434610535 implements MigrationInterface {
  name = 'EvidenceOrdinal1795434610535';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."ix_evidence_unlinked"`);
    await queryRunner.query(
      `ALTER TABLE "evidence" ADD "ordinal" bigint GENERATED ALWAYS AS IDENTITY NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_evidence_unlinked" ON "evidence" ("unit_id", "ordinal") WHERE hash IS NULL`,
    );
    await queryRunner.query(`CREATE OR REPLACE FUNCTION evidence_link(p_unit uuid) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  v_seq bigint := 0;
  v_hash text := repeat('0', 64);
  v_prev text;
  v_count integer := 0;
  r record;
BEGIN
  IF NOT pg_try_advisory_xact_lock(7402115, hashtext(p_unit::text)) THEN
    RETURN 0;
  END IF;
  SELECT seq, hash INTO v_seq, v_hash FROM evidence_chain_heads WHERE unit_id = p_unit;
  IF NOT FOUND THEN
    v_seq := 0;
    v_hash := repeat('0', 64);
  END IF;
  FOR r IN SELECT id, content_hash FROM evidence WHERE unit_id = p_unit AND hash IS NULL ORDER BY ordinal LOOP
    v_prev := v_hash;
    v_seq := v_seq + 1;
    v_hash := encode(sha256(convert_to(v_prev || E'\\n' || r.content_hash, 'UTF8')), 'hex');
    UPDATE evidence SET seq = v_seq, prev_hash = v_prev, hash = v_hash WHERE id = r.id;
    v_count := v_count + 1;
  END LOOP;
  IF v_count > 0 THEN
    INSERT INTO evidence_chain_heads AS h (unit_id, seq, prev_hash, hash) VALUES (p_unit, v_seq, v_prev, v_hash)
    ON CONFLICT (unit_id) DO UPDATE SET seq = EXCLUDED.seq, prev_hash = EXCLUDED.prev_hash, hash = EXCLUDED.hash;
  END IF;
  RETURN v_count;
END $$`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE OR REPLACE FUNCTION evidence_link(p_unit uuid) RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  v_seq bigint := 0;
  v_hash text := repeat('0', 64);
  v_prev text;
  v_count integer := 0;
  r record;
BEGIN
  IF NOT pg_try_advisory_xact_lock(7402115, hashtext(p_unit::text)) THEN
    RETURN 0;
  END IF;
  SELECT seq, hash INTO v_seq, v_hash FROM evidence_chain_heads WHERE unit_id = p_unit;
  IF NOT FOUND THEN
    v_seq := 0;
    v_hash := repeat('0', 64);
  END IF;
  FOR r IN SELECT id, content_hash FROM evidence WHERE unit_id = p_unit AND hash IS NULL ORDER BY recorded_at, id LOOP
    v_prev := v_hash;
    v_seq := v_seq + 1;
    v_hash := encode(sha256(convert_to(v_prev || E'\\n' || r.content_hash, 'UTF8')), 'hex');
    UPDATE evidence SET seq = v_seq, prev_hash = v_prev, hash = v_hash WHERE id = r.id;
    v_count := v_count + 1;
  END LOOP;
  IF v_count > 0 THEN
    INSERT INTO evidence_chain_heads AS h (unit_id, seq, prev_hash, hash) VALUES (p_unit, v_seq, v_prev, v_hash)
    ON CONFLICT (unit_id) DO UPDATE SET seq = EXCLUDED.seq, prev_hash = EXCLUDED.prev_hash, hash = EXCLUDED.hash;
  END IF;
  RETURN v_count;
END $$`);
    await queryRunner.query(`DROP INDEX "public"."ix_evidence_unlinked"`);
    await queryRunner.query(`ALTER TABLE "evidence" DROP COLUMN "ordinal"`);
    await queryRunner.query(
      `CREATE INDEX "ix_evidence_unlinked" ON "evidence" ("unit_id", "recorded_at") WHERE hash IS NULL`,
    );
  }
}
