import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponses, Text } from '../../http/schemas.ts';
import { invalidField } from '../../errors.ts';
import { nowIso } from '../../clock.ts';
import { ancestorPaths, inScope, scopeContains } from '../../db/scope.ts';
import { authorize, hasRole, type Policy } from '../../policies/engine.ts';
import { requireWritable } from '../../policies/scope-guard.ts';
import { recordAudit } from '../audit/record-audit.ts';
import { anyOrg, visibleOrg } from '../orgs/public.ts';

const tags = ['检视整改'];
const itemPolicy: Policy<{ orgPath: string }> = {
  create: (actor, u) => hasRole(actor, 'admin', 'office') && scopeContains(actor.scope, u.orgPath),
};
const Item = Type.Object({
  id: Type.Integer(),
  campaignId: Type.Integer(),
  name: Type.String(),
  leadOrgId: Type.Integer(),
  leadOrgName: Type.String(),
  description: Type.String(),
  problemCount: Type.Integer(),
});

/** 专项整治: named lists with a lead unit; problems belong to them like to any list. */
export const specialItemRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/special-items',
    {
      schema: {
        tags,
        summary: '专项整治清单',
        querystring: Type.Object(
          { campaignId: Type.Optional(Type.Integer({ minimum: 1, title: '主题教育' })) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Object({ items: Type.Array(Item) }) },
      },
    },
    async (req) => {
      let qb = app.db
        .selectFrom('specialItems')
        .innerJoin('orgUnits', 'orgUnits.id', 'specialItems.leadOrgId')
        .select((eb) => [
          'specialItems.id',
          'specialItems.campaignId',
          'specialItems.name',
          'specialItems.leadOrgId',
          'orgUnits.name as leadOrgName',
          'specialItems.description',
          eb
            .selectFrom('problems')
            .select((e) => e.fn.countAll<number>().as('n'))
            .whereRef('problems.specialItemId', '=', 'specialItems.id')
            .where(inScope(req.actor.scope, 'problems.orgPath'))
            .as('problemCount'),
        ])
        // Visible to the lead unit's scope and to everyone whose unit lies under it.
        .where((eb) =>
          eb.or([
            inScope(req.actor.scope, 'specialItems.orgPath')(eb),
            eb('specialItems.orgPath', 'in', req.actor.orgPath ? ancestorPaths(req.actor.orgPath) : ['-']),
          ]),
        );
      if (req.query.campaignId) qb = qb.where('specialItems.campaignId', '=', req.query.campaignId);
      const rows = await qb.orderBy('specialItems.id').execute();
      return { items: rows.map((r) => ({ ...r, problemCount: Number(r.problemCount ?? 0) })) };
    },
  );

  app.post(
    '/special-items',
    {
      schema: {
        tags,
        summary: '新建专项整治',
        body: Type.Object(
          {
            campaignId: Type.Integer({ minimum: 1, title: '主题教育' }),
            name: Text('名称', 100),
            leadOrgId: Type.Integer({ minimum: 1, title: '牵头单位' }),
            description: Type.Optional(Type.String({ maxLength: 2000, title: '说明' })),
          },
          { additionalProperties: false },
        ),
        response: { 201: Type.Object({ id: Type.Integer() }), ...ErrorResponses },
      },
    },
    async (req, reply) => {
      const id = await app.db.transaction().execute(async (trx) => {
        const org = await requireWritable(
          await visibleOrg(trx, req.actor.scope, req.body.leadOrgId),
          () => anyOrg(trx, req.body.leadOrgId),
          '牵头单位',
        );
        authorize(itemPolicy, 'create', req.actor, { orgPath: org.path });
        const campaign = await trx
          .selectFrom('campaigns')
          .select('id')
          .where('id', '=', req.body.campaignId)
          .executeTakeFirst();
        if (!campaign) throw invalidField('campaignId', '“主题教育”不存在');
        const now = nowIso();
        const row = await trx
          .insertInto('specialItems')
          .values({
            campaignId: campaign.id,
            name: req.body.name.trim(),
            leadOrgId: org.id,
            orgPath: org.path,
            description: req.body.description ?? '',
            createdAt: now,
            updatedAt: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        await recordAudit(trx, req.actor, {
          action: 'create',
          entityType: 'special_item',
          entityId: row.id,
          entityLabel: req.body.name,
          orgPath: org.path,
          after: req.body,
        });
        return row.id;
      });
      return reply.status(201).send({ id });
    },
  );
};
