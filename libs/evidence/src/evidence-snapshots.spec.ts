import { SNAPSHOT_FIELDS, snapshotMismatch } from './evidence-snapshots';
import { EVIDENCE_TYPES } from './evidence-types';

describe('evidence snapshot contract', () => {
  it('names the fields of every evidence type', () => {
    expect(Object.keys(SNAPSHOT_FIELDS).sort()).toEqual([...EVIDENCE_TYPES].sort());
  });

  it('finds fields a snapshot should not have, and required ones it lacks', () => {
    const published = {
      first: true,
      title: 'Tin',
      url: '/site/x/bai-viet/tin',
      categories: [{ id: 'c', name: 'Cải cách hành chính', countsAsCchc: true }],
      countsAsCchc: true,
    };
    expect(snapshotMismatch('article.published', published)).toEqual([]);
    expect(snapshotMismatch('article.published', { ...published, sourceUrl: 'https://cu.vn/a' })).toEqual([]);
    const { first: _first, ...noFirst } = published;
    expect(snapshotMismatch('article.published', { ...noFirst, cchc: true })).toEqual(['+cchc', '-first']);
    // Not shaped yet: anything goes, and no report reads it.
    expect(snapshotMismatch('test.event', { anything: 1 })).toEqual([]);
  });
});
