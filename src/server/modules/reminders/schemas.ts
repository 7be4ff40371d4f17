import { Type } from 'typebox';
export { ReminderRuleView } from '../../../shared/views/reminders.ts';

const Days = (title: string) => Type.Integer({ minimum: 0, maximum: 30, title });

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
