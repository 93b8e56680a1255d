import { RestartBackoff } from './restart-policy';

describe('RestartBackoff', () => {
  const policy = { firstDelayMs: 1000, maxDelayMs: 30_000, stableAfterMs: 60_000 };

  it('doubles the wait after each quick crash, up to the cap', () => {
    const backoff = new RestartBackoff(policy);
    const waits = Array.from({ length: 8 }, () => backoff.exited(200).delayMs);
    expect(waits).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
  });

  it('counts the attempts and starts over after a stable run', () => {
    const backoff = new RestartBackoff(policy);
    backoff.exited(100);
    backoff.exited(100);
    expect(backoff.exited(100)).toEqual({ delayMs: 4000, attempt: 3 });
    expect(backoff.exited(60_000)).toEqual({ delayMs: 1000, attempt: 1 });
    expect(backoff.exited(59_999)).toEqual({ delayMs: 2000, attempt: 2 });
  });
});
