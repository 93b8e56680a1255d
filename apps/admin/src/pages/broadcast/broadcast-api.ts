import { useQuery } from '@tanstack/react-query';
import { api, call, type Schemas } from '../../api/client';

export type Station = Schemas['StationResponse'];
export type Slot = Schemas['SlotResponse'];
export type SlotInput = Schemas['CreateSlotDto'];
export type Plan = Schemas['PlanResponse'];
export type PlanSlot = Schemas['PlanSlotResponse'];
export type PlanItem = Schemas['PlanItemResponse'];
export type PlanItemInput = Schemas['PlanItemInput'];
export type Airing = Schemas['AiringResponse'];
export type AiringInput = Schemas['RecordAiringDto'];

/** Seconds of silence the plan keeps between two items of a slot (libs/broadcast GAP_SEC). */
export const GAP_SEC = 3;

export const SLOT_KIND_LABELS: Record<Slot['kind'], string> = {
  programme: 'Chương trình của đài',
  relay: 'Tiếp âm',
};

export const PLAN_STATUS: Record<string, { label: string; color: string }> = {
  draft: { label: 'Chưa duyệt', color: 'gold' },
  approved: { label: 'Đã duyệt', color: 'green' },
};

export const AIRING_STATUS: Record<string, { label: string; color: string }> = {
  aired: { label: 'Đã phát', color: 'green' },
  partial: { label: 'Phát một phần', color: 'orange' },
  missed: { label: 'Không phát', color: 'red' },
};

export const DEVIATION_LABELS: Record<string, string> = {
  added: 'Thêm',
  removed: 'Bỏ',
  moved: 'Đổi chỗ',
};

export function useStations(unitId: string | null) {
  return useQuery({
    queryKey: ['stations', unitId],
    queryFn: () =>
      call(api.GET('/api/v1/units/{unitId}/stations', { params: { path: { unitId: unitId ?? '' } } })),
    enabled: !!unitId,
  });
}

export function useSlots(stationId: string | null | undefined) {
  return useQuery({
    queryKey: ['slots', stationId],
    queryFn: () =>
      call(api.GET('/api/v1/stations/{id}/slots', { params: { path: { id: stationId ?? '' } } })),
    enabled: !!stationId,
  });
}

export const planKey = (stationId: string | null | undefined, date: string) => ['plan', stationId, date];

/**
 * A station's plan of a day; `null` when none was generated yet (the api's 404). `refetchMs`: read again
 * that often (the console: approval, edits and other consoles' airings during the day).
 */
export function usePlan(stationId: string | null | undefined, date: string, refetchMs?: number) {
  return useQuery({
    queryKey: planKey(stationId, date),
    queryFn: async (): Promise<Plan | null> => {
      const result = await api.GET('/api/v1/stations/{id}/plans/{date}', {
        params: { path: { id: stationId ?? '', date } },
      });
      if (result.response.status === 404) {
        return null;
      }
      return call(Promise.resolve(result));
    },
    enabled: !!stationId,
    refetchInterval: refetchMs ?? false,
  });
}

/** The unit's ready audio, newest first (what an operator may add to a plan or air in an emergency). */
export function useReadyAudio(unitId: string | null, enabled = true) {
  return useQuery({
    queryKey: ['audio', 'ready', unitId],
    queryFn: () =>
      call(
        api.GET('/api/v1/audio', {
          params: { query: { unitId: unitId ?? '', status: 'ready', pageSize: 100 } },
        }),
      ),
    enabled: !!unitId && enabled,
    select: (page) => page.items,
  });
}

export function useUnit(unitId: string | null) {
  return useQuery({
    queryKey: ['unit', unitId],
    queryFn: () => call(api.GET('/api/v1/units/{id}', { params: { path: { id: unitId ?? '' } } })),
    enabled: !!unitId,
  });
}

/** Items of a plan in the order the api takes them back (`PUT …/items`). */
export function planInputs(plan: Plan): PlanItemInput[] {
  return plan.slots.flatMap((s) => s.items.map((i) => ({ id: i.id, slotId: s.slotId })));
}
