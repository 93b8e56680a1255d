import { INestApplicationContext } from '@nestjs/common';
import { createWorker } from '../../apps/worker/src/create-worker';
import { startApi, TestApi } from '../support/api';
import { createUnit, createUser } from '../support/factories';

// Scheduled publication end to end: the api schedules, two real workers tick every second, exactly one
// of them publishes the article once its time has come, with one evidence row.
describe('scheduled publication through the worker', () => {
  let api: TestApi;
  let workers: INestApplicationContext[] = [];
  const saved = process.env.PUBLISH_CHECK_CRON;

  beforeAll(async () => {
    api = await startApi();
    process.env.PUBLISH_CHECK_CRON = '* * * * * *';
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.close()));
    await api.close();
    if (saved === undefined) {
      delete process.env.PUBLISH_CHECK_CRON;
    } else {
      process.env.PUBLISH_CHECK_CRON = saved;
    }
  });

  it('publishes an approved article on the first tick after publishAt, once', async () => {
    const admin = await api.adminToken();
    const unit = await createUnit(api, admin);
    const approver = await createUser(api, admin, [{ unitId: unit.id, role: 'approver' }]);
    const approverToken = await api.login(approver.username, approver.password);
    const categories = (await api.request('GET', `/api/v1/units/${unit.id}/categories`, { token: admin }))
      .body;
    const cchc = categories.find((c: { slug: string }) => c.slug === 'cai-cach-hanh-chinh');

    const created = await api.request('POST', '/api/v1/articles', {
      token: admin,
      body: {
        unitId: unit.id,
        title: 'Hẹn giờ đăng tin CCHC',
        bodyHtml: '<p>Nội dung</p>',
        categoryIds: [cchc.id],
      },
    });
    const id = created.body.id as string;
    await api.request('POST', `/api/v1/articles/${id}/submit`, { token: admin });
    await api.request('POST', `/api/v1/articles/${id}/approve`, { token: approverToken });
    const publishAt = new Date(Date.now() + 2500);
    const scheduled = await api.request('POST', `/api/v1/articles/${id}/publish`, {
      token: approverToken,
      body: { publishAt: publishAt.toISOString() },
    });
    expect(scheduled.status).toBe(200);
    expect(scheduled.body).toMatchObject({
      status: 'approved',
      publishAt: publishAt.toISOString(),
      publishedAt: null,
    });

    workers = await Promise.all([createWorker(), createWorker()]);
    let article = scheduled.body;
    for (let i = 0; i < 100 && article.status !== 'published'; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      article = (await api.request('GET', `/api/v1/articles/${id}`, { token: admin })).body;
    }
    expect(article).toMatchObject({ status: 'published', publishAt: null });
    expect(new Date(article.publishedAt).getTime()).toBeGreaterThanOrEqual(publishAt.getTime());
    expect(article.firstPublishedAt).toBe(article.publishedAt);

    // A few more ticks of both workers change nothing.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const evidence = await api.request('GET', `/api/v1/evidence?unitId=${unit.id}&type=article.published`, {
      token: admin,
    });
    expect(evidence.body.total).toBe(1);
    expect(evidence.body.items[0]).toMatchObject({
      method: 'system',
      actorId: null,
      subject: { type: 'article', id },
      snapshot: { first: true, countsAsCchc: true, title: 'Hẹn giờ đăng tin CCHC' },
    });
    const revisions = (await api.request('GET', `/api/v1/articles/${id}/revisions`, { token: admin })).body;
    expect(revisions.map((r: { action: string }) => r.action)).toEqual([
      'publish',
      'schedule',
      'approve',
      'submit',
      'create',
    ]);
  });
});
