import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ctxOf } from '../../http/context.ts';
import { ErrorResponses, IdParams } from '../../http/schemas.ts';
import { notFound } from '../../errors.ts';
import { visibleCampaign } from '../campaigns/public.ts';
import { presentRule } from './presenter.ts';
import { ruleOf } from './repository.ts';
import { ReminderRuleBody, ReminderRuleView } from './schemas.ts';
import { saveReminderRule } from './commands/save-reminder-rule.ts';

const tags = ['时限提醒'];

/** A campaign's reminder rule: N working days before, M after (to the 第一责任人), K more (上追一级), or off. */
export const reminderRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/campaigns/:id/reminder-rule',
    {
      schema: {
        tags,
        summary: '时限提醒规则（工作日）',
        params: IdParams,
        response: { 200: ReminderRuleView, ...ErrorResponses },
      },
    },
    async (req) => {
      const campaign = await visibleCampaign(app.db, req.actor, req.params.id);
      if (!campaign) throw notFound('主题教育');
      return presentRule(req.actor, campaign, await ruleOf(app.db, campaign.id));
    },
  );

  app.put(
    '/campaigns/:id/reminder-rule',
    {
      schema: {
        tags,
        summary: '设置时限提醒规则（管理员、领导小组办公室）',
        params: IdParams,
        body: ReminderRuleBody,
        response: { 200: ReminderRuleView, ...ErrorResponses },
      },
    },
    async (req) => saveReminderRule(ctxOf(req), req.params.id, req.body),
  );
};
