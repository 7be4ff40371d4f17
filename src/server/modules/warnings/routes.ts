import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ctxOf } from '../../http/context.ts';
import { ErrorResponses } from '../../http/schemas.ts';
import { today } from '../../clock.ts';
import { scopeContains } from '../../db/scope.ts';
import { childUnits, figuresUnit } from '../orgs/public.ts';
import { WARNING_KINDS } from './kinds.ts';
import { CampaignQuery, Thresholds, ThresholdsBody, WarningsQuery, WarningsView } from './schemas.ts';
import { thresholdValues } from './repository.ts';
import { saveThresholds } from './commands/save-thresholds.ts';

const tags = ['预警'];
/** 预警 (F12): every warning kind's count for a subtree (and, asked, for each direct child), each opening its list. */
export const warningRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/warnings',
    {
      schema: {
        tags,
        summary: '预警：各类预警在单位（含下级）的数量，各数打开其清单',
        querystring: WarningsQuery,
        response: { 200: WarningsView, ...ErrorResponses },
      },
    },
    async (req) => {
      const { campaignId, orgId, kind, children } = req.query;
      const unit = await figuresUnit(app.db, req.actor.scope, orgId);
      // Only children the caller may ask for by id: each count must open a list the caller can open.
      const below = children
        ? (await childUnits(app.db, req.actor.scope, unit.id)).filter((c) => scopeContains(req.actor.scope, c.path))
        : [];
      const units = [unit, ...below];
      const kinds = WARNING_KINDS.filter((k) => !kind || k.kind === kind);
      const thresholds = await thresholdValues(app.db, campaignId, kinds);
      const day = today();
      // One scope per unit shared by its kinds (a module may count several kinds in one pass over it), the
      // kinds of a unit counted concurrently.
      const perUnit = await Promise.all(
        units.map((u) => {
          const scope = { campaignId, orgId: u.id, orgPath: u.path, today: day, thresholds };
          return Promise.all(
            kinds.map(async (k) => ({
              kind: k.kind,
              label: k.label,
              line: k.line,
              orgId: u.id,
              orgName: u.name,
              count: await k.count(app.db, req.actor, scope),
              link: k.link(scope),
              api: k.api(scope),
            })),
          );
        }),
      );
      const items = perUnit.flat();
      return { asOf: day, items };
    },
  );

  app.get(
    '/warnings/thresholds',
    {
      schema: {
        tags,
        summary: '预警阈值（按主题教育）',
        querystring: CampaignQuery,
        response: { 200: Thresholds, ...ErrorResponses },
      },
    },
    async (req) => listThresholds(req.query.campaignId),
  );

  app.put(
    '/warnings/thresholds',
    {
      schema: {
        tags,
        summary: '设置预警阈值',
        querystring: CampaignQuery,
        body: ThresholdsBody,
        response: { 200: Thresholds, ...ErrorResponses },
      },
    },
    async (req) => {
      await saveThresholds(ctxOf(req), req.query.campaignId, req.body.values);
      return listThresholds(req.query.campaignId);
    },
  );

  async function listThresholds(campaignId: number) {
    const values = await thresholdValues(app.db, campaignId, WARNING_KINDS);
    return {
      items: WARNING_KINDS.flatMap((k) =>
        (k.thresholds ?? []).map((t) => ({
          key: t.key,
          label: t.label,
          kind: k.kind,
          value: values[t.key],
          min: t.min,
          max: t.max,
        })),
      ),
    };
  }
};
