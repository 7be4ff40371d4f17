import { Writable } from 'node:stream';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachDb } from '../../testing/harness.ts';
import { startMockRobot, type MockRobot } from '../../testing/mock-robot.ts';
import { FIXTURE_PASSWORD } from '../../testing/fixture.ts';
import { buildApp } from '../../app.ts';
import { classify, postRobot, robotPayload } from './robot-client.ts';
import { drainRobots } from './deliver.ts';
import { enqueueForRobots } from './send.ts';
import { robotKey } from './robot-key.ts';

const TOKEN = 'dt-token-0123456789abcdef';
const SECRET = 'SECa1b2c3d4e5f6-very-secret';
const WECOM_KEY = 'wx-key-5f3c2b1a-secret-key';

describeEachDb('#webhooks', (h) => {
  let robot: MockRobot;
  beforeAll(async () => {
    robot = await startMockRobot({ [TOKEN]: SECRET });
  });
  afterAll(() => robot.close());

  const dingUrl = () => `${robot.base}/robot/send?access_token=${TOKEN}`;
  const wecomUrl = () => `${robot.base}/cgi-bin/webhook/send?key=${WECOM_KEY}`;
  const connect = async (body: Record<string, unknown>) => {
    const res = await h().call('office', 'POST', '/api/v1/webhooks', body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  };
  const drain = (at: Date) =>
    drainRobots(h().db, { key: robotKey(h().app.config), publicUrl: 'http://tz.local', node: 'n1', now: () => at });
  const deliveries = (webhookId: number) =>
    h().db.selectFrom('webhookDeliveries').selectAll().where('webhookId', '=', webhookId).orderBy('id').execute();

  it('the client tells sent, retry-later and permanent answers apart, against a robot that checks the signature', async () => {
    const payload = robotPayload('dingtalk', '测试', '### 测试');
    robot.answers.push(0, 130101, 300005);
    expect(await postRobot('dingtalk', dingUrl(), SECRET, payload)).toMatchObject({ outcome: 'sent', errcode: 0 });
    expect(await postRobot('dingtalk', dingUrl(), SECRET, payload)).toMatchObject({
      outcome: 'retry',
      errcode: 130101,
      channelBroken: false,
    });
    expect(await postRobot('dingtalk', dingUrl(), SECRET, payload)).toMatchObject({
      outcome: 'permanent',
      channelBroken: true,
    });
    // A wrong secret: the robot itself rejects the signature.
    expect(await postRobot('dingtalk', dingUrl(), 'SECwrong', payload)).toMatchObject({
      outcome: 'permanent',
      errcode: 310000,
      channelBroken: true,
    });
    const wx = robotPayload('wecom', '测试', 'x'.repeat(5000));
    robot.answers.push(45009, 93000);
    expect(await postRobot('wecom', wecomUrl(), null, wx)).toMatchObject({ outcome: 'retry', errcode: 45009 });
    expect(await postRobot('wecom', wecomUrl(), null, wx)).toMatchObject({ outcome: 'permanent', errcode: 93000 });
    expect(await postRobot('wecom', 'http://127.0.0.1:1/x?key=k', null, wx)).toMatchObject({ outcome: 'retry' });
    expect([0, 45009, 130101, 93000, 310000, 300005].map(classify)).toEqual([
      'sent',
      'retry',
      'retry',
      'permanent',
      'permanent',
      'permanent',
    ]);
  });

  it('office connects a signed robot; address and secret never come back; 测试发送 arrives signed', async () => {
    const { fx } = h();
    const created = await connect({
      orgId: fx.units.root.id,
      kind: 'dingtalk',
      name: '局整改工作群',
      url: dingUrl(),
      secret: SECRET,
      events: ['reminder'],
    });
    expect(created).toMatchObject({ kind: 'dingtalk', hasSecret: true, status: 'active', urlHint: expect.any(String) });
    const list = await h().call('office', 'GET', '/api/v1/webhooks');
    for (const text of [JSON.stringify(created), list.body]) {
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(SECRET);
    }
    const stored = await h()
      .db.selectFrom('webhooks')
      .selectAll()
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(TOKEN);
    expect(JSON.stringify(stored)).not.toContain(SECRET);

    const before = robot.received.length;
    const test = await h().call('office', 'POST', `/api/v1/webhooks/${created.id}/test`);
    expect(test.json()).toMatchObject({ ok: true });
    expect(robot.received.length).toBe(before + 1);
    expect(robot.received.at(-1)!.body.markdown.title).toBe('台账测试消息');
    const log = await h().call('office', 'GET', `/api/v1/webhooks/${created.id}/deliveries`);
    expect(log.json().items[0]).toMatchObject({ event: 'test', status: 'sent', eventLabel: expect.any(String) });
    expect(log.body).not.toContain(TOKEN);

    const bad = await h().call('office', 'POST', '/api/v1/webhooks', {
      orgId: fx.units.root.id,
      kind: 'wecom',
      name: 'x',
      url: 'ftp://example.com/x',
      events: ['approved'],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].path).toBe('url');
    const noEvents = await h().call('office', 'POST', '/api/v1/webhooks', {
      orgId: fx.units.root.id,
      kind: 'wecom',
      name: 'x',
      url: wecomUrl(),
      events: [],
    });
    expect(noEvents.statusCode).toBe(400);
  });

  it('21 events in one minute reach the robot as 20 posts, the last a digest of the two that did not fit', async () => {
    const { fx, db } = h();
    const r = await connect({
      orgId: fx.units.branchA.id,
      kind: 'wecom',
      name: '支部群',
      url: wecomUrl(),
      events: ['approved'],
    });
    for (let i = 1; i <= 21; i++)
      await enqueueForRobots(db, {
        event: 'approved',
        title: `已销号：问题${i}`,
        link: `/problems?open=${i}`,
        orgPath: fx.units.branchA.path,
      });
    // Events of other kinds, or of units outside the robot's subtree, do not reach it.
    await enqueueForRobots(db, { event: 'returned', title: '退回', orgPath: fx.units.branchA.path });
    await enqueueForRobots(db, { event: 'approved', title: '别处', orgPath: fx.units.branchB.path });
    const at = new Date(Date.now() + 60_000);
    const before = robot.received.filter((x) => x.token === WECOM_KEY).length;
    const result = await drain(at);
    const posts = robot.received.filter((x) => x.token === WECOM_KEY).slice(before);
    expect(posts.length).toBe(20);
    expect(result).toMatchObject({ sent: 20, folded: 2 });
    expect(posts[0].body.markdown.content).toContain('已销号：问题1');
    expect(posts[0].body.markdown.content).toContain('http://tz.local');
    const digest = posts[19].body.markdown.content!;
    expect(digest).toContain('汇总（2 条）');
    expect(digest).toContain('问题20');
    expect(digest).toContain('问题21');
    const rows = await deliveries(r.id);
    expect(rows.filter((d) => d.status === 'folded').length).toBe(2);
    expect(rows.some((d) => d.title === '别处' || d.title === '退回')).toBe(false);
    // Within the same minute nothing more goes out; a minute later the next event does.
    await enqueueForRobots(db, { event: 'approved', title: '已销号：问题22', orgPath: fx.units.branchA.path });
    expect((await drain(new Date(at.getTime() + 30_000))).sent).toBe(0);
    expect((await drain(new Date(at.getTime() + 61_000))).sent).toBe(1);
  });

  it('a throttled robot is retried later; a bad key stops the robot and tells whoever connected it', async () => {
    const { fx, db } = h();
    const r = await connect({
      orgId: fx.units.branchB.id,
      kind: 'dingtalk',
      name: '科室群',
      url: dingUrl(),
      secret: SECRET,
      events: ['returned'],
    });
    await enqueueForRobots(db, { event: 'returned', title: '退回一', orgPath: fx.units.branchB.path });
    const at = new Date(Date.now() + 3 * 60 * 60_000);
    robot.answers.push(130101);
    expect(await drain(at)).toMatchObject({ sent: 0, retried: 1 });
    let [d] = await deliveries(r.id);
    expect(d).toMatchObject({ status: 'pending', attempts: 1, errcode: 130101 });
    expect(d.nextAttemptAt > at.toISOString()).toBe(true);
    expect((await drain(at)).sent).toBe(0); // not due yet
    expect((await drain(new Date(at.getTime() + 5 * 60_000))).sent).toBe(1);
    [d] = await deliveries(r.id);
    expect(d).toMatchObject({ status: 'sent', attempts: 2 });

    await enqueueForRobots(db, { event: 'returned', title: '退回二', orgPath: fx.units.branchB.path });
    await enqueueForRobots(db, { event: 'returned', title: '退回三', orgPath: fx.units.branchB.path });
    robot.answers.push(310000);
    expect(await drain(new Date(at.getTime() + 10 * 60_000))).toMatchObject({ failed: 1, sent: 0 });
    const shown = (await h().call('office', 'GET', '/api/v1/webhooks?pageSize=50')).json();
    expect(shown.items.find((x: { id: number }) => x.id === r.id)).toMatchObject({ status: 'broken' });
    const told = (await h().call('office', 'GET', '/api/v1/notifications?unread=true')).json();
    expect(told.items.some((m: { event: string }) => m.event === 'channel_broken')).toBe(true);
    expect((await drain(new Date(at.getTime() + 20 * 60_000))).sent).toBe(0); // a broken robot is left alone
    // Saving it again (a new secret) re-activates it and the waiting message goes out.
    const patched = await h().call('office', 'PATCH', `/api/v1/webhooks/${r.id}`, {
      version: r.version,
      secret: SECRET,
    });
    expect(patched.json()).toMatchObject({ status: 'active' });
    expect((await drain(new Date(at.getTime() + 30 * 60_000))).sent).toBe(1);
  });

  it('the robot’s key and secret appear in no log line, even at trace level', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const app = await buildApp({ db: h().db, config: h().app.config, logger: { level: 'trace', stream } });
    await app.ready();
    const login = await app.inject({
      method: 'POST',
      url: '/api/v1/session',
      payload: { username: 'office', password: FIXTURE_PASSWORD },
    });
    const cookie = `tz_session=${login.cookies.find((c) => c.name === 'tz_session')!.value}`;
    const created = await app.inject({
      method: 'POST',
      url: '/api/v1/webhooks',
      headers: { cookie },
      payload: {
        orgId: h().fx.units.committee.id,
        kind: 'dingtalk',
        name: '日志检查',
        url: dingUrl(),
        secret: SECRET,
        events: ['approved'],
      },
    });
    expect(created.statusCode, created.body).toBe(201);
    await app.inject({ method: 'POST', url: `/api/v1/webhooks/${created.json().id}/test`, headers: { cookie } });
    robot.answers.push(310000);
    await app.inject({ method: 'POST', url: `/api/v1/webhooks/${created.json().id}/test`, headers: { cookie } });
    await app.close();
    expect(lines.length).toBeGreaterThan(3);
    const all = lines.join('');
    expect(all).not.toContain(TOKEN);
    expect(all).not.toContain(SECRET);
  });
});
