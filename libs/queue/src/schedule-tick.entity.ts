import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row per (task, scheduled time): the first worker to insert it runs the tick, the others skip it. */
@Entity('schedule_ticks')
export class ScheduleTick {
  @PrimaryColumn({ type: 'varchar', length: 100 })
  task!: string;

  @PrimaryColumn({ type: 'timestamptz' })
  scheduledAt!: Date;

  @Column({ type: 'varchar', length: 200 })
  claimedBy!: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  claimedAt!: Date;
}
