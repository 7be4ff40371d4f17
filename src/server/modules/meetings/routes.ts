import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ctxOf } from '../../http/context.ts';
import { ErrorResponses, IdParams } from '../../http/schemas.ts';
import { notFound } from '../../errors.ts';
import { findMeeting, listMeetings, meetingItems } from './repository.ts';
import {
  Created,
  CreateMeetingBody,
  ItemParams,
  ItemToProblemBody,
  MEETING_KINDS,
  MeetingItemBody,
  MeetingList,
  MeetingListQuery,
  MeetingView,
  type MeetingKind,
} from './schemas.ts';
import { createMeeting } from './commands/create-meeting.ts';
import { addMeetingItem } from './commands/add-meeting-item.ts';
import { itemToProblem } from './commands/item-to-problem.ts';

const tags = ['民主生活会'];
const kindLabel = (kind: string) => MEETING_KINDS[kind as MeetingKind] ?? kind;

/** 专题民主生活会 / 组织生活会: the meeting, its criticism items, each one step from the problem list. */
export const meetingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/meetings',
    {
      schema: {
        tags,
        summary: '民主生活会与组织生活会',
        querystring: MeetingListQuery,
        response: { 200: MeetingList, ...ErrorResponses },
      },
    },
    async (req) => {
      const rows = await listMeetings(app.db, req.actor, req.query);
      return { items: rows.map((r) => ({ ...r, kindLabel: kindLabel(r.kind) })) };
    },
  );

  app.get(
    '/meetings/:id',
    {
      schema: {
        tags,
        summary: '会议详情与批评事项',
        params: IdParams,
        response: { 200: MeetingView, ...ErrorResponses },
      },
    },
    async (req) => {
      const m = await findMeeting(app.db, req.actor, req.params.id);
      if (!m) throw notFound('会议');
      const { orgPath, attendeeIds, ...rest } = m;
      return {
        ...rest,
        attendeeIds: JSON.parse(attendeeIds) as number[],
        kindLabel: kindLabel(m.kind),
        items: await meetingItems(app.db, m.id),
      };
    },
  );

  app.post(
    '/meetings',
    { schema: { tags, summary: '记录会议', body: CreateMeetingBody, response: { 201: Created, ...ErrorResponses } } },
    async (req, reply) => reply.status(201).send({ id: await createMeeting(ctxOf(req), req.body) }),
  );

  app.post(
    '/meetings/:id/items',
    {
      schema: {
        tags,
        summary: '记录批评与自我批评事项',
        params: IdParams,
        body: MeetingItemBody,
        response: { 201: Created, ...ErrorResponses },
      },
    },
    async (req, reply) => reply.status(201).send({ id: await addMeetingItem(ctxOf(req), req.params.id, req.body) }),
  );

  app.post(
    '/meetings/:id/items/:itemId/to-problem',
    {
      schema: {
        tags,
        summary: '事项转为问题（民主生活会）',
        params: ItemParams,
        body: ItemToProblemBody,
        response: { 201: Created, ...ErrorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await itemToProblem(ctxOf(req), req.params.id, req.params.itemId, req.body)),
  );
};
