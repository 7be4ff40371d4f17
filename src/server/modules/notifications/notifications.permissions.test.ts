/** Every role against 我的待办, 站内消息 and the group robots: a user reads only their own messages; only admin and office manage robots. */
import { beforeAll } from 'vitest';
import { describeEachDb, type Harness } from '../../testing/harness.ts';
import { permissionMatrix } from '../../testing/permission-matrix.ts';
import { nowIso } from '../../clock.ts';

const robotVersion = (h: Harness, id: number) =>
  h
    .call('admin', 'GET', '/api/v1/webhooks?pageSize=200')
    .then((r) => r.json<{ items: Array<{ id: number; version: number }> }>().items.find((x) => x.id === id)!.version);

describeEachDb('permission matrix: to-do, messages, robots', (h) => {
  let messageId = 0;
  let robotId = 0;
  let doomedId = 0;
  beforeAll(async () => {
    const { db, fx } = h();
    const m = await db
      .insertInto('notifications')
      .values({ userId: fx.users.member, event: 'assigned', title: '给孙晓雨的消息', createdAt: nowIso() })
      .returning('id')
      .executeTakeFirstOrThrow();
    messageId = m.id;
    const make = async (name: string) =>
      (
        await h().call('office', 'POST', '/api/v1/webhooks', {
          orgId: fx.units.branchA.id,
          kind: 'wecom',
          name,
          url: 'http://127.0.0.1:1/cgi-bin/webhook/send?key=matrix',
          events: ['approved'],
        })
      ).json<{ id: number }>().id;
    robotId = await make('支部群');
    doomedId = await make('待删除');
  });

  permissionMatrix(h, [
    { label: 'my to-do', method: 'GET', url: () => '/api/v1/todos', expect: {}, otherwise: 200 },
    { label: 'my to-do counts', method: 'GET', url: () => '/api/v1/todos/counts', expect: {}, otherwise: 200 },
    { label: 'my messages', method: 'GET', url: () => '/api/v1/notifications?unread=true', expect: {}, otherwise: 200 },
    {
      label: 'my unread count',
      method: 'GET',
      url: () => '/api/v1/notifications/unread-count',
      expect: {},
      otherwise: 200,
    },
    {
      label: "mark member's message read",
      method: 'POST',
      url: () => `/api/v1/notifications/${messageId}/read`,
      expect: { member: 200 },
      otherwise: 404,
    },
    {
      label: 'mark all mine read',
      method: 'POST',
      url: () => '/api/v1/notifications/read-all',
      body: () => ({}),
      expect: {},
      otherwise: 200,
    },
    {
      label: 'list robots',
      method: 'GET',
      url: () => '/api/v1/webhooks',
      expect: { admin: 200, office: 200 },
      otherwise: 403,
    },
    {
      label: 'connect a robot to branchB',
      method: 'POST',
      url: () => '/api/v1/webhooks',
      body: (hh) => ({
        orgId: hh.fx.units.branchB.id,
        kind: 'dingtalk',
        name: '科室群',
        url: 'http://127.0.0.1:1/robot/send?access_token=matrix',
        secret: 'SECmatrix',
        events: ['reminder'],
      }),
      expect: { admin: 201, office: 201 },
      otherwise: 403,
    },
    {
      label: 'change the branchA robot',
      method: 'PATCH',
      url: () => `/api/v1/webhooks/${robotId}`,
      body: async (hh) => ({ version: await robotVersion(hh, robotId), name: '支部群' }),
      expect: { admin: 200, office: 200 },
      otherwise: 403,
    },
    {
      label: 'test-send the branchA robot',
      method: 'POST',
      url: () => `/api/v1/webhooks/${robotId}/test`,
      expect: { admin: 200, office: 200 },
      otherwise: 403,
    },
    {
      label: 'delivery log of the branchA robot',
      method: 'GET',
      url: () => `/api/v1/webhooks/${robotId}/deliveries`,
      expect: { admin: 200, office: 200 },
      otherwise: 403,
    },
    {
      label: 'delete a robot (admin first, so office then finds it gone)',
      method: 'DELETE',
      url: () => `/api/v1/webhooks/${doomedId}`,
      body: async (hh) => ({ version: (await robotVersion(hh, doomedId).catch(() => 1)) ?? 1 }),
      expect: { admin: 204, office: 404 },
      otherwise: 403,
    },
  ]);
});
