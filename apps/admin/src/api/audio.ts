import { useQuery } from '@tanstack/react-query';
import { api, call, type Operations, type Schemas } from './client';

export type Audio = Schemas['AudioResponse'];
export type AudioStatus = Audio['status'];
export type AudioListQuery = NonNullable<Operations['AudioController_list']['parameters']['query']>;
export type LexiconEntry = Schemas['LexiconEntryDto'];

/** Names people know the eSpeak voices by; other engines' voices show their own names. */
const VOICE_LABELS: Record<string, string> = {
  vi: 'eSpeak — Tiếng Việt (Bắc)',
  'vi-vn-x-central': 'eSpeak — Tiếng Việt (miền Trung)',
  'vi-vn-x-south': 'eSpeak — Tiếng Việt (miền Nam)',
};

/**
 * The voices the configured engine offers (GET /audio/voices: Google's own list, or eSpeak's), after
 * "Mặc định" (no voice sent: the server's configured one).
 */
export function useVoices() {
  return useQuery({
    queryKey: ['audio', 'voices'],
    queryFn: () => call(api.GET('/api/v1/audio/voices')),
    staleTime: 10 * 60_000,
    select: (answer): { value: string; label: string }[] => [
      { value: '', label: `Mặc định (${VOICE_LABELS[answer.defaultVoice] ?? answer.defaultVoice})` },
      ...answer.voices.map((name) => ({ value: name, label: VOICE_LABELS[name] ?? name })),
    ],
  });
}

/** Largest programme the api takes (libs/audio UPLOAD_MAX_BYTES). */
export const UPLOAD_MAX_BYTES = 100 * 1024 * 1024;

export function isRunning(audio: Audio | undefined): boolean {
  return audio?.status === 'queued' || audio?.status === 'processing';
}

/** One audio, polled each second while the worker has it. */
export function useAudio(id: string | null | undefined) {
  return useQuery({
    queryKey: ['audio', id],
    queryFn: () => call(api.GET('/api/v1/audio/{id}', { params: { path: { id: id ?? '' } } })),
    enabled: !!id,
    refetchInterval: (query) => (isRunning(query.state.data) ? 1000 : false),
  });
}

export function requestArticleAudio(
  articleId: string,
  body: { voice?: string; speakingRate?: number },
): Promise<Schemas['AudioAccepted']> {
  return call(api.POST('/api/v1/articles/{id}/audio', { params: { path: { id: articleId } }, body }));
}

/** A FormData body as it is: the browser sets the multipart boundary itself. */
function multipart(form: FormData): { body: never; bodySerializer: (body: unknown) => FormData } {
  return { body: form as never, bodySerializer: (body: unknown) => body as FormData };
}

export interface UploadFields {
  file: File;
  title: string;
  articleId?: string;
  categoryId?: string;
  producedAt?: string;
}

/** Sends a programme; 202 with the audio, or a 4xx naming `file` (415 when it is not audio). */
export function uploadAudio(unitId: string, fields: UploadFields): Promise<Schemas['AudioAccepted']> {
  const form = new FormData();
  // The text fields first: the api reads the stream in order and the file may be large.
  form.append('title', fields.title);
  for (const key of ['articleId', 'categoryId', 'producedAt'] as const) {
    const value = fields[key];
    if (value) {
      form.append(key, value);
    }
  }
  form.append('file', fields.file);
  return call(api.POST('/api/v1/units/{unitId}/audio', { params: { path: { unitId } }, ...multipart(form) }));
}

export function normalizeText(text: string, unitId: string | null): Promise<string> {
  return call(api.POST('/api/v1/speech/normalize', { body: unitId ? { text, unitId } : { text } })).then(
    (r) => r.text,
  );
}

/** mm:ss (h:mm:ss past an hour); empty for no duration. */
export function formatDuration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) {
    return '';
  }
  const total = Math.round(ms / 1000);
  const s = String(total % 60).padStart(2, '0');
  const m = Math.floor(total / 60);
  return m >= 60
    ? `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}:${s}`
    : `${String(m).padStart(2, '0')}:${s}`;
}

/** -16.04 → "-16,0"; Vietnamese decimals. */
export function formatDecibels(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : value.toFixed(1).replace('.', ',');
}

export type Jingle = Schemas['JingleResponse'];
export type JingleKind = Jingle['kind'];

/** Largest jingle the api takes (libs/audio JINGLE_MAX_BYTES). */
export const JINGLE_MAX_BYTES = 10 * 1024 * 1024;

export function useJingles(unitId: string | null | undefined) {
  return useQuery({
    queryKey: ['audio-jingles', unitId],
    queryFn: () =>
      call(api.GET('/api/v1/units/{unitId}/audio-jingles', { params: { path: { unitId: unitId ?? '' } } })),
    enabled: !!unitId,
  });
}

/** The unit's own file for one side; a 4xx names `file` (415 when it is not audio). */
export function uploadJingle(unitId: string, kind: JingleKind, file: File): Promise<Jingle> {
  const form = new FormData();
  form.append('file', file);
  return call(
    api.PUT('/api/v1/units/{unitId}/audio-jingles/{kind}', {
      params: { path: { unitId, kind } },
      ...multipart(form),
    }),
  );
}

export function chooseJingle(unitId: string, kind: JingleKind, source: 'default' | 'none'): Promise<Jingle> {
  return call(
    api.PATCH('/api/v1/units/{unitId}/audio-jingles/{kind}', {
      params: { path: { unitId, kind } },
      body: { source },
    }),
  );
}
