import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { today } from '../../clock.ts';
import { ErrorResponses, PageOf, PageQuery } from '../../http/schemas.ts';
import { figuresUnit } from '../orgs/public.ts';
import { chainCounts, chainItems } from './accountability.ts';
import { OVERDUE_KIND_LABELS } from './sources.ts';

const Id = (title: string) => Type.Integer({ minimum: 1, maximum: 2147483647, title });
const Filter = {
  campaignId: Id('主题教育'),
  orgId: Type.Optional(Id('单位')),
  personId: Type.Optional(Id('人员')),
  /** Only the caller's own chain (a leader's 我的责任链). */
  mine: Type.Optional(Type.Boolean({ title: '仅看本人' })),
};
const Name = Type.Union([Type.String(), Type.Null()]);
const Person = Type.Union([Type.Integer(), Type.Null()]);

/** 责任链: whose items are overdue, not only which units. */
export const accountabilityRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const filterOf = async (
    req: { actor: import('../../auth/actor.ts').Actor },
    q: { campaignId: number; orgId?: number; personId?: number; mine?: boolean },
  ) => {
    const unit = await figuresUnit(app.db, req.actor.scope, q.orgId);
    const personId = q.mine ? (req.actor.personId ?? 0) : q.personId;
    return { campaignId: q.campaignId, orgPath: unit.path, today: today(), personId };
  };

  app.get(
    '/accountability',
    {
      schema: {
        tags: ['考核'],
        summary: '责任链：逾期事项按责任人、分管领导、第一责任人和上级第一责任人统计',
        querystring: Type.Object(Filter, { additionalProperties: false }),
        response: {
          200: Type.Object({
            total: Type.Integer(),
            leaders: Type.Array(
              Type.Object({
                personId: Type.Integer(),
                name: Type.String(),
                position: Type.String(),
                orgName: Type.String(),
                owner: Type.Integer(),
                leader: Type.Integer(),
                first: Type.Integer(),
                upper: Type.Integer(),
              }),
            ),
          }),
          ...ErrorResponses,
        },
      },
    },
    async (req) => chainCounts(app.db, req.actor, await filterOf(req, req.query)),
  );

  app.get(
    '/accountability/items',
    {
      schema: {
        tags: ['考核'],
        summary: '责任链：逾期事项清单',
        querystring: Type.Object({ ...Filter, ...PageQuery }, { additionalProperties: false }),
        response: {
          200: PageOf(
            Type.Object({
              kind: Type.String(),
              kindLabel: Type.String(),
              refId: Type.Integer(),
              title: Type.String(),
              deadline: Type.String(),
              orgId: Type.Integer(),
              orgName: Type.String(),
              upperOrgName: Name,
              ownerId: Person,
              ownerName: Name,
              leaderId: Person,
              leaderName: Name,
              firstId: Person,
              firstName: Name,
              upperId: Person,
              upperName: Name,
              link: Type.String(),
            }),
          ),
          ...ErrorResponses,
        },
      },
    },
    async (req) => {
      const { page = 1, pageSize = 20 } = req.query;
      const result = await chainItems(app.db, req.actor, await filterOf(req, req.query), page, pageSize);
      return {
        ...result,
        items: result.items.map((i) => ({
          ...i,
          refId: Number(i.refId),
          orgId: Number(i.orgId),
          kindLabel: OVERDUE_KIND_LABELS.get(i.kind) ?? i.kind,
        })),
      };
    },
  );
};
