import { Type } from 'typebox';
import { Abilities } from '../../http/schemas.ts';

const Days = (title: string) => Type.Integer({ minimum: 0, maximum: 30, title });

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

export const ReminderRuleBody = Type.Object(
  {
    enabled: Type.Boolean({ title: '是否提醒' }),
    beforeDays: Days('到期前提醒（工作日）'),
    chiefAfterDays: Days('逾期后报第一责任人（工作日）'),
    upAfterDays: Days('再上追一级（工作日）'),
    version: Type.Integer({ minimum: 0, title: '版本号' }),
  },
  { additionalProperties: false },
);
