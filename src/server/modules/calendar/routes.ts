import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DateString, ErrorResponses, IdParams } from '../../http/schemas.ts';
import { notFound, dateExists } from '../../errors.ts';
import { nowIso } from '../../clock.ts';
import { authorize, isAdmin, type Policy } from '../../policies/engine.ts';
import { recordAudit } from '../audit/record-audit.ts';

const tags = ['工作日历'];
const calendarPolicy: Policy<null> = { manage: (actor) => isAdmin(actor) };
const Override = Type.Object({ id: Type.Integer(), date: Type.String(), kind: Type.String(), note: Type.String() });

/**
 * Corrections to China's official calendar (which the holiday library knows only through 2026): the admin
 * declares a date a workday or a holiday, and deadlines in working days follow.
 */
export const calendarRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/calendar/overrides',
    {
      schema: {
        tags,
        summary: '节假日与调休补充设置',
        response: { 200: Type.Object({ items: Type.Array(Override) }) },
      },
    },
    async () => ({
      items: await app.db
        .selectFrom('calendarOverrides')
        .select(['id', 'date', 'kind', 'note'])
        .orderBy('date')
        .execute(),
    }),
  );

  app.post(
    '/calendar/overrides',
    {
      schema: {
        tags,
        summary: '新增节假日或调休工作日（管理员）',
        body: Type.Object(
          {
            date: DateString('日期'),
            kind: Type.String({ enum: ['workday', 'holiday'], title: '类型' }),
            note: Type.Optional(Type.String({ maxLength: 60, title: '说明' })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Override, ...ErrorResponses },
      },
    },
    async (req, reply) => {
      authorize(calendarPolicy, 'manage', req.actor, null);
      const row = await app.db.transaction().execute(async (trx) => {
        if (await trx.selectFrom('calendarOverrides').select('id').where('date', '=', req.body.date).executeTakeFirst())
          throw dateExists(req.body.date);
        const inserted = await trx
          .insertInto('calendarOverrides')
          .values({ date: req.body.date, kind: req.body.kind, note: req.body.note ?? '', createdAt: nowIso() })
          .returning(['id', 'date', 'kind', 'note'])
          .executeTakeFirstOrThrow();
        await recordAudit(trx, req.actor, {
          action: 'create',
          entityType: 'calendar',
          entityId: inserted.id,
          entityLabel: inserted.date,
          orgPath: null,
          after: inserted,
        });
        return inserted;
      });
      return reply.status(201).send(row);
    },
  );

  app.delete(
    '/calendar/overrides/:id',
    { schema: { tags, summary: '删除设置（管理员）', params: IdParams } },
    async (req, reply) => {
      authorize(calendarPolicy, 'manage', req.actor, null);
      await app.db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom('calendarOverrides')
          .selectAll()
          .where('id', '=', req.params.id)
          .executeTakeFirst();
        if (!row) throw notFound('设置');
        await trx.deleteFrom('calendarOverrides').where('id', '=', row.id).execute();
        await recordAudit(trx, req.actor, {
          action: 'delete',
          entityType: 'calendar',
          entityId: row.id,
          entityLabel: row.date,
          orgPath: null,
          before: row,
        });
      });
      return reply.status(204).send();
    },
  );
};
