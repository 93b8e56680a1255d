import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Step 8: the counts of the evidence log per unit and Vietnamese day, kept as rows are recorded, so a summary
 * reads a few hundred rows per unit-year instead of every evidence row (bench/reports: 1,000,000 rows).
 *
 * The rules are those of design.md §5 and libs/reports/src/figures.ts, which the drill-down uses on the
 * evidence rows themselves; test/integration/report-daily.int-spec.ts holds the two to the same numbers.
 * Every figure is a count of rows (or their minutes): the recorders write one `article.published` with
 * `first: true` per article, one `procedure.published` with `first: true` per procedure and one
 * `audio.produced` per radio piece, so no distinct is needed. Evidence rows are never changed or removed, so
 * nothing here is ever taken back.
 */
export class ReportDaily1796290000000 implements MigrationInterface {
  name = 'ReportDaily1796290000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "report_daily" (
      "unit_id" uuid NOT NULL REFERENCES "units"("id") ON DELETE RESTRICT,
      "day" date NOT NULL,
      "articles_published" integer NOT NULL DEFAULT 0,
      "cchc_articles_published" integer NOT NULL DEFAULT 0,
      "articles_unpublished" integer NOT NULL DEFAULT 0,
      "procedures_published" integer NOT NULL DEFAULT 0,
      "pieces_produced" integer NOT NULL DEFAULT 0,
      "cchc_pieces_produced" integer NOT NULL DEFAULT 0,
      "airings" integer NOT NULL DEFAULT 0,
      "cchc_airings" integer NOT NULL DEFAULT 0,
      "aired_minutes" numeric(14,2) NOT NULL DEFAULT 0,
      "relay_airings" integer NOT NULL DEFAULT 0,
      "relay_minutes" numeric(14,2) NOT NULL DEFAULT 0,
      "emergency_airings" integer NOT NULL DEFAULT 0,
      "emergency_minutes" numeric(14,2) NOT NULL DEFAULT 0,
      "partial_airings" integer NOT NULL DEFAULT 0,
      "missed_airings" integer NOT NULL DEFAULT 0,
      CONSTRAINT "pk_report_daily" PRIMARY KEY ("unit_id", "day"))`);
    await queryRunner.query(`CREATE TABLE "report_daily_categories" (
      "unit_id" uuid NOT NULL REFERENCES "units"("id") ON DELETE RESTRICT,
      "day" date NOT NULL,
      "category_id" varchar(100) NOT NULL,
      "name" varchar(500) NOT NULL,
      "count" integer NOT NULL DEFAULT 0,
      CONSTRAINT "pk_report_daily_categories" PRIMARY KEY ("unit_id", "day", "category_id"))`);

    // One evidence row → its deltas, added to its unit-day (the row's day in Asia/Ho_Chi_Minh).
    await queryRunner.query(`CREATE FUNCTION report_daily_count() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  s jsonb := NEW.snapshot;
  d date := (NEW.occurred_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date;
  cchc integer := CASE WHEN (s->>'countsAsCchc')::boolean THEN 1 ELSE 0 END;
  first boolean := coalesce((s->>'first')::boolean, false);
  status text := s->>'status';
  minutes numeric := coalesce((s->>'minutes')::numeric, 0);
  v report_daily%ROWTYPE;
BEGIN
  v := ROW(NEW.unit_id, d, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
  IF NEW.type = 'article.published' AND first THEN
    v.articles_published := 1;
    v.cchc_articles_published := cchc;
    INSERT INTO report_daily_categories AS c (unit_id, day, category_id, name, count)
      SELECT DISTINCT ON (x->>'id') NEW.unit_id, d, x->>'id', coalesce(x->>'name', ''), 1
        FROM jsonb_array_elements(coalesce(s->'categories', '[]'::jsonb)) x
       WHERE x->>'id' IS NOT NULL
    ON CONFLICT (unit_id, day, category_id) DO UPDATE SET count = c.count + 1, name = EXCLUDED.name;
  ELSIF NEW.type = 'article.unpublished' THEN
    v.articles_unpublished := 1;
  ELSIF NEW.type = 'procedure.published' AND first THEN
    v.procedures_published := 1;
  ELSIF NEW.type = 'audio.produced' THEN
    v.pieces_produced := 1;
    v.cchc_pieces_produced := cchc;
  ELSIF NEW.type = 'airing.recorded' THEN
    IF status = 'aired' THEN
      v.airings := 1;
      v.cchc_airings := cchc;
      v.aired_minutes := minutes;
    ELSIF status = 'partial' THEN
      v.partial_airings := 1;
    ELSIF status = 'missed' THEN
      v.missed_airings := 1;
    END IF;
  ELSIF NEW.type = 'relay.recorded' AND status = 'aired' THEN
    v.relay_airings := 1;
    v.relay_minutes := minutes;
  ELSIF NEW.type = 'emergency.aired' THEN
    v.emergency_airings := 1;
    v.emergency_minutes := minutes;
  ELSE
    RETURN NULL;
  END IF;
  INSERT INTO report_daily AS r VALUES (v.*)
  ON CONFLICT (unit_id, day) DO UPDATE SET
    articles_published = r.articles_published + EXCLUDED.articles_published,
    cchc_articles_published = r.cchc_articles_published + EXCLUDED.cchc_articles_published,
    articles_unpublished = r.articles_unpublished + EXCLUDED.articles_unpublished,
    procedures_published = r.procedures_published + EXCLUDED.procedures_published,
    pieces_produced = r.pieces_produced + EXCLUDED.pieces_produced,
    cchc_pieces_produced = r.cchc_pieces_produced + EXCLUDED.cchc_pieces_produced,
    airings = r.airings + EXCLUDED.airings,
    cchc_airings = r.cchc_airings + EXCLUDED.cchc_airings,
    aired_minutes = r.aired_minutes + EXCLUDED.aired_minutes,
    relay_airings = r.relay_airings + EXCLUDED.relay_airings,
    relay_minutes = r.relay_minutes + EXCLUDED.relay_minutes,
    emergency_airings = r.emergency_airings + EXCLUDED.emergency_airings,
    emergency_minutes = r.emergency_minutes + EXCLUDED.emergency_minutes,
    partial_airings = r.partial_airings + EXCLUDED.partial_airings,
    missed_airings = r.missed_airings + EXCLUDED.missed_airings;
  RETURN NULL;
END $$`);
    await queryRunner.query(
      `CREATE TRIGGER report_daily_count AFTER INSERT ON "evidence" FOR EACH ROW EXECUTE FUNCTION report_daily_count()`,
    );

    // The same counts from the whole log at once: for the rows recorded before this migration, and for a
    // log loaded in bulk without triggers (bench/reports).
    await queryRunner.query(`CREATE FUNCTION report_daily_rebuild() RETURNS void LANGUAGE sql AS $$
DELETE FROM report_daily;
DELETE FROM report_daily_categories;
INSERT INTO report_daily
SELECT unit_id, day,
       count(*) FILTER (WHERE type = 'article.published' AND first),
       count(*) FILTER (WHERE type = 'article.published' AND first AND cchc),
       count(*) FILTER (WHERE type = 'article.unpublished'),
       count(*) FILTER (WHERE type = 'procedure.published' AND first),
       count(*) FILTER (WHERE type = 'audio.produced'),
       count(*) FILTER (WHERE type = 'audio.produced' AND cchc),
       count(*) FILTER (WHERE type = 'airing.recorded' AND status = 'aired'),
       count(*) FILTER (WHERE type = 'airing.recorded' AND status = 'aired' AND cchc),
       coalesce(sum(minutes) FILTER (WHERE type = 'airing.recorded' AND status = 'aired'), 0),
       count(*) FILTER (WHERE type = 'relay.recorded' AND status = 'aired'),
       coalesce(sum(minutes) FILTER (WHERE type = 'relay.recorded' AND status = 'aired'), 0),
       count(*) FILTER (WHERE type = 'emergency.aired'),
       coalesce(sum(minutes) FILTER (WHERE type = 'emergency.aired'), 0),
       count(*) FILTER (WHERE type = 'airing.recorded' AND status = 'partial'),
       count(*) FILTER (WHERE type = 'airing.recorded' AND status = 'missed')
  FROM (SELECT unit_id, type, (occurred_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS day,
               coalesce((snapshot->>'first')::boolean, false) AS first,
               coalesce((snapshot->>'countsAsCchc')::boolean, false) AS cchc,
               snapshot->>'status' AS status,
               coalesce((snapshot->>'minutes')::numeric, 0) AS minutes
          FROM evidence
         WHERE type IN ('article.published', 'article.unpublished', 'procedure.published', 'audio.produced',
                        'airing.recorded', 'relay.recorded', 'emergency.aired')) e
 -- the rows the trigger passes over (a later publication, a relay not aired) make no unit-day of their own
 WHERE NOT ((type IN ('article.published', 'procedure.published') AND NOT first)
            OR (type = 'relay.recorded' AND status IS DISTINCT FROM 'aired'))
 GROUP BY unit_id, day;
INSERT INTO report_daily_categories
SELECT e.unit_id, (e.occurred_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, x->>'id',
       (array_agg(coalesce(x->>'name', '') ORDER BY e.occurred_at DESC))[1], count(DISTINCT e.id)
  FROM evidence e CROSS JOIN LATERAL jsonb_array_elements(coalesce(e.snapshot->'categories', '[]'::jsonb)) x
 WHERE e.type = 'article.published' AND coalesce((e.snapshot->>'first')::boolean, false) AND x->>'id' IS NOT NULL
 GROUP BY e.unit_id, (e.occurred_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::date, x->>'id';
$$`);
    await queryRunner.query(`SELECT report_daily_rebuild()`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER report_daily_count ON "evidence"`);
    await queryRunner.query(`DROP FUNCTION report_daily_count()`);
    await queryRunner.query(`DROP FUNCTION report_daily_rebuild()`);
    await queryRunner.query(`DROP TABLE "report_daily_categories"`);
    await queryRunner.query(`DROP TABLE "report_daily"`);
  }
}
