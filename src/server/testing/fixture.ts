import type { Db } from '../db/connection.ts';
import { hashPassword } from '../auth/passwords.ts';
import { nowIso } from '../clock.ts';
import { pinyinKeys } from '../lib/pinyin.ts';
import { syncTally } from '../db/subtree-tally.ts';
import { meetingTally } from '../modules/study/public.ts';
import type { Role, ScopeKind } from '../../shared/roles.ts';

export const FIXTURE_PASSWORD = 'Passw0rd!';

export interface UnitRef {
  id: number;
  path: string;
  depth: number;
}

/** Low-level inserts for fixtures (bypassing commands, so tests can set up any state fast). */
export function fixtureWriter(db: Db) {
  const now = nowIso();
  let hash: Promise<string> | null = null;
  return {
    async unit(parent: UnitRef | null, name: string, type = 'branch'): Promise<UnitRef> {
      const depth = (parent?.depth ?? -1) + 1;
      const row = await db
        .insertInto('orgUnits')
        .values({
          parentId: parent?.id ?? null,
          name,
          type,
          path: `tmp-${name}-${Math.random()}`,
          depth,
          ...pinyinKeys(name),
          createdAt: now,
          updatedAt: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const path = `${parent?.path ?? '/'}${row.id}/`;
      await db.updateTable('orgUnits').set({ path }).where('id', '=', row.id).execute();
      // Counted like a unit the command created: 预警 reads 三会一课 from the tally.
      await syncTally(db, meetingTally, row.id);
      return { id: row.id, path, depth };
    },
    async person(unit: UnitRef, name: string, position = '科员', isPartyMember = true): Promise<number> {
      const row = await db
        .insertInto('people')
        .values({
          orgId: unit.id,
          orgPath: unit.path,
          name,
          ...pinyinKeys(name),
          position,
          isPartyMember: isPartyMember ? 1 : 0,
          createdAt: now,
          updatedAt: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return row.id;
    },
    async user(
      username: string,
      personId: number | null,
      grants: Array<{ role: Role; orgId: number | null; scopeKind: ScopeKind }>,
    ): Promise<number> {
      hash ??= hashPassword(FIXTURE_PASSWORD);
      const user = await db
        .insertInto('users')
        .values({ username, passwordHash: await hash, displayName: username, personId, createdAt: now, updatedAt: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const g of grants)
        await db
          .insertInto('roleGrants')
          .values({ userId: user.id, ...g, createdAt: now, updatedAt: now })
          .execute();
      return user.id;
    },
  };
}

/**
 * The standard test organisation:
 *   root 市局党委 ── 机关党委 (committee) ── 支部A (branchA), 支部B (branchB)
 *                └─ 执法支队 (other) ── 支部C (branchC)
 * with one account per role. `officer` runs branchA; `outsider` is an officer of branchC;
 * `leader` guides (分管) branchB; `supervisor` is in a group assigned to the 执法支队.
 */
export async function standardFixture(db: Db) {
  const w = fixtureWriter(db);
  const root = await w.unit(null, '市局党委', 'party_committee');
  const committee = await w.unit(root, '机关党委', 'party_committee');
  const branchA = await w.unit(committee, '办公室党支部');
  const branchB = await w.unit(committee, '市容科党支部');
  const brigade = await w.unit(root, '执法支队党总支', 'general_branch');
  const branchC = await w.unit(brigade, '执法一大队党支部');
  const people = {
    chief: await w.person(root, '王建国', '局长'),
    officeHead: await w.person(committee, '李红梅', '办公室主任'),
    leader: await w.person(root, '张三维', '副局长'),
    officerA: await w.person(branchA, '赵立新', '支部书记'),
    memberA: await w.person(branchA, '孙晓雨', '科员'),
    memberA2: await w.person(branchA, '钱多多', '科员'),
    officerB: await w.person(branchB, '周文斌', '支部书记'),
    officerC: await w.person(branchC, '吴海涛', '大队长'),
    inspector: await w.person(root, '郑国强', '督导组组长'),
  };
  await db
    .insertInto('leaderAssignments')
    .values({ personId: people.leader, orgId: branchB.id, createdAt: nowIso() })
    .execute();
  const group = await db
    .insertInto('supervisionGroups')
    .values({ name: '第一督导组', kind: 'supervision', orgId: root.id, createdAt: nowIso(), updatedAt: nowIso() })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db.insertInto('supervisionGroupMembers').values({ groupId: group.id, personId: people.inspector }).execute();
  await db.insertInto('supervisionGroupUnits').values({ groupId: group.id, orgId: brigade.id }).execute();
  const users = {
    admin: await w.user('admin', null, [{ role: 'admin', orgId: null, scopeKind: 'all' }]),
    office: await w.user('office', people.officeHead, [{ role: 'office', orgId: root.id, scopeKind: 'subtree' }]),
    secretary: await w.user('secretary', people.chief, [{ role: 'secretary', orgId: root.id, scopeKind: 'subtree' }]),
    leader: await w.user('leader', people.leader, [{ role: 'leader', orgId: root.id, scopeKind: 'assigned' }]),
    officer: await w.user('officer', people.officerA, [{ role: 'officer', orgId: branchA.id, scopeKind: 'subtree' }]),
    member: await w.user('member', people.memberA, [{ role: 'member', orgId: null, scopeKind: 'own' }]),
    supervisor: await w.user('supervisor', people.inspector, [{ role: 'supervisor', orgId: null, scopeKind: 'group' }]),
    outsider: await w.user('outsider', people.officerC, [{ role: 'officer', orgId: branchC.id, scopeKind: 'subtree' }]),
  };
  return { units: { root, committee, branchA, branchB, brigade, branchC }, people, users, group: group.id, writer: w };
}

export type StandardFixture = Awaited<ReturnType<typeof standardFixture>>;

/** A running campaign at the root, for work-line tests. */
export async function fixtureCampaign(db: Db, rootId: number): Promise<number> {
  const now = nowIso();
  const row = await db
    .insertInto('campaigns')
    .values({
      name: '测试主题教育',
      startDate: '2026-01-01',
      endDate: '2027-12-31',
      orgId: rootId,
      focusAreas: JSON.stringify(['理论学习', '工作作风']),
      createdAt: now,
      updatedAt: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
