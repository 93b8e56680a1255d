import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { NotFoundException, Principal } from '@app/common';
import { isUniqueViolation, notifyPortalChanged } from '@app/db';
import type { CategoriesSnapshot } from '@app/evidence';
import { UnitAccess, UnitHooks, UnitsRepository } from '@app/units';
import { CategoryResponse, CreateCategoryDto } from './article.dto';
import { ArticlesException } from './articles.exception';
import { ARTICLE_READERS, CATEGORY_KEEPERS } from './articles.roles';
import { Category } from './category.entity';
import { slugFromTitle } from './slug';

/**
 * Every new unit starts with these (design.md §4). "Tin thủ tục hành chính" is the news about procedures:
 * the portal lists it on its procedures catalogue ("Thủ tục hành chính" in the menu) and finds it by its
 * slug, which stays `thu-tuc-hanh-chinh` (units made before it was renamed keep their URLs; migration
 * 1796300100000).
 */
export const DEFAULT_CATEGORIES: readonly { name: string; slug: string; countsAsCchc: boolean }[] = [
  { name: 'Cải cách hành chính', slug: 'cai-cach-hanh-chinh', countsAsCchc: true },
  { name: 'Tin thủ tục hành chính', slug: 'thu-tuc-hanh-chinh', countsAsCchc: true },
  { name: 'Chuyển đổi số', slug: 'chuyen-doi-so', countsAsCchc: false },
  { name: 'Phổ biến giáo dục pháp luật', slug: 'pho-bien-giao-duc-phap-luat', countsAsCchc: false },
  { name: 'Tin hoạt động', slug: 'tin-hoat-dong', countsAsCchc: false },
];

export function toCategoryResponse(c: Category): CategoryResponse {
  const { id, unitId, name, slug, countsAsCchc, position } = c;
  return { id, unitId, name, slug, countsAsCchc, position };
}

@Injectable()
export class CategoriesService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly units: UnitsRepository,
    private readonly access: UnitAccess,
    private readonly hooks: UnitHooks,
  ) {}

  onModuleInit(): void {
    this.hooks.onCreated((unit, manager) => this.createDefaults(unit.id, manager));
  }

  async createDefaults(unitId: string, manager: EntityManager): Promise<void> {
    await manager
      .getRepository(Category)
      .insert(DEFAULT_CATEGORIES.map((c, position) => ({ ...c, unitId, position })));
  }

  async list(principal: Principal, unitId: string): Promise<CategoryResponse[]> {
    await this.assertUnit(unitId);
    this.access.assertRole(principal, unitId, ARTICLE_READERS);
    const rows = await this.dataSource.getRepository(Category).find({
      where: { unitId },
      order: { position: 'ASC', name: 'ASC' },
    });
    return rows.map(toCategoryResponse);
  }

  async create(principal: Principal, unitId: string, dto: CreateCategoryDto): Promise<CategoryResponse> {
    await this.assertUnit(unitId);
    this.access.assertRole(principal, unitId, CATEGORY_KEEPERS);
    const slug = dto.slug ?? slugFromTitle(dto.name);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const repo = manager.getRepository(Category);
        const last = await repo.maximum('position', { unitId });
        await notifyPortalChanged(manager, unitId);
        const saved = await repo.save(
          repo.create({
            unitId,
            name: dto.name,
            slug,
            countsAsCchc: dto.countsAsCchc,
            position: (last ?? -1) + 1,
          }),
        );
        return toCategoryResponse(saved);
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw ArticlesException.categorySlugTaken(slug);
      }
      throw error;
    }
  }

  /** The unit's categories among `ids`; any id not of this unit is refused, naming the field. */
  async resolve(manager: EntityManager, unitId: string, ids: string[], field: string): Promise<Category[]> {
    if (ids.length === 0) {
      return [];
    }
    const found = await manager.getRepository(Category).findBy({ unitId, id: In(ids) });
    const missing = ids.filter((id) => !found.some((c) => c.id === id));
    if (missing.length > 0) {
      throw ArticlesException.unknownCategories(field, missing);
    }
    return ids.map((id) => found.find((c) => c.id === id)!);
  }

  /**
   * The categories part of an evidence snapshot (design.md §4): the unit's categories among `ids` as they
   * are now, in the portal's order, and whether one counts as CCHC. Articles and audio both record it
   * through here, so reports read one shape. Ids not of the unit are left out.
   */
  async snapshot(
    manager: EntityManager,
    unitId: string,
    ids: readonly string[],
  ): Promise<CategoriesSnapshot> {
    const found =
      ids.length === 0
        ? []
        : await manager.getRepository(Category).find({
            where: { unitId, id: In([...ids]) },
            order: { position: 'ASC', name: 'ASC' },
          });
    const categories = found.map(({ id, name, countsAsCchc }) => ({ id, name, countsAsCchc }));
    return { categories, countsAsCchc: categories.some((c) => c.countsAsCchc) };
  }

  private async assertUnit(unitId: string): Promise<void> {
    if (!(await this.units.findById(unitId))) {
      throw new NotFoundException('đơn vị');
    }
  }
}
