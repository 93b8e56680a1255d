import { joinTables } from './permissions.service';

describe('joinTables', () => {
  it('joins the domains’ tables, sorted by action', () => {
    const joined = joinTables([
      { owner: 'A', table: { 'b.x': ['admin'] } },
      { owner: 'B', table: { 'a.y': ['editor', 'admin'] } },
    ]);
    expect([...joined]).toEqual([
      ['a.y', ['editor', 'admin']],
      ['b.x', ['admin']],
    ]);
  });

  it('refuses an action stated by two domains', () => {
    expect(() =>
      joinTables([
        { owner: 'A', table: { 'a.x': ['admin'] } },
        { owner: 'B', table: { 'a.x': ['editor'] } },
      ]),
    ).toThrow(/a\.x.*A.*B/);
  });
});
