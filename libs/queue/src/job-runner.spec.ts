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
  // One handler class per declared job, as the worker's modules provide them.
  const handlers = JOB_NAMES.map((job) => {
    const Handler = class {
      async handle(): Promise<void> {}
    };
    Object.defineProperty(Handler, 'name', { value: `${job}-handler` });
    return { job, Handler };
  });
  const reflector = {
    get: (_key: string, target: unknown) => handlers.find((h) => h.Handler === target)?.job,
  };
  const provider = (metatype: new () => object) => ({
    metatype,
    instance: new metatype(),
    name: metatype.name,
  });

  it('subscribes every handler when each job has one', async () => {
    const work = jest.fn().mockResolvedValue('w');
    const runner = new JobRunner(
      { getProviders: () => handlers.map((h) => provider(h.Handler)) } as never,
      reflector as never,
      { work } as never,
    );
    await runner.onApplicationBootstrap();
    expect(work.mock.calls.map((c) => c[0]).sort()).toEqual([...JOB_NAMES].sort());
  });

  it('refuses to start, subscribing nothing, when a job has no handler', async () => {
    const work = jest.fn();
    const [missing, ...rest] = handlers;
    const runner = new JobRunner(
      { getProviders: () => rest.map((h) => provider(h.Handler)) } as never,
      reflector as never,
      { work } as never,
    );
    await expect(runner.onApplicationBootstrap()).rejects.toThrow(`${missing.job} chưa có bộ xử lý`);
    expect(work).not.toHaveBeenCalled();
  });
});
