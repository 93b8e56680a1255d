import { JOB_NAMES } from './jobs';
import { JobRunner, matchHandlers } from './job-runner';

describe('job handler registry', () => {
  const all = JOB_NAMES.map((job) => ({ job, owner: `${job}-handler` }));

  it('accepts exactly one handler per job', () => {
    expect([...matchHandlers(all).keys()].sort()).toEqual([...JOB_NAMES].sort());
  });

  it('refuses to start when a job has no handler', () => {
    expect(() => matchHandlers(all.slice(1))).toThrow(`Công việc ${JOB_NAMES[0]} chưa có bộ xử lý`);
  });

  it('refuses two handlers for one job', () => {
    expect(() => matchHandlers([...all, { job: JOB_NAMES[0], owner: 'Second' }])).toThrow(/hai bộ xử lý/);
  });

  it('refuses a handler of a job that is not declared', () => {
    expect(() => matchHandlers([...all, { job: 'no.such.job', owner: 'Stray' }])).toThrow(/no\.such\.job/);
  });
});

describe('JobRunner at worker start', () => {
  class VerifyHandler {
    async handle(): Promise<void> {}
  }
  class PurgeHandler {
    async handle(): Promise<void> {}
  }
  const reflector = {
    get: (_key: string, target: unknown) =>
      target === VerifyHandler
        ? 'evidence.verify'
        : target === PurgeHandler
          ? 'maintenance.purge-rate-limits'
          : undefined,
  };
  const provider = (metatype: new () => object) => ({
    metatype,
    instance: new metatype(),
    name: metatype.name,
  });

  it('subscribes every handler when each job has one', async () => {
    const work = jest.fn().mockResolvedValue('w');
    const runner = new JobRunner(
      { getProviders: () => [provider(VerifyHandler), provider(PurgeHandler)] } as never,
      reflector as never,
      { boss: { work } } as never,
    );
    await runner.onApplicationBootstrap();
    expect(work.mock.calls.map((c) => c[0]).sort()).toEqual([
      'evidence.verify',
      'maintenance.purge-rate-limits',
    ]);
  });

  it('refuses to start, subscribing nothing, when a job has no handler', async () => {
    const work = jest.fn();
    const runner = new JobRunner(
      { getProviders: () => [provider(VerifyHandler)] } as never,
      reflector as never,
      {
        boss: { work },
      } as never,
    );
    await expect(runner.onApplicationBootstrap()).rejects.toThrow(
      /maintenance\.purge-rate-limits chưa có bộ xử lý/,
    );
    expect(work).not.toHaveBeenCalled();
  });
});
