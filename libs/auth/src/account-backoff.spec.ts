import { BACKOFF, backoffSeconds } from './account-backoff';

describe('backoffSeconds', () => {
  it('lets the first attempts through, then doubles the wait up to the cap', () => {
    const waits = Array.from({ length: 13 }, (_, i) => backoffSeconds(i));
    expect(waits).toEqual([0, 0, 0, 0, 0, 15, 30, 60, 120, 240, 300, 300, 300]);
    expect(backoffSeconds(10_000)).toBe(BACKOFF.maxDelaySeconds);
  });
});
