import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { nowIso } from '../../clock.ts';
import { notFound } from '../../errors.ts';
import { ErrorResponses, IdParams } from '../../http/schemas.ts';
import { markAllRead, markRead, messagePage, unreadCount } from './repository.ts';
import { eventLabel } from './presenter.ts';
import { MessageQuery, MessagePage, MessageRead, MessagesMarked, UnreadCount } from './schemas.ts';

const tags = ['站内消息'];

/** 站内消息: each account reads and marks only its own messages (another's id is 404). */
export const notificationRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/notifications',
    {
      schema: {
        tags,
        summary: '我的消息（unread=true 仅未读）',
        querystring: MessageQuery,
        response: { 200: MessagePage, ...ErrorResponses },
      },
    },
    async (req) => {
      const { page = 1, pageSize = 20, unread = false } = req.query;
      const [list, unreadTotal] = await Promise.all([
        messagePage(app.db, req.actor, unread, page, pageSize),
        unreadCount(app.db, req.actor),
      ]);
      return {
        ...list,
        unread: unreadTotal,
        items: list.items.map((m) => ({ ...m, eventLabel: eventLabel(m.event), read: m.readAt !== null })),
      };
    },
  );

  app.get(
    '/notifications/unread-count',
    { schema: { tags, summary: '未读消息数（铃铛角标）', response: { 200: UnreadCount, ...ErrorResponses } } },
    async (req) => ({
      unread: await unreadCount(app.db, req.actor),
    }),
  );

  app.post(
    '/notifications/:id/read',
    { schema: { tags, summary: '标为已读', params: IdParams, response: { 200: MessageRead, ...ErrorResponses } } },
    async (req) => {
      if (!(await markRead(app.db, req.actor, req.params.id, nowIso()))) throw notFound('消息');
      return { id: req.params.id, read: true };
    },
  );

  app.post(
    '/notifications/read-all',
    {
      schema: {
        tags,
        summary: '全部标为已读',
        body: Type.Optional(Type.Object({}, { additionalProperties: false })),
        response: { 200: MessagesMarked, ...ErrorResponses },
      },
    },
    async (req) => ({ marked: await markAllRead(app.db, req.actor, nowIso()) }),
  );
};
