import type { Db } from '../db/connection.ts';
import { addDays, nowIso } from '../clock.ts';
import { PROBLEM_SOURCE_KEYS } from '../../shared/problem-enums.ts';
import type { DemoSeeder } from './demo-seeder.ts';
import { seededRandom } from './prng.ts';
import { PROBLEM_TEXTS } from './problem-texts.ts';
import { seedProblemHistory, type SeededProblem } from './problem-history.ts';

type Status = 'draft' | 'in_progress' | 'submitted' | 'closed';
const STATUS_MIX: Status[] = [
  'closed',
  'closed',
  'closed',
  'in_progress',
  'in_progress',
  'in_progress',
  'submitted',
  'draft',
];

/** About two problems per branch in every state, some overdue and some due soon, one escalated. */
export const problemsSeeder: DemoSeeder = {
  name: 'problems',
  async seed(db: Db, { today, dataDir }) {
    const random = seededRandom(6);
    const campaign = await db
      .selectFrom('campaigns')
      .select('id')
      .where('status', '=', 'active')
      .orderBy('id')
      .executeTakeFirst();
    if (!campaign) return;
    const branches = await db
      .selectFrom('orgUnits')
      .select(['id', 'path', 'parentId', 'secretaryId', 'name'])
      .where('type', '=', 'branch')
      .orderBy('path')
      .execute();
    const recorder = await db.selectFrom('users').select('id').where('username', '=', 'officer').executeTakeFirst();
    const now = nowIso();
    await db.transaction().execute(async (trx) => {
      const seeded: SeededProblem[] = [];
      let n = 0;
      for (const branch of branches) {
        const staff = await trx
          .selectFrom('people')
          .select('id')
          .where('orgId', '=', branch.id)
          .orderBy('id')
          .execute();
        for (let k = 0; k < 2; k++, n++) {
          const text = PROBLEM_TEXTS[n % PROBLEM_TEXTS.length];
          const status = STATUS_MIX[(n * 5) % STATUS_MIX.length];
          const kind = n % 5 === 4 ? 'long_term' : 'immediate';
          // Spread deadlines around today: past ones make overdue items, near ones make yellow.
          const offset = status === 'closed' ? -random.int(5, 60) : random.int(-20, 45);
          const deadline = addDays(today, offset);
          const owner = staff.length ? random.pick(staff).id : branch.secretaryId;
          const row = await trx
            .insertInto('problems')
            .values({
              campaignId: campaign.id,
              orgId: branch.id,
              orgPath: branch.path,
              title: text.title,
              description: text.description,
              source: PROBLEM_SOURCE_KEYS[(n * 7) % 6],
              category: text.category,
              rootCauses: JSON.stringify([text.cause]),
              rootCauseAnalysis: '根子上还是理论武装不够到位，宗旨意识和担当精神有待加强。',
              kind,
              status,
              effect: status === 'closed' || status === 'submitted' ? text.effect : '',
              dueDate: status === 'closed' ? null : deadline,
              submittedAt: status === 'closed' || status === 'submitted' ? now : null,
              closedAt: status === 'closed' ? now : null,
              createdBy: recorder?.id ?? null,
              createdAt: now,
              updatedAt: now,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          seeded.push({
            id: row.id,
            title: text.title,
            orgId: branch.id,
            orgPath: branch.path,
            status,
            effect: text.effect,
            measure: text.measure,
          });
          const done = status === 'closed' || status === 'submitted';
          await trx
            .insertInto('problemMeasures')
            .values({
              problemId: row.id,
              content: text.measure,
              leaderId: branch.secretaryId,
              ownerOrgId: branch.id,
              ownerId: owner,
              deadline,
              status: done ? 'done' : 'open',
              doneAt: done ? `${addDays(deadline, -2)}T02:00:00.000Z` : null,
              createdAt: now,
              updatedAt: now,
            })
            .execute();
          if (status !== 'draft') {
            const measure = await trx
              .selectFrom('problemMeasures')
              .select('id')
              .where('problemId', '=', row.id)
              .executeTakeFirstOrThrow();
            await trx
              .insertInto('measureProgress')
              .values({
                measureId: measure.id,
                date: addDays(today, -random.int(1, 10)),
                note: '已按计划推进，相关工作正在落实中。',
                authorName: '支部书记',
                createdAt: now,
              })
              .execute();
          }
          if (n === 5) {
            const parent = await trx
              .selectFrom('orgUnits')
              .select(['id', 'path'])
              .where('id', '=', branch.parentId!)
              .executeTakeFirstOrThrow();
            await trx
              .insertInto('problems')
              .values({
                campaignId: campaign.id,
                orgId: parent.id,
                orgPath: parent.path,
                title: text.title,
                description: `【${branch.name}上报】${text.description}`,
                source: 'superior',
                category: text.category,
                kind,
                status: 'in_progress',
                escalatedFromId: row.id,
                dueDate: addDays(today, 20),
                createdAt: now,
                updatedAt: now,
              })
              .execute();
          }
        }
      }
      await seedProblemHistory(trx, seeded, dataDir);
      // A few institutions that closures produced (发现一个问题、解决一类问题), and one 专项整治 list.
      const root = await trx
        .selectFrom('orgUnits')
        .select(['id', 'path'])
        .where('parentId', 'is', null)
        .executeTakeFirstOrThrow();
      const closed = await trx
        .selectFrom('problems')
        .select(['id', 'title'])
        .where('status', '=', 'closed')
        .orderBy('id')
        .limit(6)
        .execute();
      const institutions: Array<[string, string, string, string | null]> = [
        ['城市管理执法自由裁量权基准', 'revise', 'issued', addDays(today, -20)],
        ['背街小巷环境卫生网格化长效管理办法', 'create', 'review', null],
        ['局机关会议和文件精简办法', 'create', 'draft', null],
      ];
      for (const [i, [title, action, status, issuedDate]] of institutions.entries()) {
        const inst = await trx
          .insertInto('institutions')
          .values({
            campaignId: campaign.id,
            orgId: root.id,
            orgPath: root.path,
            title,
            action,
            reason: '针对检视整改中发现的共性问题，从制度层面加以规范',
            status,
            issuedDate,
            createdAt: now,
            updatedAt: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        for (const p of closed.slice(i * 2, i * 2 + 2)) {
          await trx.insertInto('institutionProblems').values({ institutionId: inst.id, problemId: p.id }).execute();
          if (status === 'issued')
            await trx.updateTable('problems').set({ institutionId: inst.id }).where('id', '=', p.id).execute();
        }
      }
      const item = await trx
        .insertInto('specialItems')
        .values({
          campaignId: campaign.id,
          name: '缆线“蜘蛛网”集中整治',
          leadOrgId: root.id,
          orgPath: root.path,
          description: '联合通信运营商集中整治老旧小区架空缆线',
          createdAt: now,
          updatedAt: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .updateTable('problems')
        .set({ specialItemId: item.id })
        .where('title', '=', '攻坚克难的劲头不足，遇到难题绕着走')
        .execute();
    });
  },
};
