import { EVIDENCE_CHAIN_LOCK_CLASS, GLOBAL_LOCKS, KEYED_LOCKS } from './advisory-locks';

describe('advisory lock keys', () => {
  it('are all different, and no global key can equal a keyed (int4) one', () => {
    const globals = Object.values(GLOBAL_LOCKS);
    expect(new Set(globals).size).toBe(globals.length);
    for (const key of globals) {
      expect(Number.isSafeInteger(key)).toBe(true);
      expect(key).toBeGreaterThan(2 ** 31);
    }
    const prefixes = Object.values(KEYED_LOCKS);
    expect(new Set(prefixes).size).toBe(prefixes.length);
    // The evidence class is the first half of a two-int key: its own space, but an int4 all the same.
    expect(EVIDENCE_CHAIN_LOCK_CLASS).toBeLessThan(2 ** 31);
  });
});
