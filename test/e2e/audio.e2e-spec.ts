import type { INestApplicationContext } from '@nestjs/common';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { createWorker } from '../../apps/worker/src/create-worker';
import { snapshotMismatch } from '../../libs/evidence/src';
import { resolveFfmpeg } from '../../libs/sound/src/ffmpeg';
import { lavfiFile } from '../support/lavfi';
import { workerStage } from '../support/admin-stage';
import { startApi, TestApi } from '../support/api';
import { expectError, VIETNAMESE } from '../support/expectations';
import { createUnit, memberToken } from '../support/factories';
import { Fake, startFakeGrpc } from '../support/fake-google-tts';

const FFMPEG = resolveFfmpeg().path;
const work = mkdtempSync(join(tmpdir(), 'xa-audio-e2e-'));

interface Audio {
  id: string;
  status: string;
  provider: string | null;
  requestedProvider: string;
  fallbackReason: string | null;
  voice: string | null;
  speakingRate: number | null;
  durationMs: number | null;
  loudnessLufs: number | null;
  truePeakDb: number | null;
  normalizedText: string | null;
  url: string | null;
  error: string | null;
  jingles: { intro: string; outro: string } | null;
}

/** A file made by ffmpeg's own sources (lavfi): a tone, or silence, of the given length. */
function generated(name: string, source: string, seconds: number, args: string[] = []): Buffer {
  return readFileSync(lavfiFile(join(work, name), { filter: source, seconds }, args));
}

/** Integrated loudness and true peak of a file, measured here with ffmpeg's ebur128 filter. */
function measured(bytes: Buffer): { lufs: number; peak: number } {
  const path = join(work, `measure-${Date.now()}.mp3`);
  writeFileSync(path, bytes);
  const run = spawnSync(FFMPEG, ['-nostats', '-i', path, '-af', 'ebur128=peak=true', '-f', 'null', '-'], {
    encoding: 'utf8',
  });
  const summary = run.stderr.slice(run.stderr.lastIndexOf('Summary:'));
  return {
    lufs: Number(/I:\s+(-?[\d.]+) LUFS/.exec(summary)?.[1]),
    peak: Number(/Peak:\s+(-?[\d.]+) dBFS/.exec(summary)?.[1]),
  };
}

describe('Audio: speech of approved articles and uploaded programmes (e2e)', () => {
  const stage = workerStage();

  async function ready(id: string): Promise<Audio> {
    for (let i = 0; i < 600; i += 1) {
      const res = await stage.api.request('GET', `/api/v1/audio/${id}`, { token: stage.adminToken });
      expect(res.status).toBe(200);
      if (res.body.status === 'ready' || res.body.status === 'failed') {
        return res.body;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`audio ${id} did not finish`);
  }

  async function article(unitId: string, status: 'draft' | 'approved', bodyHtml: string): Promise<string> {
    const categories = (
      await stage.api.request('GET', `/api/v1/units/${unitId}/categories`, { token: stage.adminToken })
    ).body as { id: string; slug: string }[];
    const cchc = categories.find((c) => c.slug === 'cai-cach-hanh-chinh')!;
    const created = await stage.api.request('POST', '/api/v1/articles', {
      token: stage.adminToken,
      body: { unitId, title: 'UBND xã triển khai cải cách hành chính', bodyHtml, categoryIds: [cchc.id] },
    });
    expect(created.status).toBe(201);
    if (status === 'approved') {
      for (const step of ['submit', 'approve']) {
        expect(
          (
            await stage.api.request('POST', `/api/v1/articles/${created.body.id}/${step}`, {
              token: stage.adminToken,
            })
          ).status,
        ).toBe(200);
      }
    }
    return created.body.id;
  }

  async function evidenceOf(
    unitId: string,
    type: string,
  ): Promise<{ occurredAt: string; method: string; actorId: string | null; snapshot: any }[]> {
    const res = await stage.api.request('GET', `/api/v1/evidence?unitId=${unitId}&type=${type}&pageSize=50`, {
      token: stage.adminToken,
    });
    expect(res.status).toBe(200);
    return res.body.items;
  }

  const produced = (unitId: string) => evidenceOf(unitId, 'audio.produced');

  /** Until the audio is past `queued`: the worker has taken it. */
  async function taken(id: string): Promise<void> {
    for (let i = 0; i < 600; i += 1) {
      const res = await stage.api.request('GET', `/api/v1/audio/${id}`, { token: stage.adminToken });
      if (res.body.status !== 'queued') {
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`audio ${id} was never taken`);
  }

  const step = async (id: string, action: string, body: unknown = {}) =>
    expect(
      (await stage.api.request('POST', `/api/v1/articles/${id}/${action}`, { token: stage.adminToken, body }))
        .status,
    ).toBe(200);

  /** A body long enough that speaking and mastering it takes seconds. */
  const longBody = (times: number) =>
    `<p>${'Ủy ban nhân dân xã thông báo lịch tiếp công dân và hướng dẫn thủ tục hành chính tại bộ phận một cửa. '.repeat(times)}</p>`;
  const LONG_BODY = longBody(15);

  it('speaks an approved article offline, mastered to −16 LUFS, and counts it once as a radio piece', async () => {
    const unit = await createUnit(stage.api, stage.adminToken);
    const operator = await memberToken(stage.api, stage.adminToken, unit.id, 'operator');
    const id = await article(
      unit.id,
      'approved',
      '<p>Ngày 04/01/2022, UBND xã ban hành Kế hoạch số 25/KH-UBND về CCHC. Hotline: 0912345678.</p>',
    );
    // Published first: its portal page has no player until the audio is ready.
    expect(
      (await stage.api.request('POST', `/api/v1/articles/${id}/publish`, { token: stage.adminToken })).status,
    ).toBe(200);
    const slug = (await stage.api.request('GET', `/api/v1/articles/${id}`, { token: stage.adminToken })).body
      .slug;
    const page = () => fetch(`${stage.api.baseUrl}/site/${unit.slug}/bai-viet/${slug}`).then((r) => r.text());
    expect(await page()).not.toContain('Nghe bài viết');
    const requested = await stage.api.request('POST', `/api/v1/articles/${id}/audio`, {
      token: operator,
      body: {},
    });
    expect(requested.status).toBe(202);
    expect(requested.body).toEqual({ audioId: expect.any(String), status: 'queued' });
    const audio = await ready(requested.body.audioId);
    expect(audio).toMatchObject({
      status: 'ready',
      provider: 'espeak',
      requestedProvider: 'espeak',
      error: null,
    });
    expect(audio.normalizedText).toContain('Ủy ban nhân dân xã');
    expect(audio.normalizedText).toContain('Ngày bốn tháng một năm hai nghìn không trăm hai mươi hai');
    expect(audio.normalizedText).toContain('cải cách hành chính');
    expect(audio.normalizedText).not.toMatch(/\d/);
    expect(Math.abs(audio.loudnessLufs! + 16)).toBeLessThanOrEqual(1);
    expect(audio.truePeakDb!).toBeLessThanOrEqual(-1.4);
    expect(audio.durationMs!).toBeGreaterThan(3000);
    expect(audio.url).toMatch(/^\/media\/audio\/[0-9a-f]{64}\.mp3$/);
    // The cached page was dropped when the audio became ready: the player is there, with no script.
    const withPlayer = await page();
    expect(withPlayer).toContain('Nghe bài viết');
    expect(withPlayer).toContain(`<audio controls preload="none" src="${audio.url}">`);

    // The file, with ranges, measured independently.
    const whole = await fetch(`${stage.api.baseUrl}${audio.url}`);
    expect(whole.status).toBe(200);
    expect(whole.headers.get('content-type')).toBe('audio/mpeg');
    const bytes = Buffer.from(await whole.arrayBuffer());
    const { lufs, peak } = measured(bytes);
    expect(Math.abs(lufs + 16)).toBeLessThanOrEqual(1);
    expect(peak).toBeLessThanOrEqual(-1.4);
    const part = await fetch(`${stage.api.baseUrl}${audio.url}`, { headers: { range: 'bytes=0-99' } });
    expect(part.status).toBe(206);
    expect(Buffer.from(await part.arrayBuffer())).toEqual(bytes.subarray(0, 100));

    // Asking again for the same thing answers the same audio; another rate makes a new one.
    const again = await stage.api.request('POST', `/api/v1/articles/${id}/audio`, {
      token: operator,
      body: {},
    });
    expect(again.body.audioId).toBe(requested.body.audioId);
    const faster = await stage.api.request('POST', `/api/v1/articles/${id}/audio`, {
      token: operator,
      body: { speakingRate: 1.3, voice: 'vi-vn-x-south' },
    });
    expect(faster.status).toBe(202);
    expect(faster.body.audioId).not.toBe(requested.body.audioId);
    const second = await ready(faster.body.audioId);
    expect(second).toMatchObject({ status: 'ready', voice: 'vi-vn-x-south', speakingRate: 1.3 });
    expect(second.durationMs!).toBeLessThan(audio.durationMs!);

    // One radio piece: the re-synthesis is not a new one.
    const rows = await produced(unit.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      method: 'live',
      snapshot: { articleId: id, countsAsCchc: true, url: audio.url, provider: 'espeak' },
    });
    // But what the published article's page plays changed: that is recorded, with the one it replaced.
    const changed = await evidenceOf(unit.id, 'article.audio-changed');
    expect(changed).toHaveLength(1);
    expect(changed[0].snapshot).toMatchObject({
      articleId: id,
      audioId: second.id,
      audioKind: 'speech',
      audioUrl: second.url,
      previousAudioId: audio.id,
      previousAudioUrl: audio.url,
      url: `/site/${unit.slug}/bai-viet/${slug}`,
    });
    // The rows reports read have exactly the fields of their typed snapshot (libs/evidence).
    const [publishedRow] = await evidenceOf(unit.id, 'article.published');
    expect(snapshotMismatch('article.published', publishedRow.snapshot)).toEqual([]);
    expect(snapshotMismatch('audio.produced', rows[0].snapshot)).toEqual([]);
    expect(snapshotMismatch('article.audio-changed', changed[0].snapshot)).toEqual([]);
    expect(rows[0].snapshot.categories).toEqual(publishedRow.snapshot.categories);
    const listed = await stage.api.request('GET', `/api/v1/audio?unitId=${unit.id}&articleId=${id}`, {
      token: operator,
    });
    expect(listed.body.total).toBe(2);
  });

  it('reuses a ready file for the same words, voice and mastering in another article of the unit', async () => {
    const unit = await createUnit(stage.api, stage.adminToken);
    const body = '<p>Tuyên truyền thủ tục hành chính tại bộ phận một cửa.</p>';
    const first = await ready(
      (
        await stage.api.request(
          'POST',
          `/api/v1/articles/${await article(unit.id, 'approved', body)}/audio`,
          {
            token: stage.adminToken,
            body: {},
          },
        )
      ).body.audioId,
    );
    const otherArticle = await article(unit.id, 'approved', body);
    const reused = await stage.api.request('POST', `/api/v1/articles/${otherArticle}/audio`, {
      token: stage.adminToken,
      body: {},
    });
    // Ready at once, no job: the same file.
    expect(reused.body.status).toBe('ready');
    const audio = (
      await stage.api.request('GET', `/api/v1/audio/${reused.body.audioId}`, { token: stage.adminToken })
    ).body;
    expect(audio.url).toBe(first.url);
    // Two articles, two radio pieces.
    expect(await produced(unit.id)).toHaveLength(2);
  });

  it('lists the offline engine’s Vietnamese voices', async () => {
    const res = await stage.api.request('GET', '/api/v1/audio/voices', { token: stage.adminToken });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      provider: 'espeak',
      defaultVoice: 'vi',
      voices: ['vi', 'vi-vn-x-central', 'vi-vn-x-south'],
    });
    expect((await stage.api.request('GET', '/api/v1/audio/voices')).status).toBe(401);
  });

  it('refuses what cannot be spoken with a clear 4xx, and lets only producers of the unit ask', async () => {
    const unit = await createUnit(stage.api, stage.adminToken);
    const other = await createUnit(stage.api, stage.adminToken);
    const draft = await article(unit.id, 'draft', '<p>Bản nháp.</p>');
    expectError(
      await stage.api.request('POST', `/api/v1/articles/${draft}/audio`, {
        token: stage.adminToken,
        body: {},
      }),
      409,
      'INVALID_STATE',
    );
    const approved = await article(unit.id, 'approved', '<p>Đã duyệt.</p>');
    expectError(
      await stage.api.request('POST', `/api/v1/articles/${approved}/audio`, {
        token: stage.adminToken,
        body: { voice: 'en-us' },
      }),
      400,
      'VALIDATION_FAILED',
      'voice',
    );
    expectError(
      await stage.api.request('POST', `/api/v1/articles/${approved}/audio`, {
        token: stage.adminToken,
        body: { speakingRate: 5 },
      }),
      400,
      'VALIDATION_FAILED',
      'speakingRate',
    );
    expectError(
      await stage.api.request('POST', `/api/v1/articles/${approved}/audio`, {
        token: await memberToken(stage.api, stage.adminToken, unit.id, 'reporter'),
        body: {},
      }),
      403,
      'FORBIDDEN',
    );
    expectError(
      await stage.api.request('POST', `/api/v1/articles/${approved}/audio`, {
        token: await memberToken(stage.api, stage.adminToken, other.id, 'editor'),
        body: {},
      }),
      404,
      'NOT_FOUND',
    );
    const long = await article(unit.id, 'approved', `<p>${'Cải cách hành chính. '.repeat(1200)}</p>`);
    expectError(
      await stage.api.request('POST', `/api/v1/articles/${long}/audio`, {
        token: stage.adminToken,
        body: {},
      }),
      400,
      'VALIDATION_FAILED',
      'radioScript',
    );
    // Nothing was queued for any of them.
    const listed = await stage.api.request('GET', `/api/v1/audio?unitId=${unit.id}`, {
      token: stage.adminToken,
    });
    expect(listed.body.total).toBe(0);
  });

  it('masters an uploaded programme, and counts a historical one at its production time as an import', async () => {
    const unit = await createUnit(stage.api, stage.adminToken);
    const wav = generated('tone.wav', 'sine=frequency=440:sample_rate=44100', 4);
    const upload = (bytes: Buffer, name: string, fields: Record<string, string>) =>
      stage.api.upload(`/api/v1/units/${unit.id}/audio`, {
        token: stage.adminToken,
        file: { name, bytes },
        fields,
      });

    const live = await upload(wav, 'phong-su.wav', { title: 'Phóng sự cải cách hành chính' });
    expect(live.status).toBe(202);
    const mastered = await ready(live.body.audioId);
    expect(mastered).toMatchObject({ status: 'ready', provider: 'upload' });
    expect(Math.abs(mastered.loudnessLufs! + 16)).toBeLessThanOrEqual(1);
    expect(mastered.durationMs!).toBeGreaterThan(3500);

    const m4a = generated('tone.m4a', 'sine=frequency=660:sample_rate=44100', 3, ['-c:a', 'aac']);
    // Named .mp3, but m4a inside: the content decides.
    const old = await upload(m4a, 'ban-tin-cu.mp3', {
      title: 'Bản tin năm 2023',
      producedAt: '2023-05-20T07:00:00+07:00',
    });
    expect(old.status).toBe(202);
    expect((await ready(old.body.audioId)).status).toBe('ready');

    const rows = await produced(unit.id);
    expect(rows.map((r) => r.method).sort()).toEqual(['import', 'live']);
    const imported = rows.find((r) => r.method === 'import')!;
    expect(new Date(imported.occurredAt).toISOString()).toBe('2023-05-20T00:00:00.000Z');
  });

  it('refuses uploads that are no audio, empty, too long, or missing their title, storing nothing', async () => {
    // Made first: encoding 3 hours takes long on a busy machine, and an idle pooled connection to the api
    // could be closed meanwhile.
    const threeHours = generated('ba-gio.mp3', 'anullsrc=r=8000:cl=mono', 3 * 3600, [
      '-c:a',
      'libmp3lame',
      '-b:a',
      '8k',
    ]);
    const unit = await createUnit(stage.api, stage.adminToken);
    const upload = (
      bytes: Buffer,
      name: string,
      fields: Record<string, string> = { title: 'Chương trình' },
    ) =>
      stage.api.upload(`/api/v1/units/${unit.id}/audio`, {
        token: stage.adminToken,
        file: { name, bytes },
        fields,
      });
    const text = await upload(Buffer.from('Đây là văn bản, không phải âm thanh.\n'.repeat(50)), 'gia.mp3');
    expectError(text, 415, 'UNSUPPORTED_MEDIA_TYPE');
    // Said in Vietnamese only: no ffmpeg English, no temporary path.
    expect(text.body.message).not.toMatch(/tmp|Invalid data|input/i);
    expectError(await upload(Buffer.alloc(0), 'rong.mp3'), 400, 'VALIDATION_FAILED', 'file');
    const tone = generated('short.wav', 'sine=frequency=440:sample_rate=8000', 1);
    expectError(await upload(tone, 'khong-ten.wav', {}), 400, 'VALIDATION_FAILED', 'title');
    expectError(
      await upload(tone, 'tuong-lai.wav', { title: 'X', producedAt: '2999-01-01T00:00:00Z' }),
      400,
      'VALIDATION_FAILED',
      'producedAt',
    );
    expectError(await upload(threeHours, 'ba-gio.mp3'), 400, 'VALIDATION_FAILED', 'file');
    expectError(
      await upload(Buffer.alloc(100 * 1024 * 1024 + 1), 'lon.wav'),
      413,
      'PAYLOAD_TOO_LARGE',
      'file',
    );
    const listed = await stage.api.request('GET', `/api/v1/audio?unitId=${unit.id}`, {
      token: stage.adminToken,
    });
    expect(listed.body.total).toBe(0);
  }, 150_000);

  it("masters speech with the unit's own intro, or none, and only new requests change", async () => {
    const unit = await createUnit(stage.api, stage.adminToken);
    const operator = await memberToken(stage.api, stage.adminToken, unit.id, 'operator');
    const editor = await memberToken(stage.api, stage.adminToken, unit.id, 'editor');
    const base = `/api/v1/units/${unit.id}/audio-jingles`;

    // Nothing chosen: the generated default on both sides, playable.
    const fresh = await stage.api.request('GET', base, { token: editor });
    expect(fresh.status).toBe(200);
    expect(fresh.body.intro).toMatchObject({ kind: 'intro', source: 'default', fileName: null });
    expect(fresh.body.outro).toMatchObject({ kind: 'outro', source: 'default' });
    expect(fresh.body.intro.url).toMatch(/^\/media\/jingles\/[0-9a-f]{64}\.wav$/);
    expect(fresh.body.intro.url).not.toBe(fresh.body.outro.url);
    const preview = await fetch(`${stage.api.baseUrl}${fresh.body.intro.url}`);
    expect(preview.status).toBe(200);
    expect(
      Buffer.from(await preview.arrayBuffer())
        .subarray(0, 4)
        .toString(),
    ).toBe('RIFF');

    const id = await article(
      unit.id,
      'approved',
      '<p>Người dân nộp hồ sơ trực tuyến tại Cổng dịch vụ công.</p>',
    );
    const before = await stage.api.request('POST', `/api/v1/articles/${id}/audio`, {
      token: operator,
      body: {},
    });
    const withDefaults = await ready(before.body.audioId);
    expect(withDefaults).toMatchObject({ status: 'ready', jingles: { intro: 'default', outro: 'default' } });
    // The radio piece's evidence says what was around the speech.
    expect((await produced(unit.id))[0].snapshot.jingles).toEqual({ intro: 'default', outro: 'default' });

    // The unit's own intro (5 s of a tone, m4a) and no outro.
    const tune = generated('nhac-hieu.m4a', 'sine=frequency=880:sample_rate=44100', 5, ['-c:a', 'aac']);
    const put = await stage.api.upload(`${base}/intro`, {
      token: operator,
      method: 'PUT',
      file: { name: 'Nhạc hiệu xã.m4a', bytes: tune },
    });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ kind: 'intro', source: 'custom', fileName: 'Nhạc hiệu xã.m4a' });
    expect(put.body.url).toMatch(/^\/media\/jingles\/[0-9a-f]{64}\.m4a$/);
    expect(Math.abs(put.body.durationMs - 5000)).toBeLessThan(150);
    const none = await stage.api.request('PATCH', `${base}/outro`, {
      token: operator,
      body: { source: 'none' },
    });
    expect(none.status).toBe(200);
    expect(none.body).toMatchObject({ kind: 'outro', source: 'none', url: null });

    // The piece made before is untouched; asking again makes a new one, with the new jingles.
    expect(
      (await stage.api.request('GET', `/api/v1/audio/${withDefaults.id}`, { token: stage.adminToken })).body,
    ).toMatchObject({
      url: withDefaults.url,
      jingles: { intro: 'default', outro: 'default' },
    });
    const after = await stage.api.request('POST', `/api/v1/articles/${id}/audio`, {
      token: operator,
      body: {},
    });
    expect(after.body.audioId).not.toBe(withDefaults.id);
    const withOwn = await ready(after.body.audioId);
    expect(withOwn).toMatchObject({ status: 'ready', jingles: { intro: 'custom', outro: 'none' } });
    const bytes = Buffer.from(await (await fetch(`${stage.api.baseUrl}${withOwn.url}`)).arrayBuffer());
    // The first silence is the gap after the 5 s intro (the default's would be near 2 s).
    const path = join(work, 'with-own-intro.mp3');
    writeFileSync(path, bytes);
    const detect = spawnSync(
      FFMPEG,
      ['-nostats', '-i', path, '-af', 'silencedetect=n=-50dB:d=0.4', '-f', 'null', '-'],
      {
        encoding: 'utf8',
      },
    );
    const firstSilence = Number(/silence_start: ([\d.]+)/.exec(detect.stderr)?.[1]);
    expect(Math.abs(firstSilence - 5)).toBeLessThan(0.3);
    // Music jingles get 96 kbps; loudness still on target.
    expect(Math.round((bytes.length * 8) / withOwn.durationMs!)).toBeGreaterThanOrEqual(90);
    expect(Math.abs(measured(bytes).lufs + 16)).toBeLessThanOrEqual(1);
    // The speech is the same; without the default outro (≈ 3 s with its gap) and with a longer intro.
    expect(withOwn.durationMs! - withDefaults.durationMs!).toBeGreaterThan(-1000);
    expect(withOwn.durationMs! - withDefaults.durationMs!).toBeLessThan(1500);

    // Back to the default.
    const back = await stage.api.request('PATCH', `${base}/intro`, {
      token: stage.adminToken,
      body: { source: 'default' },
    });
    expect(back.body).toMatchObject({ source: 'default', url: fresh.body.intro.url });
  });

  it('refuses jingles that are no audio, empty, too long or too short, and lets only the radio keepers change them', async () => {
    const unit = await createUnit(stage.api, stage.adminToken);
    const editor = await memberToken(stage.api, stage.adminToken, unit.id, 'editor');
    const stranger = await memberToken(
      stage.api,
      stage.adminToken,
      (await createUnit(stage.api, stage.adminToken)).id,
      'operator',
    );
    const base = `/api/v1/units/${unit.id}/audio-jingles`;
    const put = (kind: string, bytes: Buffer, name: string, token = stage.adminToken) =>
      stage.api.upload(`${base}/${kind}`, { token, method: 'PUT', file: { name, bytes } });
    const tone = generated('jingle-ok.wav', 'sine=frequency=440:sample_rate=22050', 2);

    expectError(
      await put('intro', Buffer.from('Không phải âm thanh.\n'.repeat(40)), 'gia.mp3'),
      415,
      'UNSUPPORTED_MEDIA_TYPE',
    );
    expectError(await put('intro', Buffer.alloc(0), 'rong.mp3'), 400, 'VALIDATION_FAILED', 'file');
    const long = generated('jingle-long.mp3', 'sine=frequency=440:sample_rate=8000', 90, [
      '-c:a',
      'libmp3lame',
      '-b:a',
      '16k',
    ]);
    expectError(await put('intro', long, 'dai.mp3'), 400, 'VALIDATION_FAILED', 'file');
    const blip = generated('jingle-blip.wav', 'sine=frequency=440:sample_rate=8000', 0.15);
    expectError(await put('outro', blip, 'ngan.wav'), 400, 'VALIDATION_FAILED', 'file');
    expectError(
      await put('intro', Buffer.alloc(10 * 1024 * 1024 + 1), 'lon.wav'),
      413,
      'PAYLOAD_TOO_LARGE',
      'file',
    );
    expectError(await put('giua', tone, 'a.wav'), 400, 'VALIDATION_FAILED', 'kind');
    expectError(
      await stage.api.request('PATCH', `${base}/intro`, {
        token: stage.adminToken,
        body: { source: 'custom' },
      }),
      400,
      'VALIDATION_FAILED',
      'source',
    );
    expectError(await put('intro', tone, 'a.wav', editor), 403, 'FORBIDDEN');
    expectError(
      await stage.api.request('PATCH', `${base}/intro`, { token: stranger, body: { source: 'none' } }),
      403,
      'FORBIDDEN',
    );
    // Nothing was kept: both sides are still the default.
    const state = await stage.api.request('GET', base, { token: editor });
    expect([state.body.intro.source, state.body.outro.source]).toEqual(['default', 'default']);
  });

  it('ties an upload to an article only when it is approved or published, and a published one only by those who may publish', async () => {
    const unit = await createUnit(stage.api, stage.adminToken);
    const other = await createUnit(stage.api, stage.adminToken);
    const operator = await memberToken(stage.api, stage.adminToken, unit.id, 'operator');
    const approver = await memberToken(stage.api, stage.adminToken, unit.id, 'approver');
    const tone = generated('tied.wav', 'sine=frequency=440:sample_rate=22050', 2);
    const upload = (token: string, fields: Record<string, string>) =>
      stage.api.upload(`/api/v1/units/${unit.id}/audio`, {
        token,
        file: { name: 'ghi-am.wav', bytes: tone },
        fields,
      });

    const draft = await article(unit.id, 'draft', '<p>Bản nháp chưa duyệt.</p>');
    const refused = await upload(operator, { title: 'Ghi âm bản nháp', articleId: draft });
    expectError(refused, 409, 'INVALID_STATE', 'articleId');
    expect(refused.body.message).toContain('bản nháp');
    const foreign = await article(other.id, 'approved', '<p>Bài của đơn vị khác.</p>');
    expectError(
      await upload(operator, { title: 'X', articleId: foreign }),
      400,
      'VALIDATION_FAILED',
      'articleId',
    );
    expectError(
      await upload(operator, { title: 'X', articleId: 'khong-phai-ma' }),
      400,
      'VALIDATION_FAILED',
      'articleId',
    );
    expect(
      (await stage.api.request('GET', `/api/v1/audio?unitId=${unit.id}`, { token: stage.adminToken })).body
        .total,
    ).toBe(0);

    // Approved, not public yet: a producer may record it.
    const approved = await article(unit.id, 'approved', '<p>Bài đã duyệt.</p>');
    const recorded = await upload(operator, { title: 'Ghi âm bài đã duyệt', articleId: approved });
    expect(recorded.status).toBe(202);
    expect((await ready(recorded.body.audioId)).status).toBe('ready');

    // Published: a recording becomes its public audio at once, so only an approver or the unit admin.
    const published = await article(unit.id, 'approved', '<p>Bài đã đăng.</p>');
    await step(published, 'publish');
    expectError(
      await upload(operator, { title: 'Thay âm thanh', articleId: published }),
      403,
      'FORBIDDEN',
      'articleId',
    );
    const first = await upload(approver, { title: 'Bản ghi thứ nhất', articleId: published });
    expect(first.status).toBe(202);
    const firstAudio = await ready(first.body.audioId);
    const replaced = await upload(approver, { title: 'Bản ghi thứ hai', articleId: published });
    expect(replaced.status).toBe(202);
    const secondAudio = await ready(replaced.body.audioId);
    // Two radio pieces (one per article), and the change of the published one's audio is recorded.
    expect((await produced(unit.id)).map((r) => r.snapshot.articleId).sort()).toEqual(
      [approved, published].sort(),
    );
    const changed = await evidenceOf(unit.id, 'article.audio-changed');
    expect(changed).toHaveLength(1);
    expect(changed[0].snapshot).toMatchObject({
      articleId: published,
      audioId: secondAudio.id,
      audioKind: 'upload',
      previousAudioId: firstAudio.id,
    });
  });

  it('takes producedAt only as a real date from 2000 to now, never rolled over', async () => {
    const unit = await createUnit(stage.api, stage.adminToken);
    const tone = generated('dated.wav', 'sine=frequency=440:sample_rate=22050', 2);
    const upload = (producedAt: string) =>
      stage.api.upload(`/api/v1/units/${unit.id}/audio`, {
        token: stage.adminToken,
        file: { name: 'cu.wav', bytes: tone },
        fields: { title: 'Bản tin cũ', producedAt },
      });
    for (const bad of [
      '2024-02-30',
      '2023-02-29',
      '0001-01-01',
      '1999-12-31',
      '2024-05-20T25:00:00+07:00',
      '2024-05-20T07:00:00+25:00',
      '2024-13-01',
      '20/05/2024',
      '2999-01-01',
    ]) {
      const res = await upload(bad);
      expectError(res, 400, 'VALIDATION_FAILED', 'producedAt');
      expect(res.body.details[0].message).toMatch(VIETNAMESE);
    }
    expect(
      (await stage.api.request('GET', `/api/v1/audio?unitId=${unit.id}`, { token: stage.adminToken })).body
        .total,
    ).toBe(0);
    // A leap day is a real day: counted at the start of that Vietnamese day.
    const leap = await upload('2024-02-29');
    expect(leap.status).toBe(202);
    expect((await ready(leap.body.audioId)).status).toBe('ready');
    const [row] = await produced(unit.id);
    expect(row).toMatchObject({ method: 'import', occurredAt: '2024-02-28T17:00:00.000Z' });
  });

  it('never makes ready, nor counts, the audio of an article rejected or unpublished before it was made', async () => {
    const unit = await createUnit(stage.api, stage.adminToken);
    // Rejected right after the request.
    const rejected = await article(unit.id, 'approved', LONG_BODY);
    const first = await stage.api.request('POST', `/api/v1/articles/${rejected}/audio`, {
      token: stage.adminToken,
      body: {},
    });
    expect(first.status).toBe(202);
    await step(rejected, 'reject', { reason: 'Cần sửa số liệu' });
    const failed = await ready(first.body.audioId);
    expect(failed).toMatchObject({ status: 'failed', url: null });
    expect(failed.error).toContain('bị trả lại');

    // Unpublished while the worker is speaking it: the state under the lock when it is made ready decides.
    const unpublished = await article(unit.id, 'approved', LONG_BODY.replace('lịch', 'kế hoạch'));
    await step(unpublished, 'publish');
    const second = await stage.api.request('POST', `/api/v1/articles/${unpublished}/audio`, {
      token: stage.adminToken,
      body: {},
    });
    await taken(second.body.audioId);
    await step(unpublished, 'unpublish', { reason: 'Gỡ để sửa' });
    const withdrawn = await ready(second.body.audioId);
    expect(withdrawn).toMatchObject({ status: 'failed', url: null });
    expect(withdrawn.error).toContain('đã gỡ');

    expect(await produced(unit.id)).toEqual([]);
  }, 150_000);

  it('rounds the speaking rate, answers a pending request with its audio, and caps what one article has waiting', async () => {
    const unit = await createUnit(stage.api, stage.adminToken);
    const id = await article(unit.id, 'approved', longBody(8));
    const ask = (speakingRate: number) =>
      stage.api.request('POST', `/api/v1/articles/${id}/audio`, {
        token: stage.adminToken,
        body: { speakingRate },
      });
    const asked = [await ask(1), await ask(1.0000001), await ask(1.0000002), await ask(1.01)];
    expect(asked.map((r) => r.status)).toEqual([202, 202, 202, 202]);
    expect(new Set(asked.map((r) => r.body.audioId)).size).toBe(1);
    // Two more rates wait beside it; a fourth is refused while three wait.
    expect((await ask(1.1)).status).toBe(202);
    const third = await ask(1.2);
    expect(third.status).toBe(202);
    const refused = await ask(1.3);
    expectError(refused, 429, 'TOO_MANY_REQUESTS');
    const listed = await stage.api.request('GET', `/api/v1/audio?unitId=${unit.id}&articleId=${id}`, {
      token: stage.adminToken,
    });
    expect(listed.body.total).toBe(3);
    expect(listed.body.items.map((a: Audio) => a.speakingRate).sort()).toEqual([1, 1.1, 1.2]);
    // Once they are made, the article may ask again.
    await ready(third.body.audioId);
    for (const audio of listed.body.items as Audio[]) {
      expect((await ready(audio.id)).status).toBe('ready');
    }
    expect((await ask(1.3)).status).toBe(202);
  }, 150_000);

  it('queues again an audio left processing by a lost worker when it is asked for again', async () => {
    const unit = await createUnit(stage.api, stage.adminToken);
    const id = await article(unit.id, 'approved', '<p>Thông báo lịch tiêm chủng.</p>');
    const requested = await stage.api.request('POST', `/api/v1/articles/${id}/audio`, {
      token: stage.adminToken,
      body: {},
    });
    await ready(requested.body.audioId);
    // What a kill -9 mid-synthesis leaves: processing, no file, nobody working on it.
    await stage.api.app.get(DataSource).query(
      `UPDATE audios SET status = 'processing', file_key = NULL, ready_at = NULL,
           updated_at = now() - interval '10 minutes' WHERE id = $1`,
      [requested.body.audioId],
    );
    const again = await stage.api.request('POST', `/api/v1/articles/${id}/audio`, {
      token: stage.adminToken,
      body: {},
    });
    expect(again.body).toEqual({ audioId: requested.body.audioId, status: 'queued' });
    const audio = await ready(again.body.audioId);
    expect(audio).toMatchObject({ status: 'ready', url: expect.stringMatching(/^\/media\/audio\//) });
  }, 150_000);
});

describe('Audio through Google (a fake gRPC server on 127.0.0.1, the real client library) (e2e)', () => {
  let fake: Fake;
  let api: TestApi;
  let worker: INestApplicationContext;
  let admin: string;
  const saved = { ...process.env };

  beforeAll(async () => {
    // Long enough that the jingles (2 LU under the speech) do not pull the whole below the target.
    fake = await startFakeGrpc({ seconds: 20 });
    const google = {
      TTS_PROVIDER: 'google',
      GOOGLE_TTS_ENDPOINT: `127.0.0.1:${fake.port}`,
      GOOGLE_TTS_INSECURE: 'true',
      GOOGLE_TTS_VOICE: 'vi-VN-Standard-B',
      GOOGLE_TTS_MAX_ATTEMPTS: '2',
    };
    api = await startApi(google);
    Object.assign(process.env, google);
    worker = await createWorker();
    admin = await api.adminToken();
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await fake?.stop();
    process.env = saved;
  });

  async function speak(body: Record<string, unknown> = {}): Promise<Audio> {
    const unit = await createUnit(api, admin);
    const categories = (await api.request('GET', `/api/v1/units/${unit.id}/categories`, { token: admin }))
      .body;
    const created = await api.request('POST', '/api/v1/articles', {
      token: admin,
      body: {
        unitId: unit.id,
        title: 'Thông báo của UBND xã',
        bodyHtml: '<p>Người dân nộp hồ sơ trực tuyến trên Cổng dịch vụ công.</p>',
        categoryIds: [categories[0].id],
      },
    });
    for (const step of ['submit', 'approve']) {
      await api.request('POST', `/api/v1/articles/${created.body.id}/${step}`, { token: admin });
    }
    const requested = await api.request('POST', `/api/v1/articles/${created.body.id}/audio`, {
      token: admin,
      body,
    });
    expect(requested.status).toBe(202);
    for (let i = 0; i < 600; i += 1) {
      const res = await api.request('GET', `/api/v1/audio/${requested.body.audioId}`, { token: admin });
      if (res.body.status === 'ready' || res.body.status === 'failed') {
        return res.body;
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error('audio did not finish');
  }

  it('speaks through the Google client with the voice and LINEAR16, then masters it', async () => {
    fake.requests.length = 0;
    const audio = await speak({ voice: 'vi-VN-Wavenet-A' });
    expect(audio.error).toBeNull();
    expect(audio).toMatchObject({
      status: 'ready',
      provider: 'google',
      voice: 'vi-VN-Wavenet-A',
      fallbackReason: null,
    });
    expect(fake.requests.length).toBeGreaterThan(0);
    expect(fake.requests[0].voice).toMatchObject({ name: 'vi-VN-Wavenet-A', languageCode: 'vi-VN' });
    expect(fake.requests[0].audioConfig).toMatchObject({ audioEncoding: 'LINEAR16' });
    expect(fake.requests[0].text).toContain('Ủy ban nhân dân xã');
    expect(Math.abs(audio.loudnessLufs! + 16)).toBeLessThanOrEqual(1);
  });

  it('lists the voices Google itself offers', async () => {
    const res = await api.request('GET', '/api/v1/audio/voices', { token: admin });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      provider: 'google',
      defaultVoice: 'vi-VN-Standard-B',
      voices: ['vi-VN-Standard-B', 'vi-VN-Wavenet-A'],
    });
  });

  it('refuses a voice Google does not list', async () => {
    const unit = await createUnit(api, admin);
    const categories = (await api.request('GET', `/api/v1/units/${unit.id}/categories`, { token: admin }))
      .body;
    const created = await api.request('POST', '/api/v1/articles', {
      token: admin,
      body: { unitId: unit.id, title: 'Tin', bodyHtml: '<p>Tin.</p>', categoryIds: [categories[0].id] },
    });
    for (const step of ['submit', 'approve']) {
      await api.request('POST', `/api/v1/articles/${created.body.id}/${step}`, { token: admin });
    }
    expectError(
      await api.request('POST', `/api/v1/articles/${created.body.id}/audio`, {
        token: admin,
        body: { voice: 'vi-VN-Khong-Co' },
      }),
      400,
      'VALIDATION_FAILED',
      'voice',
    );
  });

  it('falls back to the offline engine when Google keeps failing, and says so', async () => {
    const grpcUnavailable = { grpc: 14, http: 503, status: 'UNAVAILABLE', message: 'overloaded' };
    fake.script.push(grpcUnavailable, grpcUnavailable, grpcUnavailable, grpcUnavailable);
    const audio = await speak();
    expect(audio).toMatchObject({ status: 'ready', provider: 'espeak', requestedProvider: 'google' });
    expect(audio.fallbackReason).toEqual(expect.stringMatching(/UNAVAILABLE/));
  });
});
