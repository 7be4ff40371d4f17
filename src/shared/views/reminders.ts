/** What the 时限提醒规则 route answers, as TypeBox: the server serialises with it, the web takes its Static type. */
import { Type, type Static } from 'typebox';
import { Abilities } from './common.ts';

export const ReminderRuleView = Type.Object({
  campaignId: Type.Integer(),
  enabled: Type.Boolean(),
  beforeDays: Type.Integer(),
  chiefAfterDays: Type.Integer(),
  upAfterDays: Type.Integer(),
  /** True while the campaign has no rule of its own (the defaults apply). */
  isDefault: Type.Boolean(),
  /** 0 while there is no rule row yet; send it back unchanged with the first save. */
  version: Type.Integer(),
  abilities: Abilities,
});

export type ReminderRuleViewT = Static<typeof ReminderRuleView>;
