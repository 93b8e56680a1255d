import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Step 7: stations and their slots, daily plans (items, deviations after approval), airings (one per
 * Idempotency-Key), and an article's airing window (N airings over `airing_days` days). Existing communes,
 * wards and special zones get the station a new one starts with, and its default slots cut to their policy
 * (the same defaults as libs/broadcast's `defaultSlots`).
 */
export class Broadcast1796240000001 implements MigrationInterface {
  name = 'Broadcast1796240000001';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "stations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "unit_id" uuid NOT NULL, "name" character varying(200) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_f047974bd453c85b08bab349367" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_stations_unit_name" ON "stations" ("unit_id", "name") `);
    await queryRunner.query(
      `CREATE TABLE "broadcast_slots" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "unit_id" uuid NOT NULL, "station_id" uuid NOT NULL, "name" character varying(200) NOT NULL, "weekdays" smallint array NOT NULL, "start_minute" smallint NOT NULL, "duration_minutes" smallint NOT NULL, "kind" character varying(20) NOT NULL, "relay_name" character varying(200), "relay_url" character varying(2000), "removed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_broadcast_slots_relay" CHECK ((kind = 'relay') = (relay_name IS NOT NULL AND relay_url IS NOT NULL)), CONSTRAINT "ck_broadcast_slots_minutes" CHECK (start_minute >= 0 AND duration_minutes > 0 AND start_minute + duration_minutes <= 1440), CONSTRAINT "ck_broadcast_slots_kind" CHECK (kind IN ('programme','relay')), CONSTRAINT "PK_6dde1b49ffd161e5badb360a3e3" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_broadcast_slots_station" ON "broadcast_slots" ("unit_id", "station_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "broadcast_plans" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "unit_id" uuid NOT NULL, "station_id" uuid NOT NULL, "date" date NOT NULL, "status" character varying(20) NOT NULL DEFAULT 'draft', "version" integer NOT NULL DEFAULT '1', "warnings" jsonb NOT NULL, "generated_at" TIMESTAMP WITH TIME ZONE NOT NULL, "generated_by" uuid, "approved_at" TIMESTAMP WITH TIME ZONE, "approved_by" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_broadcast_plans_status" CHECK (status IN ('draft','approved')), CONSTRAINT "PK_863026ec5a74b6b41665115d2dd" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_broadcast_plans_station_date" ON "broadcast_plans" ("unit_id", "station_id", "date") `,
    );
    await queryRunner.query(
      `CREATE TABLE "broadcast_plan_items" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "unit_id" uuid NOT NULL, "plan_id" uuid NOT NULL, "slot_id" uuid NOT NULL, "position" smallint NOT NULL, "kind" character varying(10) NOT NULL, "audio_id" uuid, "article_id" uuid, "title" character varying(500) NOT NULL, "duration_sec" integer NOT NULL, "priority" character varying(10) NOT NULL DEFAULT 'normal', "planned_start" TIMESTAMP WITH TIME ZONE NOT NULL, "removed_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_broadcast_plan_items_audio" CHECK ((kind = 'audio') = (audio_id IS NOT NULL)), CONSTRAINT "ck_broadcast_plan_items_kind" CHECK (kind IN ('audio','relay')), CONSTRAINT "PK_a1ff0d9b4877224bc246c85a001" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_broadcast_plan_items_audio" ON "broadcast_plan_items" ("unit_id", "audio_id") `,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_broadcast_plan_items_plan" ON "broadcast_plan_items" ("unit_id", "plan_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "broadcast_plan_deviations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "unit_id" uuid NOT NULL, "plan_id" uuid NOT NULL, "item_id" uuid NOT NULL, "kind" character varying(10) NOT NULL, "title" character varying(500) NOT NULL, "reason" text NOT NULL, "actor_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_broadcast_plan_deviations_kind" CHECK (kind IN ('added','removed','moved')), CONSTRAINT "PK_1662ef41b50d9535d7181f74d5a" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_broadcast_plan_deviations_plan" ON "broadcast_plan_deviations" ("unit_id", "plan_id") `,
    );
    await queryRunner.query(
      `CREATE TABLE "airings" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "unit_id" uuid NOT NULL, "station_id" uuid NOT NULL, "plan_item_id" uuid, "audio_id" uuid, "article_id" uuid, "kind" character varying(20) NOT NULL, "title" character varying(500) NOT NULL, "source_name" character varying(200), "started_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ended_at" TIMESTAMP WITH TIME ZONE NOT NULL, "played_seconds" integer, "status" character varying(20) NOT NULL, "method" character varying(20) NOT NULL, "note" text, "operator_id" uuid NOT NULL, "idempotency_key" character varying(200), "request_hash" character varying(64), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "ck_airings_times" CHECK (ended_at >= started_at), CONSTRAINT "ck_airings_method" CHECK (method IN ('console','operator','import')), CONSTRAINT "ck_airings_status" CHECK (status IN ('aired','partial','missed')), CONSTRAINT "ck_airings_kind" CHECK (kind IN ('programme','relay','emergency')), CONSTRAINT "PK_c916bf90ea10a0207d34241580f" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_airings_idempotency" ON "airings" ("unit_id", "idempotency_key") WHERE idempotency_key IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_airings_station_started" ON "airings" ("unit_id", "station_id", "started_at") `,
    );
    await queryRunner.query(`ALTER TABLE "articles" ADD "airing_days" integer NOT NULL DEFAULT '7'`);
    await queryRunner.query(
      `ALTER TABLE "stations" ADD CONSTRAINT "fk_stations_unit_id" FOREIGN KEY ("unit_id") REFERENCES "units"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "broadcast_slots" ADD CONSTRAINT "fk_broadcast_slots_station_id" FOREIGN KEY ("station_id") REFERENCES "stations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "broadcast_plans" ADD CONSTRAINT "fk_broadcast_plans_station_id" FOREIGN KEY ("station_id") REFERENCES "stations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "broadcast_plan_items" ADD CONSTRAINT "fk_broadcast_plan_items_plan_id" FOREIGN KEY ("plan_id") REFERENCES "broadcast_plans"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "broadcast_plan_items" ADD CONSTRAINT "fk_broadcast_plan_items_slot_id" FOREIGN KEY ("slot_id") REFERENCES "broadcast_slots"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "broadcast_plan_deviations" ADD CONSTRAINT "fk_broadcast_plan_deviations_plan_id" FOREIGN KEY ("plan_id") REFERENCES "broadcast_plans"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "airings" ADD CONSTRAINT "fk_airings_station_id" FOREIGN KEY ("station_id") REFERENCES "stations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(`INSERT INTO stations (unit_id, name)
            SELECT id, 'Đài truyền thanh' FROM units WHERE kind IN ('commune', 'ward', 'special_zone')`);
    await queryRunner.query(`WITH policy AS (
              SELECT s.id AS station_id, s.unit_id,
                     COALESCE(ARRAY(SELECT jsonb_array_elements_text(u.settings->'broadcastPolicy'->'allowedWeekdays')::smallint ORDER BY 1),
                              '{1,2,3,4,5,6,7}'::smallint[]) AS days,
                     (u.settings->'broadcastPolicy'->>'maxMinutesPerSlot')::int AS max_minutes,
                     COALESCE((u.settings->'broadcastPolicy'->>'maxSlotsPerDay')::int, 3) AS max_slots
                FROM stations s JOIN units u ON u.id = s.unit_id
            )
            INSERT INTO broadcast_slots (unit_id, station_id, name, weekdays, start_minute, duration_minutes, kind, relay_name, relay_url)
            SELECT p.unit_id, p.station_id, d.name, CASE WHEN cardinality(p.days) = 0 THEN '{1,2,3,4,5,6,7}'::smallint[] ELSE p.days END,
                   d.start_minute, LEAST(d.duration, COALESCE(p.max_minutes, d.duration)), d.kind, d.relay_name, d.relay_url
              FROM policy p
              JOIN (VALUES ('Bản tin buổi sáng', 330, 15, 'programme', NULL, NULL, 1),
                           ('Tiếp âm Thời sự VOV', 360, 30, 'relay', 'Thời sự VOV1',
                            'https://str.vov.gov.vn/vovlive/vov1vov5Vietnamese.sdp_aac/playlist.m3u8', 3),
                           ('Bản tin buổi chiều', 1020, 15, 'programme', NULL, NULL, 2))
                AS d(name, start_minute, duration, kind, relay_name, relay_url, needs)
                ON d.needs <= p.max_slots`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "airings" DROP CONSTRAINT "fk_airings_station_id"`);
    await queryRunner.query(
      `ALTER TABLE "broadcast_plan_deviations" DROP CONSTRAINT "fk_broadcast_plan_deviations_plan_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "broadcast_plan_items" DROP CONSTRAINT "fk_broadcast_plan_items_slot_id"`,
    );
    await queryRunner.query(
      `ALTER TABLE "broadcast_plan_items" DROP CONSTRAINT "fk_broadcast_plan_items_plan_id"`,
    );
    await queryRunner.query(`ALTER TABLE "broadcast_plans" DROP CONSTRAINT "fk_broadcast_plans_station_id"`);
    await queryRunner.query(`ALTER TABLE "broadcast_slots" DROP CONSTRAINT "fk_broadcast_slots_station_id"`);
    await queryRunner.query(`ALTER TABLE "stations" DROP CONSTRAINT "fk_stations_unit_id"`);
    await queryRunner.query(`ALTER TABLE "articles" DROP COLUMN "airing_days"`);
    await queryRunner.query(`DROP INDEX "public"."ix_airings_station_started"`);
    await queryRunner.query(`DROP INDEX "public"."uq_airings_idempotency"`);
    await queryRunner.query(`DROP TABLE "airings"`);
    await queryRunner.query(`DROP INDEX "public"."ix_broadcast_plan_deviations_plan"`);
    await queryRunner.query(`DROP TABLE "broadcast_plan_deviations"`);
    await queryRunner.query(`DROP INDEX "public"."ix_broadcast_plan_items_plan"`);
    await queryRunner.query(`DROP INDEX "public"."ix_broadcast_plan_items_audio"`);
    await queryRunner.query(`DROP TABLE "broadcast_plan_items"`);
    await queryRunner.query(`DROP INDEX "public"."uq_broadcast_plans_station_date"`);
    await queryRunner.query(`DROP TABLE "broadcast_plans"`);
    await queryRunner.query(`DROP INDEX "public"."ix_broadcast_slots_station"`);
    await queryRunner.query(`DROP TABLE "broadcast_slots"`);
    await queryRunner.query(`DROP INDEX "public"."uq_stations_unit_name"`);
    await queryRunner.query(`DROP TABLE "stations"`);
  }
}
