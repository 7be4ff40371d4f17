import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ctxOf } from '../../http/context.ts';
import { DateString, ErrorResponses, IdParams, Text } from '../../http/schemas.ts';
import { notFound } from '../../errors.ts';
import { inScope } from '../../db/scope.ts';
import { addItem, createMeeting, findMeeting, itemToProblem, MEETING_KINDS } from './commands.ts';

const tags = ['民主生活会'];

/** 专题民主生活会 / 组织生活会: the meeting, its criticism items, each one step from the problem list. */
export const meetingRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/meetings',
    {
      schema: {
        tags,
        summary: '民主生活会与组织生活会',
        querystring: Type.Object(
          { campaignId: Type.Optional(Type.Integer({ minimum: 1 })) },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => {
      let qb = app.db
        .selectFrom('lifeMeetings')
        .innerJoin('orgUnits', 'orgUnits.id', 'lifeMeetings.orgId')
        .select([
          'lifeMeetings.id',
          'lifeMeetings.kind',
          'lifeMeetings.date',
          'orgUnits.name as orgName',
          'lifeMeetings.campaignId',
        ])
        .where(inScope(req.actor.scope, 'lifeMeetings.orgPath'));
      if (req.query.campaignId) qb = qb.where('lifeMeetings.campaignId', '=', req.query.campaignId);
      const rows = await qb.orderBy('lifeMeetings.date', 'desc').execute();
      return {
        items: rows.map((r) => ({ ...r, kindLabel: MEETING_KINDS[r.kind as keyof typeof MEETING_KINDS] ?? r.kind })),
      };
    },
  );

  app.get('/meetings/:id', { schema: { tags, summary: '会议详情与批评事项', params: IdParams } }, async (req) => {
    const m = await findMeeting(app.db, req.actor, req.params.id);
    if (!m) throw notFound('会议');
    const items = await app.db
      .selectFrom('lifeMeetingItems')
      .leftJoin('people as f', 'f.id', 'lifeMeetingItems.fromPersonId')
      .leftJoin('people as t', 't.id', 'lifeMeetingItems.toPersonId')
      .select([
        'lifeMeetingItems.id',
        'lifeMeetingItems.kind',
        'lifeMeetingItems.content',
        'lifeMeetingItems.problemId',
        'f.name as fromName',
        't.name as toName',
      ])
      .where('meetingId', '=', m.id)
      .orderBy('lifeMeetingItems.id')
      .execute();
    const { orgPath, attendeeIds, ...rest } = m;
    return {
      ...rest,
      attendeeIds: JSON.parse(attendeeIds) as number[],
      kindLabel: MEETING_KINDS[m.kind as keyof typeof MEETING_KINDS],
      items,
    };
  });

  app.post(
    '/meetings',
    {
      schema: {
        tags,
        summary: '记录会议',
        body: Type.Object(
          {
            campaignId: Type.Integer({ minimum: 1, title: '主题教育' }),
            orgId: Type.Integer({ minimum: 1, title: '单位' }),
            kind: Type.String({ enum: Object.keys(MEETING_KINDS), title: '会议类型' }),
            date: DateString('日期'),
            attendeeIds: Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 500, title: '参会人员' }),
            materialAttachmentId: Type.Optional(
              Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], { title: '对照检查材料' }),
            ),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ id: Type.Integer() }), ...ErrorResponses },
      },
    },
    async (req, reply) => reply.status(201).send({ id: await createMeeting(ctxOf(req), req.body) }),
  );

  app.post(
    '/meetings/:id/items',
    {
      schema: {
        tags,
        summary: '记录批评与自我批评事项',
        params: IdParams,
        body: Type.Object(
          {
            kind: Type.String({ enum: ['criticism', 'self'], title: '类型' }),
            fromPersonId: Type.Integer({ minimum: 1, title: '发言人' }),
            toPersonId: Type.Optional(Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], { title: '被批评人' })),
            content: Text('内容', 2000),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ id: Type.Integer() }), ...ErrorResponses },
      },
    },
    async (req, reply) => reply.status(201).send({ id: await addItem(ctxOf(req), req.params.id, req.body) }),
  );

  app.post(
    '/meetings/:id/items/:itemId/to-problem',
    {
      schema: {
        tags,
        summary: '事项转为问题（民主生活会）',
        params: Type.Object({ id: Type.Integer({ minimum: 1 }), itemId: Type.Integer({ minimum: 1 }) }),
        body: Type.Object({ title: Text('问题标题', 200) }, { additionalProperties: false }),
        response: { 201: Type.Object({ id: Type.Integer() }), ...ErrorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await itemToProblem(ctxOf(req), req.params.id, req.params.itemId, req.body)),
  );
};
