import { workerStage } from '../support/admin-stage';
import { expectError } from '../support/expectations';
import { createUnit, memberToken } from '../support/factories';

/** Typed text spoken at once and aired as an emergency notice: the real worker speaks it with eSpeak NG. */
describe('Broadcast: an emergency notice typed and spoken at once (e2e)', () => {
  const stage = workerStage();

  it('speaks the text ahead of other work, airs it, logs emergency.aired, and never counts it as a radio piece', async () => {
    const { api, adminToken } = stage;
    const unit = await createUnit(api, adminToken);
    const operator = await memberToken(api, adminToken, unit.id, 'operator');
    const station = (await api.request('GET', `/api/v1/units/${unit.id}/stations`, { token: operator }))
      .body[0].id;

    expectError(
      await api.request('POST', `/api/v1/stations/${station}/emergency/speech`, {
        token: operator,
        body: { text: '   ' },
      }),
      400,
      'VALIDATION_FAILED',
      'text',
    );
    const editor = await memberToken(api, adminToken, unit.id, 'editor');
    expect(
      (
        await api.request('POST', `/api/v1/stations/${station}/emergency/speech`, {
          token: editor,
          body: { text: 'Thử' },
        })
      ).status,
    ).toBe(403);

    const asked = await api.request('POST', `/api/v1/stations/${station}/emergency/speech`, {
      token: operator,
      body: {
        title: 'Thông báo khẩn',
        text: 'Bão số 3 sắp đổ bộ lúc 14h30, đề nghị bà con chằng chống nhà cửa.',
      },
    });
    expect(asked.status).toBe(202);
    let audio = {
      status: asked.body.status as string,
      durationMs: 0,
      normalizedText: '',
      jingles: null as unknown,
    };
    for (let i = 0; i < 600 && audio.status !== 'ready' && audio.status !== 'failed'; i += 1) {
      await new Promise((r) => setTimeout(r, 100));
      audio = (await api.request('GET', `/api/v1/audio/${asked.body.audioId}`, { token: operator })).body;
    }
    expect(audio.status).toBe('ready');
    expect(audio.normalizedText).toMatch(/mười bốn giờ ba mươi/);
    expect(audio.jingles).toEqual({ intro: 'none', outro: 'none' });

    const aired = await api.request('POST', `/api/v1/stations/${station}/emergency`, {
      token: operator,
      body: { audioId: asked.body.audioId },
    });
    expect(aired.status).toBe(201);
    expect(aired.body).toMatchObject({ kind: 'emergency', title: 'Thông báo khẩn', status: 'aired' });
    const evidence = async (type: string) =>
      (await api.request('GET', `/api/v1/evidence?unitId=${unit.id}&type=${type}`, { token: adminToken }))
        .body.items as unknown[];
    expect(await evidence('emergency.aired')).toHaveLength(1);
    // Not a radio piece: no audio.produced, and no plan picks it.
    expect(await evidence('audio.produced')).toHaveLength(0);
    const tomorrow = new Date(Date.now() + 86_400_000 + 7 * 3_600_000).toISOString().slice(0, 10);
    const plan = await api.request('POST', `/api/v1/stations/${station}/plans/${tomorrow}/generate`, {
      token: operator,
    });
    expect(plan.status).toBe(201);
    const ids = (plan.body.slots as { items: { audioId: string | null }[] }[]).flatMap((s) =>
      s.items.map((i) => i.audioId),
    );
    expect(ids).not.toContain(asked.body.audioId);
  });
});
