import { SetMetadata } from '@nestjs/common';
import type { JobName, JobPayloads } from './jobs';

export const JOB_HANDLER_KEY = 'job-handler';

/** Marks a provider as the one handler of a job; it must implement `JobHandler<that job>`. */
export const HandlesJob = (name: JobName) => SetMetadata(JOB_HANDLER_KEY, name);

export interface JobHandler<N extends JobName> {
  handle(payload: JobPayloads[N], context: { jobId: string }): Promise<void>;
}
