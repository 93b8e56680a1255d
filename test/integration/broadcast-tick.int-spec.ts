import type { INestApplicationContext } from '@nestjs/common';
import { SchedulerRegistry } from '@nestjs/schedule';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { BroadcastSchedules } from '../../apps/worker/src/broadcast.schedules';
import { createWorker } from '../../apps/worker/src/create-worker';
import { addDays } from '../../libs/broadcast/src';
import { vietnamDay } from '../../libs/common/src';
import { makeRadioPiece } from '../support/broadcast-factories';
import { openDataSource, workerDatabaseUrl } from '../support/database';
import { makeUnit } from '../support/factories';

describe("the evening tick makes tomorrow's plans once across two workers", () => {
  let db: DataSource;

  beforeAll(async () => {
    process.env.DATABASE_URL = await workerDatabaseUrl();
    db = await openDataSource(process.env.DATABASE_URL);
  });
  afterAll(async () => {
    await db.destroy();
  });

  it('claims each tick once, enqueues one job for the day, and writes one plan per station', async () => {
    const unit = await makeUnit(db);
    const stationId = randomUUID();
    await db.query(`INSERT INTO stations (id, unit_id, name) VALUES ($1, $2, 'Đài thử tick')`, [
      stationId,
      unit.id,
    ]);
    await db.query(
      `INSERT INTO broadcast_slots (unit_id, station_id, name, weekdays, start_minute, duration_minutes, kind)
       VALUES ($1, $2, 'Bản tin', '{1,2,3,4,5,6,7}', 390, 15, 'programme')`,
      [unit.id, stationId],
    );
    const piece = await makeRadioPiece(db, {
      unitId: unit.id,
      title: 'Tin cho ngày mai',
      durationMs: 60_000,
    });

    const claimed: Promise<boolean>[] = [];
    const original = BroadcastSchedules.prototype.tick;
    const spy = jest.spyOn(BroadcastSchedules.prototype, 'tick').mockImplementation(function (
      this: BroadcastSchedules,
      cron: string,
    ) {
      const result = original.call(this, cron);
      claimed.push(result);
      return result;
    });
    process.env.PLAN_GENERATE_CRON = '* * * * * *';
    const since = new Date();
    let workers: INestApplicationContext[] = [];
    try {
      workers = await Promise.all([createWorker(), createWorker()]);
      // Ticks every second in both workers; the job runs in one of them.
      const deadline = Date.now() + 15_000;
      const tomorrow = addDays(vietnamDay(new Date()), 1);
      for (;;) {
        const plans = await db.query(`SELECT 1 FROM broadcast_plans WHERE station_id = $1 AND date = $2`, [
          stationId,
          tomorrow,
        ]);
        if ((plans.length > 0 && claimed.length >= 6) || Date.now() > deadline) {
          break;
        }
        await new Promise((r) => setTimeout(r, 250));
      }
    } finally {
      // Stop the ticks, then let a running job finish before closing (a stop mid-job hands it back and exits).
      for (const w of workers) {
        void w.get(SchedulerRegistry).getCronJob('broadcast.generate-plans').stop();
      }
      for (let i = 0; i < 60; i += 1) {
        const active: unknown[] = await db.query(
          `SELECT 1 FROM pgboss.job WHERE name = 'broadcast.generate-plans' AND state IN ('created', 'retry', 'active')`,
        );
        if (active.length === 0) {
          break;
        }
        await new Promise((r) => setTimeout(r, 250));
      }
      await Promise.all(workers.map((w) => w.close()));
      delete process.env.PLAN_GENERATE_CRON;
      spy.mockRestore();
    }
    const results = await Promise.all(claimed);
    const won = results.filter(Boolean).length;
    const ticks: { n: number }[] = await db.query(
      `SELECT count(*)::int AS n FROM schedule_ticks WHERE task = 'broadcast.generate-plans' AND scheduled_at >= $1`,
      [new Date(Math.floor(since.getTime() / 1000) * 1000)],
    );
    // Both workers fired each second, only one of them won each tick.
    expect(results.length).toBeGreaterThanOrEqual(2 * won - 2);
    expect(won).toBe(ticks[0].n);
    expect(won).toBeLessThan(results.length);

    const tomorrow = addDays(vietnamDay(new Date()), 1);
    const plans: { id: string; version: number; generated_by: string | null }[] = await db.query(
      `SELECT id, version, generated_by FROM broadcast_plans WHERE station_id = $1 AND date = $2`,
      [stationId, tomorrow],
    );
    // One plan, generated once (later runs of the job leave it alone).
    expect(plans).toEqual([{ id: expect.any(String), version: 1, generated_by: null }]);
    const items: { audio_id: string }[] = await db.query(
      `SELECT audio_id FROM broadcast_plan_items WHERE plan_id = $1 AND removed_at IS NULL`,
      [plans[0].id],
    );
    expect(items.map((i) => i.audio_id)).toEqual([piece.audioId]);
  });
});
