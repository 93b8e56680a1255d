import { MigrationInterface, QueryRunner } from 'typeorm';

export class Foundation1795427264406 implements MigrationInterface {
  name = 'Foundation1795427264406';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "units" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "code" character varying(50) NOT NULL, "name" character varying(255) NOT NULL, "kind" character varying(20) NOT NULL, "parent_id" uuid, "slug" character varying(100) NOT NULL, "settings" jsonb NOT NULL DEFAULT '{}', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_units_not_own_parent" CHECK (parent_id IS NULL OR parent_id <> id), CONSTRAINT "ck_units_kind" CHECK (kind IN ('province','commune','ward','special_zone','department','other')), CONSTRAINT "PK_5a8f2f064919b587d93936cb223" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_units_code" ON "units" ("code") `);
    await queryRunner.query(`CREATE INDEX "ix_units_parent_id" ON "units" ("parent_id") `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_units_slug" ON "units" ("slug") `);
    await queryRunner.query(
      `CREATE TABLE "schedule_ticks" ("task" character varying(100) NOT NULL, "scheduled_at" TIMESTAMP WITH TIME ZONE NOT NULL, "claimed_by" character varying(200) NOT NULL, "claimed_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a1b5a1f966424c9c87479303134" PRIMARY KEY ("task", "scheduled_at"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "evidence" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "unit_id" uuid NOT NULL, "seq" bigint, "type" character varying(100) NOT NULL, "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL, "recorded_at" TIMESTAMP WITH TIME ZONE NOT NULL, "actor_id" uuid, "method" character varying(20) NOT NULL, "subject_type" character varying(50) NOT NULL, "subject_id" character varying(100) NOT NULL, "snapshot" jsonb NOT NULL, "corrects_id" uuid, "content_hash" character(64) NOT NULL, "prev_hash" character(64), "hash" character(64), CONSTRAINT "PK_b864cb5d49854f89917fc0b44b9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_evidence_unit_subject" ON "evidence" ("unit_id", "subject_type", "subject_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_evidence_unit_occurred" ON "evidence" ("unit_id", "occurred_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_evidence_unit_type_occurred" ON "evidence" ("unit_id", "type", "occurred_at") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_evidence_unlinked" ON "evidence" ("unit_id", "recorded_at") WHERE hash IS NULL`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_evidence_unit_seq" ON "evidence" ("unit_id", "seq") `);
    await queryRunner.query(
      `CREATE TABLE "evidence_chain_heads" ("unit_id" uuid NOT NULL, "seq" bigint NOT NULL, "hash" character(64) NOT NULL, "prev_hash" character(64) NOT NULL, CONSTRAINT "PK_b25cff662a4625b2a0674009021" PRIMARY KEY ("unit_id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "memberships" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "unit_id" uuid NOT NULL, "role" character varying(20) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_memberships_role" CHECK (role IN ('admin','editor','approver','operator','reporter')), CONSTRAINT "PK_25d28bd932097a9e90495ede7b4" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_memberships_unit_id" ON "memberships" ("unit_id") `);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_memberships_user_unit_role" ON "memberships" ("user_id", "unit_id", "role") `,
    );
    await queryRunner.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "username" character varying(100) NOT NULL, "password_hash" character varying(255) NOT NULL, "full_name" character varying(255) NOT NULL, "is_system_admin" boolean NOT NULL DEFAULT false, "disabled" boolean NOT NULL DEFAULT false, "last_login_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_users_username" ON "users" ("username") `);
    await queryRunner.query(
      `CREATE TABLE "rate_limits" ("key" character varying(300) NOT NULL, "hits" integer NOT NULL, "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT "PK_8cb6aa4831e3e775ccf370521db" PRIMARY KEY ("key"))`,
    );
    await queryRunner.query(`CREATE INDEX "ix_rate_limits_expires_at" ON "rate_limits" ("expires_at") `);
    await queryRunner.query(
      `ALTER TABLE "units" ADD CONSTRAINT "fk_units_parent_id" FOREIGN KEY ("parent_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "evidence" ADD CONSTRAINT "fk_evidence_unit_id" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "memberships" ADD CONSTRAINT "fk_memberships_user_id" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "memberships" ADD CONSTRAINT "fk_memberships_unit_id" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // The evidence log is append-only (design.md §4): the database itself refuses changes. The one
    // update allowed is evidence_link() below filling in seq/prev_hash/hash of a row not yet linked.
    await queryRunner.query(`CREATE FUNCTION evidence_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND TG_TABLE_NAME = 'evidence' AND OLD.hash IS NULL
     AND (to_jsonb(NEW) - '{seq,prev_hash,hash}'::text[]) = (to_jsonb(OLD) - '{seq,prev_hash,hash}'::text[]) THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'evidence is append-only: % on % refused', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege', HINT = 'record a correction row instead';
END $$`);
    await queryRunner.query(
      `CREATE TRIGGER evidence_no_update_delete BEFORE UPDATE OR DELETE ON "evidence" FOR EACH ROW EXECUTE FUNCTION evidence_refuse_change()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER evidence_no_truncate BEFORE TRUNCATE ON "evidence" FOR EACH STATEMENT EXECUTE FUNCTION evidence_refuse_change()`,
    );
    // A chain head moves forward only; it is never deleted.
    await queryRunner.query(
      `CREATE TRIGGER evidence_chain_heads_no_delete BEFORE DELETE ON "evidence_chain_heads" FOR EACH ROW EXECUTE FUNCTION evidence_refuse_change()`,
    );
    await queryRunner.query(
      `CREATE TRIGGER evidence_chain_heads_no_truncate BEFORE TRUNCATE ON "evidence_chain_heads" FOR EACH STATEMENT EXECUTE FUNCTION evidence_refuse_change()`,
    );
    // Linking (design: ARCHITECTURE.md, "Evidence log"). evidence_link(unit) appends the unit's unlinked
    // rows to its chain, oldest first: hash = sha256(prev_hash || newline || content_hash). It runs only
    // for the holder of the unit's advisory lock and never waits for it: a transaction that finds it taken
    // leaves its rows for the next linker, so commits of one unit do not queue behind each other.
    await queryRunner.query(`CREATE FUNCTION evidence_link(p_unit uuid) RETURNS integer LANGUAGE plpgsql AS $$
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
    // At COMMIT (deferred), each recording transaction links what it can, its own rows included.
    await queryRunner.query(`CREATE FUNCTION evidence_link_on_commit() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM evidence_link(NEW.unit_id);
  RETURN NULL;
END $$`);
    await queryRunner.query(
      `CREATE CONSTRAINT TRIGGER evidence_link AFTER INSERT ON "evidence" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION evidence_link_on_commit()`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER evidence_link ON "evidence"`);
    await queryRunner.query(`DROP FUNCTION evidence_link_on_commit()`);
    await queryRunner.query(`DROP FUNCTION evidence_link(uuid)`);
    await queryRunner.query(`DROP TRIGGER evidence_chain_heads_no_truncate ON "evidence_chain_heads"`);
    await queryRunner.query(`DROP TRIGGER evidence_chain_heads_no_delete ON "evidence_chain_heads"`);
    await queryRunner.query(`DROP TRIGGER evidence_no_truncate ON "evidence"`);
    await queryRunner.query(`DROP TRIGGER evidence_no_update_delete ON "evidence"`);
    await queryRunner.query(`DROP FUNCTION evidence_refuse_change()`);
    await queryRunner.query(`ALTER TABLE "memberships" DROP CONSTRAINT "fk_memberships_unit_id"`);
    await queryRunner.query(`ALTER TABLE "memberships" DROP CONSTRAINT "fk_memberships_user_id"`);
    await queryRunner.query(`ALTER TABLE "evidence" DROP CONSTRAINT "fk_evidence_unit_id"`);
    await queryRunner.query(`ALTER TABLE "units" DROP CONSTRAINT "fk_units_parent_id"`);
    await queryRunner.query(`DROP INDEX "public"."ix_rate_limits_expires_at"`);
    await queryRunner.query(`DROP TABLE "rate_limits"`);
    await queryRunner.query(`DROP INDEX "public"."uq_users_username"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP INDEX "public"."uq_memberships_user_unit_role"`);
    await queryRunner.query(`DROP INDEX "public"."ix_memberships_unit_id"`);
    await queryRunner.query(`DROP TABLE "memberships"`);
    await queryRunner.query(`DROP TABLE "evidence_chain_heads"`);
    await queryRunner.query(`DROP INDEX "public"."uq_evidence_unit_seq"`);
    await queryRunner.query(`DROP INDEX "public"."ix_evidence_unlinked"`);
    await queryRunner.query(`DROP INDEX "public"."ix_evidence_unit_type_occurred"`);
    await queryRunner.query(`DROP INDEX "public"."ix_evidence_unit_occurred"`);
    await queryRunner.query(`DROP INDEX "public"."ix_evidence_unit_subject"`);
    await queryRunner.query(`DROP TABLE "evidence"`);
    await queryRunner.query(`DROP TABLE "schedule_ticks"`);
    await queryRunner.query(`DROP INDEX "public"."uq_units_slug"`);
    await queryRunner.query(`DROP INDEX "public"."ix_units_parent_id"`);
    await queryRunner.query(`DROP INDEX "public"."uq_units_code"`);
    await queryRunner.query(`DROP TABLE "units"`);
  }
}
