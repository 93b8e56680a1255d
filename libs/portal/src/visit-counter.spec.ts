import type { DataSource } from 'typeorm';
import { addressKey, MAX_VIEWS_PER_ADDRESS, VisitCounter } from './visit-counter.service';

describe('VisitCounter.count', () => {
  const unit = '6f1c2a9e-0000-4000-8000-000000000001';
  const agent = 'Mozilla/5.0 (Linux; Android 12) Chrome/120 Mobile';
  const day1 = Date.parse('2026-12-02T10:00:00+07:00');
  const day2 = Date.parse('2026-12-03T00:00:01+07:00');
  // count() never touches the database; flush() does, and is not called here.
  const counter = () => new VisitCounter({} as DataSource);

  it('counts a reader once per page and Vietnamese day, again the next day', () => {
    const c = counter();
    const views = Array.from({ length: 20 }, () => c.count(unit, 'home', '203.0.113.7', agent, day1));
    expect(views.filter(Boolean)).toHaveLength(1);
    expect(c.count(unit, 'article a', '203.0.113.7', agent, day1)).toBe(true);
    expect(c.count(unit, 'home', '203.0.113.8', agent, day1)).toBe(true);
    expect(c.count(unit, 'home', '203.0.113.7', `${agent} Firefox`, day1)).toBe(true);
    expect(c.count(unit, 'home', '203.0.113.7', agent, day2)).toBe(true);
    expect(c.count(unit, 'home', '203.0.113.7', 'Googlebot/2.1', day1)).toBe(false);
  });

  it('bounds one address (an IPv6 /64) however often it changes its agent', () => {
    const c = counter();
    let counted = 0;
    for (let i = 0; i < 500; i += 1) {
      // The same /64, different interface ids and agents.
      counted += c.count(
        unit,
        `page ${i % 7}`,
        `2001:db8:1:2::${i.toString(16)}`,
        `Mozilla/5.0 (X11; Linux) variant ${i}`,
        day1,
      )
        ? 1
        : 0;
    }
    expect(counted).toBe(MAX_VIEWS_PER_ADDRESS);
    expect(c.count(unit, 'home', '2001:db8:1:3::1', agent, day1)).toBe(true);
  });

  it('keeps nothing about the reader in what it stores: the unit, the day and a number', () => {
    const c = counter();
    c.count(unit, 'home', '203.0.113.7', agent, day1);
    const pending = (c as unknown as { pending: Map<string, number> }).pending;
    expect([...pending]).toEqual([[`${unit}|2026-12-02`, 1]]);
  });
});

describe('addressKey', () => {
  it.each([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['2001:db8:1:2::99', '2001:db8:1:2'],
    ['2001:0db8:0001:0002:aaaa:bbbb:cccc:dddd', '2001:db8:1:2'],
    ['2001:db8::1', '2001:db8:0:0'],
    ['::1', '0:0:0:0'],
  ])('%s → %s', (address, key) => {
    expect(addressKey(address)).toBe(key);
  });
});
