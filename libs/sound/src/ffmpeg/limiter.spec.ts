import { Limiter } from './limiter';

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

describe('Limiter', () => {
  it('runs at most `concurrency` tasks at once, the others in arrival order', async () => {
    const limiter = new Limiter(2);
    const started: number[] = [];
    const release: Array<() => void> = [];
    let peak = 0;
    const tasks = [1, 2, 3, 4, 5].map((n) =>
      limiter.run(async () => {
        started.push(n);
        peak = Math.max(peak, limiter.active);
        await new Promise<void>((resolve) => release.push(resolve));
        return n * 10;
      }),
    );
    await tick();
    expect(started).toEqual([1, 2]);
    expect(limiter.pending).toBe(3);
    release.shift()?.();
    await tick();
    expect(started).toEqual([1, 2, 3]);
    while (release.length || limiter.pending) {
      release.shift()?.();
      await tick();
    }
    await expect(Promise.all(tasks)).resolves.toEqual([10, 20, 30, 40, 50]);
    expect(peak).toBe(2);
    expect(limiter.active).toBe(0);
  });

  it('frees the slot when a task fails', async () => {
    const limiter = new Limiter(1);
    await expect(limiter.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limiter.run(async () => 'next')).resolves.toBe('next');
    expect(limiter.active).toBe(0);
  });

  it('refuses a concurrency that is not a positive integer', () => {
    expect(() => new Limiter(0)).toThrow(RangeError);
    expect(() => new Limiter(1.5)).toThrow(RangeError);
  });
});
