import { Injectable, Logger } from '@nestjs/common';
import { CronTime } from 'cron';
import { hostname } from 'node:os';
import { DataSource } from 'typeorm';
import { TIME_ZONE } from '@app/common';

/** Ticks fire a few milliseconds late; one that fires later than this is still matched to its slot. */
const TOLERANCE_MS = 30_000;
const EARLY_MS = 500;

/**
 * Runs each tick of a schedule once across all workers: the tick's scheduled time is derived from its cron
 * expression (not from the clock of whichever worker fires), and the first worker to insert
 * (task, scheduled time) into schedule_ticks runs it; the others see the conflict and skip.
 */
@Injectable()
export class ScheduleService {
  private readonly logger = new Logger('Schedule');
  private readonly workerId = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;

  constructor(private readonly dataSource: DataSource) {}

  /**
   * The scheduled time of the tick that is firing now: the latest slot of `cron` (in Asia/Ho_Chi_Minh) at or
   * before now, looking back at most TOLERANCE_MS. A run outside any slot gets the current second.
   */
  scheduledTime(cron: string, now = new Date()): Date {
    const time = new CronTime(cron, TIME_ZONE);
    const next = (from: Date): Date => time.getNextDateFrom(from, TIME_ZONE).toJSDate();
    // Timers may fire a hair early; a slot this close ahead is the one firing.
    const limit = now.getTime() + EARLY_MS;
    let slot = next(new Date(now.getTime() - TOLERANCE_MS));
    if (slot.getTime() > limit) {
      return new Date(Math.floor(now.getTime() / 1000) * 1000);
    }
    for (let following = next(slot); following.getTime() <= limit; following = next(slot)) {
      slot = following;
    }
    return slot;
  }

  /** Claims the tick in PostgreSQL; true for exactly one caller per (task, scheduled time). */
  async claim(task: string, scheduledAt: Date): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO schedule_ticks (task, scheduled_at, claimed_by) VALUES ($1, $2, $3)
       ON CONFLICT DO NOTHING RETURNING task`,
      [task, scheduledAt, this.workerId],
    );
    return rows.length === 1;
  }

  /** Claims the current tick of `cron` for `task` and, when this worker won it, runs `run`. */
  async runOnce(task: string, cron: string, run: (scheduledAt: Date) => Promise<void>): Promise<boolean> {
    const scheduledAt = this.scheduledTime(cron);
    if (!(await this.claim(task, scheduledAt))) {
      return false;
    }
    try {
      await run(scheduledAt);
    } catch (error) {
      this.logger.error({ err: error, task, scheduledAt }, `Lịch "${task}" chạy lỗi`);
    }
    return true;
  }
}
