import { Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryService, Reflector } from '@nestjs/core';
import { JOB_HANDLER_KEY, JobHandler } from './job-handler';
import { JOB_NAMES, JobName } from './jobs';
import { QueueService } from './queue.service';

/** Checks that every job has exactly one handler, else refuses to start the worker. */
export function matchHandlers(found: { job: string; owner: string }[]): Map<JobName, string> {
  const problems: string[] = [];
  const owners = new Map<JobName, string>();
  for (const { job, owner } of found) {
    if (!(JOB_NAMES as string[]).includes(job)) {
      problems.push(`${owner} xử lý công việc không có trong danh sách: ${job}`);
    } else if (owners.has(job as JobName)) {
      problems.push(`Công việc ${job} có hai bộ xử lý: ${owners.get(job as JobName)} và ${owner}`);
    } else {
      owners.set(job as JobName, owner);
    }
  }
  for (const job of JOB_NAMES) {
    if (!owners.has(job)) {
      problems.push(`Công việc ${job} chưa có bộ xử lý`);
    }
  }
  if (problems.length > 0) {
    throw new Error(`Worker không thể khởi động:\n- ${problems.join('\n- ')}`);
  }
  return owners;
}

/** The worker's consumer: finds the @HandlesJob providers and subscribes each to its queue. */
@Injectable()
export class JobRunner implements OnApplicationBootstrap {
  private readonly logger = new Logger('Jobs');

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly reflector: Reflector,
    private readonly queue: QueueService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const handlers = new Map<JobName, JobHandler<JobName>>();
    const found: { job: string; owner: string }[] = [];
    for (const wrapper of this.discovery.getProviders()) {
      if (!wrapper.metatype || !wrapper.instance) {
        continue;
      }
      const job = this.reflector.get<JobName | undefined>(
        JOB_HANDLER_KEY,
        wrapper.metatype as object as () => void,
      );
      if (job) {
        found.push({ job, owner: String(wrapper.name) });
        handlers.set(job, wrapper.instance as JobHandler<JobName>);
      }
    }
    matchHandlers(found);
    for (const [job, handler] of handlers) {
      await this.queue.work(job, async (payload, jobId) => {
        const started = Date.now();
        await handler.handle(payload, { jobId });
        this.logger.log({ job, jobId, ms: Date.now() - started }, `Xong công việc ${job}`);
      });
    }
  }
}
