import type { Db } from '../db/connection.ts';
import { loadActor, type Actor } from '../auth/actor.ts';
import { addDays, nowIso } from '../clock.ts';
import { subtreeUnits } from '../modules/orgs/public.ts';
import { drawUnits } from '../modules/checks/commands/draw-units.ts';
import { recordCheck } from '../modules/checks/commands/record-check.ts';
import { compileBulletin } from '../modules/bulletins/commands/compile-bulletin.ts';
import { editBulletin } from '../modules/bulletins/commands/edit-bulletin.ts';
import { issueBulletin } from '../modules/bulletins/commands/issue-bulletin.ts';
import { flagHighlight } from '../modules/bulletins/commands/flag-highlight.ts';
import { ensureTallies } from '../tallies.ts';
import type { DemoSeeder } from './demo-seeder.ts';

/** The demo account of the first checked unit's 支部书记: who finds the findings on their own problem list. */
export const CHECKED_ACCOUNT = 'branch';

const FINDINGS = [
  ['学习笔记内容雷同，个别党员存在抄写现象。', '“三会一课”记录不完整，缺少讨论发言内容。'],
  ['整改台账更新不及时，2 个问题无明确责任人。'],
];

async function actorOf(db: Db, username: string): Promise<Actor> {
  const user = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow();
  return (await loadActor(db, user.id))!;
}

/**
 * A 双随机 draw by the supervision group (two checks recorded with findings now on the units' problem lists,
 * one still planned and hidden from its unit), a 亮点 flag, an issued 第1期 and this week's draft, an exemplar
 * on 公示 and one selected — all through the modules' own commands, so the audit trail and figures are real.
 */
export const checksSeeder: DemoSeeder = {
  name: 'checks',
  async seed(db: Db, { today }) {
    const campaign = await db
      .selectFrom('campaigns')
      .select(['id', 'orgId'])
      .where('status', '=', 'active')
      .orderBy('id')
      .executeTakeFirst();
    if (!campaign) return;
    const supervisor = await actorOf(db, 'supervisor');
    const office = await actorOf(db, 'office');
    const group = await db.selectFrom('supervisionGroups').select('id').orderBy('id').executeTakeFirstOrThrow();
    const pool = (
      await Promise.all(
        supervisor.scope.subtreePaths.map((p) => subtreeUnits(db, supervisor.scope, p, ['branch'], 200)),
      )
    ).flat();
    const draw = await drawUnits(
      { db, actor: supervisor },
      {
        campaignId: campaign.id,
        groupId: group.id,
        poolOrgIds: pool.map((u) => u.id),
        count: 3,
        publicValue: `福彩3D ${today} 开奖号码 518`,
        date: addDays(today, -2),
        rule: { types: ['branch'], excludeRecentDays: 30 },
      },
    );
    const planned = await db
      .selectFrom('spotChecks')
      .select(['id', 'orgId', 'version'])
      .where('drawId', '=', draw.id)
      .orderBy('id')
      .execute();
    for (const [i, check] of planned.slice(0, 2).entries())
      await recordCheck({ db, actor: supervisor }, check.id, {
        version: check.version,
        method: i === 0 ? 'random' : 'documents',
        summary: '查阅学习记录和整改台账，个别访谈党员 5 名。',
        findings: FINDINGS[i].map((text) => ({ text })),
      });

    await checkedUnitAccount(db, planned[0]?.orgId);

    const topic = await db
      .selectFrom('researchTopics')
      .select('id')
      .where('campaignId', '=', campaign.id)
      .where('recommended', '=', 1)
      .executeTakeFirst();
    if (topic)
      await flagHighlight(
        { db, actor: office },
        {
          entityType: 'research_topic',
          entityId: topic.id,
          kind: 'good_practice',
          text: '以“错时管理+网格包保”破解夜间占道经营反弹',
        },
      );

    // The bulletins quote the dashboard, which reads the maintained tallies: the other seeders wrote their rows
    // directly, so count them in first (the loader counts again at the end for what later seeders write).
    await ensureTallies(db);
    const last = await compileBulletin(
      { db, actor: office },
      {
        campaignId: campaign.id,
        periodFrom: addDays(today, -13),
        periodTo: addDays(today, -7),
        title: '全局主题教育扎实开局',
      },
    );
    await editBulletin({ db, actor: office }, last.id, {
      version: 1,
      editorNote: '现将近期全局主题教育开展情况编发如下，请各基层党组织学习借鉴。',
      distribution: { report: '市委主题教育领导小组办公室', distribute: '局属各党组织', copies: 40 },
    });
    await issueBulletin({ db, actor: office }, last.id, 2);
    // This week's 第2期, issued: what a newcomer downloads as the week's Word bulletin.
    const week = await compileBulletin(
      { db, actor: office },
      { campaignId: campaign.id, periodFrom: addDays(today, -6), periodTo: today, title: '督导检查发现问题整改情况' },
    );
    await editBulletin({ db, actor: office }, week.id, {
      version: 1,
      editorNote:
        '本周局第一督导组对局属单位开展“双随机”抽查，现将检查发现问题及整改情况编发如下，请各单位对照检视、举一反三。',
      distribution: {
        report: '市委主题教育领导小组办公室',
        send: '局党委班子成员',
        distribute: '局属各党组织',
        copies: 40,
      },
    });
    await issueBulletin({ db, actor: office }, week.id, 2);
    // And a fresh draft of the same week, for a newcomer to edit and 签发 themselves.
    await compileBulletin(
      { db, actor: office },
      { campaignId: campaign.id, periodFrom: addDays(today, -6), periodTo: today, title: '本周工作动态' },
    );

    const root = await db
      .selectFrom('orgUnits')
      .select(['id', 'path'])
      .where('id', '=', campaign.orgId)
      .executeTakeFirstOrThrow();
    const [first, second] = await db
      .selectFrom('people')
      .select(['id', 'name', 'orgId', 'orgPath'])
      .where('isPartyMember', '=', 1)
      .where('orgPath', '>', root.path)
      .orderBy('id')
      .limit(2)
      .execute();
    const now = nowIso();
    // Written directly: a finished 公示 needs days to pass, which a demo cannot wait for.
    for (const [p, status, honour, from] of [
      [first, 'selected', '红船先锋', addDays(today, -12)],
      [second, 'notice', '', addDays(today, -1)],
    ] as const) {
      if (!p) continue;
      await db
        .insertInto('exemplars')
        .values({
          campaignId: campaign.id,
          orgId: p.orgId,
          orgPath: p.orgPath,
          personId: p.id,
          nomineeOrgId: null,
          title: p.name,
          deeds: '立足岗位、服务群众，带头领办群众“急难愁盼”事项，所在片区市容环境明显改善。',
          status,
          levelOrgId: root.id,
          levelOrgPath: root.path,
          honour,
          noticeFrom: from,
          noticeTo: addDays(from, 4),
          createdBy: office.userId,
          createdAt: now,
          updatedAt: now,
        })
        .execute();
    }
  },
};

/**
 * A sign-in for the 支部书记 of the first unit the demo draw picked (which unit that is changes with each load,
 * since the seed's secret is fresh): the checked unit's own view, where the findings arrive as problems.
 */
async function checkedUnitAccount(db: Db, orgId: number | undefined) {
  if (!orgId) return;
  const unit = await db.selectFrom('orgUnits').select(['id', 'secretaryId']).where('id', '=', orgId).executeTakeFirst();
  const officer = await db
    .selectFrom('users')
    .select('passwordHash')
    .where('username', '=', 'officer')
    .executeTakeFirst();
  if (!unit?.secretaryId || !officer) return;
  const person = await db
    .selectFrom('people')
    .select('name')
    .where('id', '=', unit.secretaryId)
    .executeTakeFirstOrThrow();
  const now = nowIso();
  const user = await db
    .insertInto('users')
    .values({
      username: CHECKED_ACCOUNT,
      // The same demo password as the other accounts.
      passwordHash: officer.passwordHash,
      displayName: person.name,
      personId: unit.secretaryId,
      createdAt: now,
      updatedAt: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('roleGrants')
    .values({ userId: user.id, role: 'officer', orgId: unit.id, scopeKind: 'subtree', createdAt: now, updatedAt: now })
    .execute();
}
