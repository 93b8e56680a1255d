import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import canonicalize from 'canonicalize';
import { DataSource, EntityManager } from 'typeorm';
import { CategoriesService } from '@app/articles';
import { AudioAccepted, AudioRequestsService } from '@app/audio';
import { ErrorDetail, Page, Principal, startOfVietnamDay, toPage } from '@app/common';
import { notifyPortalChanged } from '@app/db';
import { EvidenceService } from '@app/evidence';
import { Airing } from './airing.entity';
import {
  AiringResponse,
  EmergencyDto,
  EmergencySpeechDto,
  ListAiringsQueryDto,
  RecordAiringDto,
} from './broadcast.dto';
import { BroadcastException } from './broadcast.exception';
import { BroadcastRepository, type AudioRow } from './broadcast.repository';
import { AIRING_RECORDERS, BROADCAST_READERS, EMERGENCY_CALLERS } from './broadcast.roles';
import { addDays } from './plan-generator';
import { BroadcastPlanItem } from './plan.entity';
import { Station } from './station.entity';
import { StationsService } from './stations.service';

/** Clocks of a station PC and of the server may differ this much before "in the future" is refused. */
const CLOCK_SKEW_MS = 2 * 60_000;
/** The console's rule (issue [7/10]): at least this share played is `aired`, less is `partial`. */
export const AIRED_SHARE = 0.9;
const KEY = /^[\x21-\x7e]{1,200}$/;

export function toAiringResponse(a: Airing): AiringResponse {
  return {
    id: a.id,
    stationId: a.stationId,
    planItemId: a.planItemId,
    audioId: a.audioId,
    articleId: a.articleId,
    kind: a.kind,
    title: a.title,
    sourceName: a.sourceName,
    startedAt: a.startedAt,
    endedAt: a.endedAt,
    playedSeconds: a.playedSeconds,
    status: a.status,
    method: a.method,
    note: a.note,
    operatorId: a.operatorId,
    createdAt: a.createdAt,
  };
}

const minutesOf = (a: Pick<Airing, 'playedSeconds' | 'startedAt' | 'endedAt' | 'status'>): number => {
  if (a.status === 'missed') {
    return 0;
  }
  const seconds = a.playedSeconds ?? (a.endedAt.getTime() - a.startedAt.getTime()) / 1000;
  return Math.round((seconds / 60) * 100) / 100;
};

export interface RecordedAiring {
  airing: AiringResponse;
  /** False when the Idempotency-Key named an airing already kept (the answer is then 200, not 201). */
  created: boolean;
}

/** Airings: recorded once per Idempotency-Key, checked, and kept as evidence in the same transaction. */
@Injectable()
export class AiringsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly repo: BroadcastRepository,
    private readonly stations: StationsService,
    private readonly categories: CategoriesService,
    private readonly evidence: EvidenceService,
    private readonly speech: AudioRequestsService,
  ) {}

  /**
   * `POST /stations/:id/emergency/speech`: typed text spoken at once (queued ahead of other speech, no
   * jingles). 202 with the audio; once it is ready the console airs it with `POST /stations/:id/emergency`.
   */
  async emergencySpeech(
    principal: Principal,
    stationId: string,
    dto: EmergencySpeechDto,
  ): Promise<AudioAccepted> {
    const { unit } = await this.stations.requireStation(principal, stationId, EMERGENCY_CALLERS);
    return this.speech.requestForText(principal, unit, dto.title ?? 'Thông báo khẩn cấp', dto.text);
  }

  static checkKey(key: string | undefined): string | null {
    if (key === undefined) {
      return null;
    }
    if (!KEY.test(key)) {
      throw BroadcastException.idempotencyKeyInvalid();
    }
    return key;
  }

  async record(principal: Principal, dto: RecordAiringDto, rawKey?: string): Promise<RecordedAiring> {
    const key = AiringsService.checkKey(rawKey);
    return this.dataSource.transaction(async (manager) => {
      const { station } = await this.stations.requireStation(
        principal,
        dto.stationId,
        AIRING_RECORDERS,
        manager,
      );
      return this.recordIn(manager, station, principal.id, dto, key);
    });
  }

  /**
   * The rules and the evidence of one airing inside the caller's transaction, for a station whose access
   * the caller has checked (`record`, and the logbook import for each of its rows). A broken rule throws
   * BroadcastException before anything is written.
   */
  async recordIn(
    manager: EntityManager,
    station: Station,
    operatorId: string,
    dto: RecordAiringDto,
    key: string | null,
  ): Promise<RecordedAiring> {
    const requestHash = createHash('sha256')
      .update(canonicalize(dto) ?? '')
      .digest('hex');
    if (key) {
      const existing = await this.repo.findAiringByKey(station.unitId, key, manager);
      if (existing) {
        return this.replay(existing, requestHash);
      }
    }
    const values = await this.validate(station, dto, manager);
    const airing = await this.repo.insertAiringOnce(
      { ...values, operatorId, idempotencyKey: key, requestHash: key ? requestHash : null },
      manager,
    );
    if (!airing) {
      // A concurrent request with the same key committed first.
      const existing = await this.repo.findAiringByKey(station.unitId, key!, manager);
      return this.replay(existing!, requestHash);
    }
    await this.recordEvidence(station, airing, values.categoryIds, operatorId, manager);
    return { airing: toAiringResponse(airing), created: true };
  }

  private replay(existing: Airing, requestHash: string): RecordedAiring {
    if (existing.requestHash !== requestHash) {
      throw BroadcastException.idempotencyKeyReused();
    }
    return { airing: toAiringResponse(existing), created: false };
  }

  /** `POST /stations/:id/emergency`: a ready audio airs now, outside the plan; kept as `emergency.aired`. */
  async emergency(
    principal: Principal,
    stationId: string,
    dto: EmergencyDto,
    rawKey?: string,
  ): Promise<RecordedAiring> {
    const key = AiringsService.checkKey(rawKey);
    const requestHash = createHash('sha256')
      .update(canonicalize({ stationId, ...dto }) ?? '')
      .digest('hex');
    return this.dataSource.transaction(async (manager) => {
      const { station } = await this.stations.requireStation(
        principal,
        stationId,
        EMERGENCY_CALLERS,
        manager,
      );
      if (key) {
        const existing = await this.repo.findAiringByKey(station.unitId, key, manager);
        if (existing) {
          return this.replay(existing, requestHash);
        }
      }
      const audio = await this.audioOf(station, dto.audioId, 'audioId', manager);
      const startedAt = new Date();
      const airing = await this.repo.insertAiringOnce(
        {
          unitId: station.unitId,
          stationId: station.id,
          planItemId: null,
          audioId: audio.id,
          articleId: audio.articleId,
          kind: 'emergency',
          title: audio.title,
          sourceName: null,
          startedAt,
          endedAt: new Date(startedAt.getTime() + audio.durationMs),
          playedSeconds: null,
          status: 'aired',
          method: 'console',
          note: null,
          operatorId: principal.id,
          idempotencyKey: key,
          requestHash: key ? requestHash : null,
        },
        manager,
      );
      if (!airing) {
        return this.replay((await this.repo.findAiringByKey(station.unitId, key!, manager))!, requestHash);
      }
      await this.recordEvidence(station, airing, audio.categoryIds, principal.id, manager);
      return { airing: toAiringResponse(airing), created: true };
    });
  }

  async list(principal: Principal, query: ListAiringsQueryDto): Promise<Page<AiringResponse>> {
    const { station } = await this.stations.requireStation(principal, query.stationId, BROADCAST_READERS);
    if (query.from && query.to && query.to < query.from) {
      const message = 'Đến ngày (to) phải sau hoặc bằng Từ ngày (from)';
      throw BroadcastException.invalid([{ field: 'to', message }]);
    }
    const [rows, total] = await this.repo.airingsPage(
      station.unitId,
      station.id,
      query.from ? startOfVietnamDay(query.from) : null,
      query.to ? startOfVietnamDay(addDays(query.to, 1)) : null,
      (query.page - 1) * query.pageSize,
      query.pageSize,
    );
    return toPage(rows.map(toAiringResponse), total, query);
  }

  private async audioOf(
    station: Station,
    audioId: string,
    field: string,
    manager: EntityManager,
  ): Promise<AudioRow> {
    const audio = await this.repo.readyAudio(station.unitId, audioId, manager);
    if (!audio) {
      const message = `Bản tin âm thanh (${field}) không có, chưa sẵn sàng, hoặc không thuộc đơn vị của đài`;
      throw BroadcastException.invalid([{ field, message }]);
    }
    return audio;
  }

  /** Every rule of an airing record, each broken one a 400 naming its field; the row to insert. */
  private async validate(
    station: Station,
    dto: RecordAiringDto,
    manager: EntityManager,
  ): Promise<Partial<Airing> & { categoryIds: string[] }> {
    const problems: ErrorDetail[] = [];
    const startedAt = new Date(dto.startedAt);
    const endedAt = new Date(dto.endedAt);
    const now = Date.now();
    const method = dto.method ?? 'operator';
    if (startedAt.getTime() > now + CLOCK_SKEW_MS) {
      problems.push({
        field: 'startedAt',
        message: 'Bắt đầu phát (startedAt) ở tương lai: chỉ ghi lượt phát đã diễn ra',
      });
    }
    if (endedAt.getTime() > now + CLOCK_SKEW_MS) {
      problems.push({
        field: 'endedAt',
        message: 'Kết thúc phát (endedAt) ở tương lai: chỉ ghi lượt phát đã diễn ra',
      });
    }
    if (startedAt.getTime() < Date.parse('2000-01-01T00:00:00+07:00')) {
      problems.push({ field: 'startedAt', message: 'Bắt đầu phát (startedAt) phải từ năm 2000' });
    }
    if (endedAt.getTime() < startedAt.getTime()) {
      problems.push({
        field: 'endedAt',
        message: 'Kết thúc phát (endedAt) phải sau hoặc bằng Bắt đầu phát (startedAt)',
      });
    } else if (endedAt.getTime() - startedAt.getTime() > 12 * 3_600_000) {
      problems.push({ field: 'endedAt', message: 'Một lượt phát không dài quá 12 giờ (endedAt)' });
    }
    if (
      dto.playedSeconds !== undefined &&
      dto.playedSeconds > (endedAt.getTime() - startedAt.getTime()) / 1000 + 5
    ) {
      problems.push({
        field: 'playedSeconds',
        message: 'Số giây đã phát (playedSeconds) dài hơn khoảng từ lúc bắt đầu đến lúc kết thúc',
      });
    }
    if (dto.status === 'missed' && !dto.note) {
      problems.push({
        field: 'note',
        message: 'Ghi chú (note) là bắt buộc khi không phát được (missed): ghi lý do',
      });
    }
    if (dto.kind === 'emergency' && dto.status === 'missed') {
      problems.push({
        field: 'status',
        message: 'Thông báo khẩn cấp không phát được thì không ghi lượt phát (status)',
      });
    }
    if (dto.kind === 'relay' && dto.audioId) {
      problems.push({ field: 'audioId', message: 'Tiếp âm không gắn bản tin âm thanh (audioId)' });
    }
    if (problems.length > 0) {
      throw BroadcastException.invalid(problems);
    }

    let item: BroadcastPlanItem | null = null;
    if (dto.planItemId) {
      item = await this.repo.itemOfStation(station.unitId, station.id, dto.planItemId, manager);
      if (!item) {
        throw BroadcastException.invalid([
          {
            field: 'planItemId',
            message: 'Mục trong lịch phát (planItemId) không có trong lịch của đài này',
          },
        ]);
      }
      const expected = item.kind === 'relay' ? 'relay' : 'programme';
      if (dto.kind !== expected) {
        throw BroadcastException.invalid([
          {
            field: 'kind',
            message: `Mục trong lịch là ${item.kind === 'relay' ? 'tiếp âm' : 'bản tin'}: loại lượt phát (kind) phải là "${expected}"`,
          },
        ]);
      }
      if (dto.audioId && dto.audioId !== item.audioId) {
        throw BroadcastException.invalid([
          { field: 'audioId', message: 'Bản tin âm thanh (audioId) khác với bản tin của mục trong lịch' },
        ]);
      }
    }

    const base = {
      unitId: station.unitId,
      stationId: station.id,
      planItemId: item?.id ?? null,
      kind: dto.kind,
      startedAt,
      endedAt,
      playedSeconds: dto.playedSeconds ?? null,
      status: dto.status,
      method,
      note: dto.note ?? null,
    };
    if (dto.kind === 'relay') {
      let sourceName = dto.sourceName ?? null;
      if (item) {
        const slot = await this.repo.findSlot(item.slotId, manager);
        sourceName = sourceName ?? slot?.relayName ?? item.title;
      }
      if (!sourceName) {
        throw BroadcastException.invalid([
          {
            field: 'sourceName',
            message: 'Nguồn tiếp âm (sourceName) là bắt buộc khi lượt tiếp âm không gắn mục trong lịch',
          },
        ]);
      }
      return {
        ...base,
        audioId: null,
        articleId: null,
        title: dto.title ?? item?.title ?? `Tiếp âm ${sourceName}`,
        sourceName,
        categoryIds: [],
      };
    }
    const audioId = dto.audioId ?? item?.audioId ?? null;
    if (audioId) {
      const audio = await this.audioOf(station, audioId, 'audioId', manager);
      return {
        ...base,
        audioId,
        articleId: audio.articleId,
        title: dto.title ?? audio.title,
        sourceName: null,
        categoryIds: audio.categoryIds,
      };
    }
    if (!dto.title) {
      throw BroadcastException.invalid([
        {
          field: 'audioId',
          message:
            'Cần bản tin âm thanh (audioId), mục trong lịch (planItemId), hoặc tên bài (title) cho lượt phát',
        },
      ]);
    }
    if (dto.categoryId) {
      const found = await this.categories.snapshot(manager, station.unitId, [dto.categoryId]);
      if (found.categories.length === 0) {
        throw BroadcastException.invalid([
          { field: 'categoryId', message: 'Chuyên mục (categoryId) không có trong đơn vị' },
        ]);
      }
    }
    return {
      ...base,
      audioId: null,
      articleId: null,
      title: dto.title,
      sourceName: null,
      categoryIds: dto.categoryId ? [dto.categoryId] : [],
    };
  }

  private async recordEvidence(
    station: Station,
    airing: Airing,
    categoryIds: string[],
    actorId: string,
    manager: EntityManager,
  ): Promise<void> {
    // Every new airing (programme, relay, emergency) may put a player on the portal's "Phát thanh" page.
    await notifyPortalChanged(manager, station.unitId);
    const common = {
      unitId: station.unitId,
      occurredAt: airing.startedAt,
      actorId,
      method: airing.method,
      subject: { type: 'airing', id: airing.id },
    };
    const ref = {
      stationId: station.id,
      stationName: station.name,
      airingId: airing.id,
      method: airing.method,
      title: airing.title,
      startedAt: airing.startedAt.toISOString(),
      endedAt: airing.endedAt.toISOString(),
      minutes: minutesOf(airing),
    };
    if (airing.kind === 'relay') {
      await this.evidence.record(manager, {
        ...common,
        type: 'relay.recorded',
        snapshot: {
          ...ref,
          status: airing.status,
          sourceName: airing.sourceName ?? '',
          planItemId: airing.planItemId,
        },
      });
      return;
    }
    const categories = await this.categories.snapshot(manager, station.unitId, categoryIds);
    if (airing.kind === 'emergency') {
      await this.evidence.record(manager, {
        ...common,
        type: 'emergency.aired',
        snapshot: { ...ref, audioId: airing.audioId, articleId: airing.articleId, ...categories },
      });
      return;
    }
    const priority = airing.planItemId
      ? ((await this.repo.findItem(station.unitId, airing.planItemId, manager))?.priority ?? 'normal')
      : 'normal';
    await this.evidence.record(manager, {
      ...common,
      type: 'airing.recorded',
      snapshot: {
        ...ref,
        status: airing.status,
        audioId: airing.audioId,
        articleId: airing.articleId,
        planItemId: airing.planItemId,
        priority,
        ...categories,
      },
    });
  }
}
