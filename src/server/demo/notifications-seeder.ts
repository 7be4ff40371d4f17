import type { Db } from '../db/connection.ts';
import { addDays } from '../clock.ts';
import { notify } from '../modules/notifications/public.ts';
import { reminderSources, runReminders } from '../modules/reminders/public.ts';
import type { DemoSeeder } from './demo-seeder.ts';

async function accountPerson(db: Db, username: string) {
  return db.selectFrom('users').select(['id', 'personId']).where('username', '=', username).executeTakeFirst();
}

/**
 * 我的待办 and 站内消息 for the demo accounts: the officer and the member own measures that are due soon or
 * overdue, the officer has a 退回 to read, and today's reminders have gone out along the chain.
 */
export const notificationsSeeder: DemoSeeder = {
  name: 'notifications',
  async seed(db: Db, { today }) {
    const officer = await accountPerson(db, 'officer');
    const member = await accountPerson(db, 'member');
    if (!officer?.personId || !member?.personId) return;
    // Open measures due within the week (or overdue), the officer's own unit first: two become the
    // officer's, one the member's. Only owners change, so the problems' dates and figures stay as they are.
    const unit = await db
      .selectFrom('people')
      .innerJoin('orgUnits', 'orgUnits.id', 'people.orgId')
      .select('orgUnits.path')
      .where('people.id', '=', officer.personId)
      .executeTakeFirstOrThrow();
    const open = await db
      .selectFrom('problemMeasures')
      .innerJoin('problems', 'problems.id', 'problemMeasures.problemId')
      .select(['problemMeasures.id', 'problems.id as problemId', 'problems.title', 'problems.orgPath'])
      .where('problems.status', 'in', ['draft', 'in_progress'])
      .where('problemMeasures.status', '=', 'open')
      .where('problemMeasures.deadline', '<=', addDays(today, 7))
      .orderBy((eb) => eb.case().when('problems.orgPath', '=', unit.path).then(0).else(1).end())
      .orderBy('problemMeasures.deadline', 'desc')
      .limit(3)
      .execute();
    for (const [i, m] of open.entries())
      await db
        .updateTable('problemMeasures')
        .set({ ownerId: i < 2 ? officer.personId : member.personId })
        .where('id', '=', m.id)
        .execute();
    await db.transaction().execute(async (trx) => {
      if (open[0])
        await notify(
          trx,
          {
            event: 'returned',
            title: `销号申请被退回：${open[0].title}`,
            body: '退回理由：佐证材料只有会议通知，缺少整改前后对比，请补充后重新申请。',
            link: `/problems?open=${open[0].problemId}&action=submit`,
            orgPath: open[0].orgPath,
          },
          { userIds: [officer.id] },
        );
      if (open[2])
        await notify(
          trx,
          {
            event: 'assigned',
            title: `您被确定为整改措施的责任人：${open[2].title}`,
            body: '请按时限推进并上传佐证材料。',
            link: `/problems?open=${open[2].problemId}`,
            orgPath: open[2].orgPath,
          },
          { userIds: [member.id] },
        );
    });
    await runReminders(db, { today, sources: reminderSources });
  },
};
