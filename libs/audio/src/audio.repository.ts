import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In, Not } from 'typeorm';
import { lockKeyed } from '@app/common';
import { AudioJingle, JingleKind } from './audio-jingle.entity';
import { Audio, AudioStatus } from './audio.entity';

export interface AudioFilter {
  unitId: string;
  articleId?: string;
  status?: AudioStatus;
  skip: number;
  take: number;
}

const PENDING: AudioStatus[] = ['queued', 'processing'];

/** Thin queries over audios; every one filters by unit or by id (design.md §8). No rules here. */
@Injectable()
export class AudioRepository {
  constructor(private readonly dataSource: DataSource) {}

  private manager(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  find(id: string, manager?: EntityManager): Promise<Audio | null> {
    return this.manager(manager).getRepository(Audio).findOneBy({ id });
  }

  /** The audio locked FOR UPDATE in the caller's transaction. */
  findLocked(id: string, manager: EntityManager): Promise<Audio | null> {
    return manager.getRepository(Audio).findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  /**
   * Serialises the requests and the ready-making of one article's audio (two clicks at once make one
   * audio; "is this the first ready one?" has one answer). Held until the transaction ends.
   */
  async lockArticle(articleId: string, manager: EntityManager): Promise<void> {
    await lockKeyed(manager, 'audioArticle', articleId);
  }

  /** The newest audio of the article asked for with this cache key. */
  latestForKey(
    unitId: string,
    articleId: string,
    cacheKey: string,
    manager: EntityManager,
  ): Promise<Audio | null> {
    return manager.getRepository(Audio).findOne({
      where: { unitId, articleId, cacheKey },
      order: { createdAt: 'DESC' },
    });
  }

  /** A ready audio of the unit with this cache key (its file can be reused). */
  readyForKey(unitId: string, cacheKey: string, manager: EntityManager): Promise<Audio | null> {
    return manager.getRepository(Audio).findOne({ where: { unitId, cacheKey, status: 'ready' } });
  }

  countPending(unitId: string, articleId: string, manager: EntityManager): Promise<number> {
    return manager.getRepository(Audio).count({ where: { unitId, articleId, status: In(PENDING) } });
  }

  /** The article's newest ready audio other than `exceptId` (what the portal played before it). */
  latestReady(
    unitId: string,
    articleId: string,
    exceptId: string,
    manager: EntityManager,
  ): Promise<Audio | null> {
    return manager.getRepository(Audio).findOne({
      where: { unitId, articleId, status: 'ready', id: Not(exceptId) },
      order: { readyAt: 'DESC' },
    });
  }

  async insert(audio: Audio, manager: EntityManager): Promise<void> {
    await manager.getRepository(Audio).insert(audio);
  }

  async save(audio: Audio, manager: EntityManager): Promise<void> {
    await manager.getRepository(Audio).save(audio);
  }

  create(fields: Partial<Audio>, manager?: EntityManager): Audio {
    return this.manager(manager).getRepository(Audio).create(fields);
  }

  /**
   * Takes the audio for processing when it is queued or processing (a run whose worker was lost, handed
   * back by the queue); null when it is ready or failed. `updated_at` says since when it is processing.
   */
  async claim(id: string): Promise<Audio | null> {
    const result = await this.dataSource
      .createQueryBuilder()
      .update(Audio)
      .set({ status: 'processing', error: null, updatedAt: () => 'now()' })
      .where(`id = :id AND status IN ('queued', 'processing')`, { id })
      .execute();
    return result.affected ? this.find(id) : null;
  }

  /** Back to queued (a new request for an audio whose worker was lost). */
  async requeue(audio: Audio, manager: EntityManager): Promise<void> {
    await manager
      .getRepository(Audio)
      .update({ id: audio.id, status: 'processing' }, { status: 'queued', updatedAt: () => 'now()' });
    audio.status = 'queued';
  }

  /** Failed with its reason, unless another run finished it meanwhile. */
  async fail(id: string, reason: string): Promise<void> {
    await this.dataSource
      .getRepository(Audio)
      .update({ id, status: In(PENDING) }, { status: 'failed', error: reason.slice(0, 2000) });
  }

  page(filter: AudioFilter): Promise<[Audio[], number]> {
    return this.dataSource.getRepository(Audio).findAndCount({
      where: {
        unitId: filter.unitId,
        ...(filter.articleId ? { articleId: filter.articleId } : {}),
        ...(filter.status ? { status: filter.status } : {}),
      },
      order: { createdAt: 'DESC', id: 'ASC' },
      skip: filter.skip,
      take: filter.take,
    });
  }

  /** The unit's jingle choices (none stored for a side: the generated default). */
  jingles(unitId: string, manager?: EntityManager): Promise<AudioJingle[]> {
    return this.manager(manager).getRepository(AudioJingle).findBy({ unitId });
  }

  async saveJingle(
    unitId: string,
    kind: JingleKind,
    values: Omit<AudioJingle, 'unitId' | 'kind' | 'unit' | 'updatedAt'>,
  ): Promise<void> {
    await this.dataSource
      .getRepository(AudioJingle)
      .upsert({ unitId, kind, ...values, updatedAt: new Date() }, ['unitId', 'kind']);
  }

  async deleteJingle(unitId: string, kind: JingleKind): Promise<void> {
    await this.dataSource.getRepository(AudioJingle).delete({ unitId, kind });
  }
}
