import { createHash, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { EvidenceLinker } from '../../apps/worker/src/evidence-linker';
import { EVIDENCE_CHAIN_LOCK_CLASS } from '../../libs/common/src';
import { EvidenceService, RecordEvidence } from '../../libs/evidence/src';
import { UnitAccess } from '../../libs/units/src';
import { openDataSource, workerDatabaseUrl } from '../support/database';
import { EvidenceRow } from '../../libs/evidence/src/evidence.entity';
import { UnitsRepository } from '../../libs/units/src/units.repository';
import { Unit } from '../../libs/units/src/unit.entity';

describe('evidence log', () => {
  let dataSource: DataSource;
  let evidence: EvidenceService;

  beforeAll(async () => {
    dataSource = await openDataSource(await workerDatabaseUrl());
    const access = new UnitAccess(new UnitsRepository(dataSource.getRepository(Unit)));
    evidence = new EvidenceService(dataSource.getRepository(EvidenceRow), access);
  });
  afterAll(async () => {
    await dataSource.destroy();
  });

  async function newUnit(): Promise<string> {
    const id = randomUUID();
    const tag = id.slice(0, 8);
    await dataSource.query(
      `INSERT INTO units (id, code, name, kind, slug) VALUES ($1, $2, $3, 'commune', $4)`,
      [id, `E${tag}`, `Xã ${tag}`, `e-${tag}`],
    );
    return id;
  }

  /** The row as committed: its place in the chain is set by the database at COMMIT. */
  async function committed(
    id: string,
  ): Promise<{ seq: number; prevHash: string; hash: string; contentHash: string }> {
    const rows: { seq: string; prev_hash: string; hash: string; content_hash: string }[] =
      await dataSource.query('SELECT seq, prev_hash, hash, content_hash FROM evidence WHERE id = $1', [id]);
    return {
      seq: Number(rows[0].seq),
      prevHash: rows[0].prev_hash,
      hash: rows[0].hash,
      contentHash: rows[0].content_hash,
    };
  }

  const fact = (unitId: string, n: number): RecordEvidence<'test.event'> => ({
    unitId,
    type: 'test.event',
    occurredAt: new Date(Date.UTC(2026, 0, 1, 0, 0, n)),
    actorId: null,
    method: 'live',
    subject: { type: 'article', id: `a-${n}` },
    snapshot: { title: `Tin bài số ${n}: cải cách hành chính`, n, nested: { z: 1, a: [1, 2.5, 'ba'] } },
  });

  it('chains rows of a unit from the genesis hash', async () => {
    const unitId = await newUnit();
    const first = await committed((await evidence.record(dataSource.manager, fact(unitId, 1))).id);
    const second = await committed((await evidence.record(dataSource.manager, fact(unitId, 2))).id);
    expect(first.seq).toBe(1);
    expect(first.prevHash).toBe('0'.repeat(64));
    expect(first.hash).toBe(
      createHash('sha256')
        .update(`${'0'.repeat(64)}\n${first.contentHash}`)
        .digest('hex'),
    );
    expect(second.seq).toBe(2);
    expect(second.prevHash).toBe(first.hash);
    await expect(evidence.verify(unitId)).resolves.toEqual({ ok: true, checked: 2 });
  });

  it('keeps one chain per unit', async () => {
    const a = await newUnit();
    const b = await newUnit();
    await evidence.record(dataSource.manager, fact(a, 1));
    const firstOfB = await committed((await evidence.record(dataSource.manager, fact(b, 1))).id);
    expect(firstOfB.seq).toBe(1);
    expect(firstOfB.prevHash).toBe('0'.repeat(64));
  });

  it('records inside the caller transaction: a rollback leaves no row and no gap', async () => {
    const unitId = await newUnit();
    await evidence.record(dataSource.manager, fact(unitId, 1));
    await expect(
      dataSource.transaction(async (manager) => {
        await evidence.record(manager, fact(unitId, 2));
        throw new Error('the publication failed');
      }),
    ).rejects.toThrow('the publication failed');
    const next = await committed((await evidence.record(dataSource.manager, fact(unitId, 3))).id);
    expect(next.seq).toBe(2);
    await expect(evidence.verify(unitId)).resolves.toEqual({ ok: true, checked: 2 });
  });

  it('links several rows of one transaction in the order they were recorded, at commit', async () => {
    const unitId = await newUnit();
    // Twenty facts in one transaction: many share a millisecond, so the order cannot come from the clock.
    const ids = await dataSource.transaction(async (manager) => {
      const recorded: string[] = [];
      for (let i = 1; i <= 20; i += 1) {
        recorded.push((await evidence.record(manager, fact(unitId, i))).id);
      }
      const pending: { hash: string | null }[] = await manager.query(
        'SELECT hash FROM evidence WHERE id = $1',
        [recorded[0]],
      );
      expect(pending[0].hash).toBeNull();
      return recorded;
    });
    const seqs = await Promise.all(ids.map(async (id) => Number((await committed(id)).seq)));
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    await expect(evidence.verify(unitId)).resolves.toEqual({ ok: true, checked: 20 });
  });

  it('never makes a commit wait for the link lock: its row waits instead, and the next linker links it', async () => {
    const unitId = await newUnit();
    const holder = dataSource.createQueryRunner();
    await holder.connect();
    try {
      await holder.query('SELECT pg_advisory_lock($1, hashtext($2::text))', [
        EVIDENCE_CHAIN_LOCK_CLASS,
        unitId,
      ]);
      const first = await evidence.record(dataSource.manager, fact(unitId, 1));
      const pending: { hash: string | null }[] = await dataSource.query(
        'SELECT hash FROM evidence WHERE id = $1',
        [first.id],
      );
      expect(pending[0].hash).toBeNull();
      await expect(evidence.verify(unitId)).resolves.toEqual({ ok: true, checked: 0, pending: 1 });
      await expect(evidence.linkPending(unitId)).resolves.toBe(0); // the lock is still taken
      await holder.query('SELECT pg_advisory_unlock($1, hashtext($2::text))', [
        EVIDENCE_CHAIN_LOCK_CLASS,
        unitId,
      ]);
      const second = await evidence.record(dataSource.manager, fact(unitId, 2));
      expect((await committed(first.id)).seq).toBe(1);
      expect((await committed(second.id)).seq).toBe(2);
      await expect(evidence.verify(unitId)).resolves.toEqual({ ok: true, checked: 2 });
    } finally {
      await holder.release();
    }
  });

  it("links what commits left behind through the worker's sweep", async () => {
    const unitId = await newUnit();
    const holder = dataSource.createQueryRunner();
    await holder.connect();
    let row: { id: string };
    try {
      await holder.query('SELECT pg_advisory_lock($1, hashtext($2::text))', [
        EVIDENCE_CHAIN_LOCK_CLASS,
        unitId,
      ]);
      row = await evidence.record(dataSource.manager, fact(unitId, 1));
      await holder.query('SELECT pg_advisory_unlock($1, hashtext($2::text))', [
        EVIDENCE_CHAIN_LOCK_CLASS,
        unitId,
      ]);
    } finally {
      await holder.release();
    }
    const linker = new EvidenceLinker(evidence);
    await linker.sweep();
    // The sweep leaves rows younger than a second to their own unit's next commit.
    await expect(evidence.verify(unitId)).resolves.toEqual({ ok: true, checked: 0, pending: 1 });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await linker.sweep();
    expect((await committed(row.id)).seq).toBe(1);
    await expect(evidence.verify(unitId)).resolves.toEqual({ ok: true, checked: 1 });
  });

  it('leaves a valid chain after concurrent appends in one unit', async () => {
    const unitId = await newUnit();
    const writers = 8;
    const perWriter = 40;
    await Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        for (let i = 0; i < perWriter; i += 1) {
          await dataSource.transaction((manager) => evidence.record(manager, fact(unitId, w * 1000 + i)));
        }
      }),
    );
    // Commits that found the unit's link lock busy left their rows for the next linker (the worker sweeps).
    await evidence.linkPending(unitId);
    const result = await evidence.verify(unitId);
    expect(result).toEqual({ ok: true, checked: writers * perWriter });
    const seqs: { seq: string }[] = await dataSource.query(
      'SELECT seq FROM evidence WHERE unit_id = $1 ORDER BY seq',
      [unitId],
    );
    expect(seqs.map((r) => Number(r.seq))).toEqual(
      Array.from({ length: writers * perWriter }, (_, i) => i + 1),
    );
  });

  it('refuses UPDATE, DELETE and TRUNCATE in the database itself', async () => {
    const unitId = await newUnit();
    const row = await evidence.record(dataSource.manager, fact(unitId, 1));
    await expect(
      dataSource.query(`UPDATE evidence SET snapshot = '{}' WHERE id = $1`, [row.id]),
    ).rejects.toThrow(/append-only/);
    await expect(dataSource.query('DELETE FROM evidence WHERE id = $1', [row.id])).rejects.toThrow(
      /append-only/,
    );
    await expect(dataSource.query('TRUNCATE evidence CASCADE')).rejects.toThrow(/append-only/);
    await expect(
      dataSource.query('DELETE FROM evidence_chain_heads WHERE unit_id = $1', [unitId]),
    ).rejects.toThrow(/append-only/);
    await expect(evidence.verify(unitId)).resolves.toEqual({ ok: true, checked: 1 });
  });

  describe('tampering by a superuser who disables the trigger', () => {
    async function asSuperuser(sql: string, params: unknown[]): Promise<void> {
      await dataSource.transaction(async (manager) => {
        await manager.query('ALTER TABLE evidence DISABLE TRIGGER evidence_no_update_delete');
        await manager.query(sql, params);
        await manager.query('ALTER TABLE evidence ENABLE TRIGGER evidence_no_update_delete');
      });
    }

    it('names the first changed row', async () => {
      const unitId = await newUnit();
      const rows = [];
      for (let n = 1; n <= 5; n += 1) {
        rows.push(await evidence.record(dataSource.manager, fact(unitId, n)));
      }
      await asSuperuser(
        `UPDATE evidence SET snapshot = jsonb_set(snapshot, '{title}', '"sửa lén"') WHERE id = $1`,
        [rows[2].id],
      );
      const result = await evidence.verify(unitId);
      expect(result).toMatchObject({ ok: false, checked: 2, firstBrokenId: rows[2].id, firstBrokenSeq: 3 });
      expect(result.reason).toMatch(/thay đổi/);
    });

    it('names a row whose content was changed together with its content hash', async () => {
      const unitId = await newUnit();
      const rows = [];
      for (let n = 1; n <= 3; n += 1) {
        rows.push(await evidence.record(dataSource.manager, fact(unitId, n)));
      }
      await asSuperuser(
        `UPDATE evidence SET method = 'import', content_hash = repeat('b', 64) WHERE id = $1`,
        [rows[1].id],
      );
      await expect(evidence.verify(unitId)).resolves.toMatchObject({
        ok: false,
        checked: 1,
        firstBrokenId: rows[1].id,
      });
    });

    it('names the row after a deleted one', async () => {
      const unitId = await newUnit();
      const rows = [];
      for (let n = 1; n <= 4; n += 1) {
        rows.push(await evidence.record(dataSource.manager, fact(unitId, n)));
      }
      await asSuperuser('DELETE FROM evidence WHERE id = $1', [rows[1].id]);
      await expect(evidence.verify(unitId)).resolves.toMatchObject({
        ok: false,
        checked: 1,
        firstBrokenId: rows[2].id,
      });
    });

    it('notices rows cut from the end of the chain', async () => {
      const unitId = await newUnit();
      const rows = [];
      for (let n = 1; n <= 3; n += 1) {
        rows.push(await evidence.record(dataSource.manager, fact(unitId, n)));
      }
      await asSuperuser('DELETE FROM evidence WHERE id = $1', [rows[2].id]);
      const result = await evidence.verify(unitId);
      expect(result).toMatchObject({ ok: false, checked: 2 });
      expect(result.reason).toMatch(/Thiếu các dòng cuối/);
    });

    it('notices a re-hashed row whose successor still points at the old hash', async () => {
      const unitId = await newUnit();
      const rows = [];
      for (let n = 1; n <= 3; n += 1) {
        rows.push(await evidence.record(dataSource.manager, fact(unitId, n)));
      }
      await asSuperuser(`UPDATE evidence SET hash = repeat('a', 64) WHERE id = $1`, [rows[0].id]);
      await expect(evidence.verify(unitId)).resolves.toMatchObject({ ok: false, firstBrokenId: rows[0].id });
    });
  });

  it('stores what it hashed: snapshot values survive the jsonb round trip', async () => {
    const unitId = await newUnit();
    await evidence.record(dataSource.manager, {
      ...fact(unitId, 1),
      snapshot: {
        big: 12345678901234,
        float: 0.1,
        text: 'Thủ tục hành chính "1.004227"',
        empty: {},
        list: [],
        nil: null,
        skip: undefined,
      },
    });
    await expect(evidence.verify(unitId)).resolves.toEqual({ ok: true, checked: 1 });
  });
});
