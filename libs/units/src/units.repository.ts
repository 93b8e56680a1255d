import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Unit } from './unit.entity';

@Injectable()
export class UnitsRepository {
  constructor(@InjectRepository(Unit) private readonly repo: Repository<Unit>) {}

  private on(manager?: EntityManager): Repository<Unit> {
    return manager ? manager.getRepository(Unit) : this.repo;
  }

  findById(id: string, manager?: EntityManager): Promise<Unit | null> {
    return this.on(manager).findOneBy({ id });
  }

  findByIds(ids: string[], manager?: EntityManager): Promise<Unit[]> {
    return ids.length === 0
      ? Promise.resolve([])
      : this.on(manager).createQueryBuilder('u').where('u.id IN (:...ids)', { ids }).getMany();
  }

  findBySlug(slug: string): Promise<Unit | null> {
    return this.repo.findOneBy({ slug });
  }

  async page(options: {
    ids?: string[];
    parentId?: string;
    skip: number;
    take: number;
  }): Promise<[Unit[], number]> {
    const qb = this.repo
      .createQueryBuilder('u')
      .orderBy('u.code', 'ASC')
      .skip(options.skip)
      .take(options.take);
    if (options.ids) {
      if (options.ids.length === 0) {
        return [[], 0];
      }
      qb.andWhere('u.id IN (:...ids)', { ids: options.ids });
    }
    if (options.parentId) {
      qb.andWhere('u.parent_id = :parentId', { parentId: options.parentId });
    }
    return qb.getManyAndCount();
  }

  /**
   * Records `slug` as the unit's (unit_slugs) unless a unit already has it; answers the unit that owns
   * it now. A concurrent claim of the same slug waits on the primary key and then sees the winner.
   */
  async claimSlug(slug: string, unitId: string, manager?: EntityManager): Promise<string> {
    const run = manager ?? this.repo.manager;
    await run.query(`INSERT INTO unit_slugs (slug, unit_id) VALUES ($1, $2) ON CONFLICT (slug) DO NOTHING`, [
      slug,
      unitId,
    ]);
    const [row] = await run.query<{ unitId: string }[]>(
      `SELECT unit_id AS "unitId" FROM unit_slugs WHERE slug = $1`,
      [slug],
    );
    return row.unitId;
  }

  save(unit: Unit, manager?: EntityManager): Promise<Unit> {
    return this.on(manager).save(unit);
  }

  /** Parent, grandparent, … up to the root (nearest first). */
  async ancestorIds(unitId: string, manager?: EntityManager): Promise<string[]> {
    const rows: { id: string }[] = await (manager ?? this.repo.manager).query(
      `WITH RECURSIVE up(id, parent_id, depth) AS (
         SELECT id, parent_id, 0 FROM units WHERE id = $1
         UNION ALL
         SELECT u.id, u.parent_id, up.depth + 1 FROM units u JOIN up ON u.id = up.parent_id WHERE up.depth < 100
       ) SELECT id FROM up WHERE depth > 0 ORDER BY depth`,
      [unitId],
    );
    return rows.map((r) => r.id);
  }

  /** Children, grandchildren, … of the given units (the units themselves excluded). */
  async descendantIds(unitIds: string[], manager?: EntityManager): Promise<string[]> {
    if (unitIds.length === 0) {
      return [];
    }
    const rows: { id: string }[] = await (manager ?? this.repo.manager).query(
      `WITH RECURSIVE down(id, depth) AS (
         SELECT id, 0 FROM units WHERE parent_id = ANY($1::uuid[])
         UNION ALL
         SELECT u.id, down.depth + 1 FROM units u JOIN down ON u.parent_id = down.id WHERE down.depth < 100
       ) SELECT DISTINCT id FROM down`,
      [unitIds],
    );
    return rows.map((r) => r.id);
  }
}
