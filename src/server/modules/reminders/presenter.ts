import type { Actor } from '../../auth/actor.ts';
import { abilitiesOf } from '../../policies/engine.ts';
import { DEFAULT_RULE } from './plan.ts';
import { reminderRulePolicy } from './policy.ts';
import type { RuleRow } from './repository.ts';

export function presentRule(actor: Actor, campaign: { id: number; orgPath: string }, row: RuleRow | undefined) {
  return {
    campaignId: campaign.id,
    enabled: row ? row.enabled === 1 : true,
    beforeDays: row?.beforeDays ?? DEFAULT_RULE.beforeDays,
    chiefAfterDays: row?.chiefAfterDays ?? DEFAULT_RULE.chiefAfterDays,
    upAfterDays: row?.upAfterDays ?? DEFAULT_RULE.upAfterDays,
    isDefault: !row,
    version: row?.version ?? 0,
    abilities: abilitiesOf(reminderRulePolicy, actor, campaign),
  };
}
