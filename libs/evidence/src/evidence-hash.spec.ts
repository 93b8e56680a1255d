import { createHash } from 'node:crypto';
import { canonicalContent, chainHash, EvidenceContent, GENESIS_HASH } from './evidence-hash';

const content: EvidenceContent = {
  unitId: '11111111-1111-4111-8111-111111111111',
  type: 'article.published',
  occurredAt: new Date('2026-01-02T03:04:05.678Z'),
  recordedAt: new Date('2026-01-02T03:04:06Z'),
  actorId: null,
  method: 'live',
  subject: { type: 'article', id: 'a1' },
  snapshot: { title: 'Cải cách hành chính', categories: [{ cchc: true, name: 'CCHC' }], b: 1.5, a: 10 },
  correctsId: null,
};

describe('evidence hashing', () => {
  it('serializes canonically: sorted keys, ISO times, no whitespace', () => {
    expect(canonicalContent(content)).toBe(
      '{"actorId":null,"correctsId":null,"method":"live","occurredAt":"2026-01-02T03:04:05.678Z",' +
        '"recordedAt":"2026-01-02T03:04:06.000Z","snapshot":{"a":10,"b":1.5,"categories":[{"cchc":true,"name":"CCHC"}],' +
        '"title":"Cải cách hành chính"},"subject":{"id":"a1","type":"article"},"type":"article.published",' +
        '"unitId":"11111111-1111-4111-8111-111111111111"}',
    );
  });

  it('does not depend on the order keys were written in', () => {
    const reordered = {
      ...content,
      snapshot: { a: 10, b: 1.5, title: 'Cải cách hành chính', categories: [{ name: 'CCHC', cchc: true }] },
    };
    expect(canonicalContent(reordered)).toBe(canonicalContent(content));
  });

  it('chains sha256(prev + newline + content)', () => {
    const canonical = canonicalContent(content);
    const expected = createHash('sha256').update(`${GENESIS_HASH}\n${canonical}`).digest('hex');
    expect(chainHash(GENESIS_HASH, canonical)).toBe(expected);
    expect(chainHash(expected, canonical)).not.toBe(expected);
  });

  it('changes when any covered field changes', () => {
    const base = chainHash(GENESIS_HASH, canonicalContent(content));
    expect(
      chainHash(
        GENESIS_HASH,
        canonicalContent({ ...content, snapshot: { ...content.snapshot, title: 'x' } }),
      ),
    ).not.toBe(base);
    expect(chainHash(GENESIS_HASH, canonicalContent({ ...content, occurredAt: new Date(0) }))).not.toBe(base);
    expect(chainHash(GENESIS_HASH, canonicalContent({ ...content, method: 'import' }))).not.toBe(base);
  });
});
