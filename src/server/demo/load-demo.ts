import crypto from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Db } from '../db/connection.ts';
import type { Database } from '../db/schema.ts';
import { hashPassword } from '../auth/passwords.ts';
import { nowIso, today } from '../clock.ts';
import { pinyinKeys } from '../lib/pinyin.ts';
import type { Role, ScopeKind } from '../../shared/roles.ts';
import { seededRandom, type Random } from './prng.ts';
import { GIVEN_FEMALE, GIVEN_MALE, STAFF_POSITIONS, SURNAMES } from './names.ts';
import { BUREAU, type UnitSpec } from './structure.ts';
import { CAMPAIGN_2019, CAMPAIGN_2023, runningCampaignDates } from './campaigns-data.ts';
import { demoSeeders } from './seeders.ts';
import { ensureTallies } from '../tallies.ts';

interface Unit {
  id: number;
  path: string;
  depth: number;
  spec: UnitSpec;
}

const HEAD_TITLES: Record<string, string> = {
  party_committee: '党委书记',
  general_branch: '党总支书记',
  branch: '支部书记',
};

/** Inserts through the data layer with small builders; one instance per load. */
function builders(trx: Kysely<Database>, random: Random, passwordHash: string) {
  const now = nowIso();
  const usedNames = new Set<string>();
  const name = () => {
    for (;;) {
      const female = random.chance(0.38);
      const pool = female ? GIVEN_FEMALE : GIVEN_MALE;
      const given = random.chance(0.7) ? random.pick(pool) + random.pick(pool) : random.pick(pool);
      const full = random.pick(SURNAMES) + given;
      if (!usedNames.has(full)) {
        usedNames.add(full);
        return { full, gender: female ? 'female' : 'male' };
      }
    }
  };
  return {
    async unit(parent: Unit | null, spec: UnitSpec, sortOrder: number): Promise<Unit> {
      const depth = (parent?.depth ?? -1) + 1;
      const row = await trx
        .insertInto('orgUnits')
        .values({
          parentId: parent?.id ?? null,
          name: spec.name,
          type: spec.type,
          path: `tmp/${spec.key}`,
          depth,
          sortOrder,
          ...pinyinKeys(spec.name),
          createdAt: now,
          updatedAt: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const path = `${parent?.path ?? '/'}${row.id}/`;
      await trx.updateTable('orgUnits').set({ path }).where('id', '=', row.id).execute();
      return { id: row.id, path, depth, spec };
    },
    async person(
      unit: Unit,
      position: string,
      options: { fixedName?: string; leadershipLevel?: string; partyMember?: boolean } = {},
    ) {
      const n = options.fixedName ? { full: options.fixedName, gender: 'male' } : name();
      usedNames.add(n.full);
      const row = await trx
        .insertInto('people')
        .values({
          orgId: unit.id,
          orgPath: unit.path,
          name: n.full,
          ...pinyinKeys(n.full),
          gender: n.gender,
          position,
          isPartyMember: (options.partyMember ?? random.chance(0.82)) ? 1 : 0,
          leadershipLevel: options.leadershipLevel ?? null,
          phone: `13${random.int(0, 9)}${String(random.int(0, 99999999)).padStart(8, '0')}`,
          createdAt: now,
          updatedAt: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return { id: row.id, name: n.full };
    },
    async setSecretary(unit: Unit, personId: number) {
      await trx.updateTable('orgUnits').set({ secretaryId: personId }).where('id', '=', unit.id).execute();
    },
    async account(
      username: string,
      person: { id: number; name: string } | null,
      role: Role,
      orgId: number | null,
      scopeKind: ScopeKind,
    ) {
      const user = await trx
        .insertInto('users')
        .values({
          username,
          passwordHash,
          displayName: person?.name ?? '系统管理员',
          personId: person?.id ?? null,
          createdAt: now,
          updatedAt: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('roleGrants')
        .values({ userId: user.id, role, orgId, scopeKind, createdAt: now, updatedAt: now })
        .execute();
    },
    async campaign(data: typeof CAMPAIGN_2023 & { startDate: string; endDate: string }, orgId: number) {
      const { readings, targets, workLines, focusAreas, ...rest } = data;
      const row = await trx
        .insertInto('campaigns')
        .values({
          ...rest,
          orgId,
          targets: JSON.stringify(targets),
          workLines: JSON.stringify(workLines),
          focusAreas: JSON.stringify(focusAreas),
          createdAt: now,
          updatedAt: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      let sortOrder = 0;
      for (const [title, source] of readings) {
        sortOrder += 10;
        await trx
          .insertInto('campaignReadings')
          .values({ campaignId: row.id, title, source, sortOrder, createdAt: now, updatedAt: now })
          .execute();
      }
      return row.id;
    },
    now,
  };
}

/**
 * Loads the demo organisation — a city 城管局 with about 30 branches and 300 people, the running campaign as
 * the seeds describe it (dated around today) and the finished 2019 campaign — plus every module's demo records. Returns the
 * password of the seven demo accounts.
 */
export async function loadDemo(db: Db, options: { password: string | null; dataDir?: string }): Promise<string> {
  const password = options.password ?? `${crypto.randomBytes(5).toString('hex')}Tz9`;
  const passwordHash = await hashPassword(password);
  const random = seededRandom(20231101);
  await db.transaction().execute(async (trx) => {
    const b = builders(trx, random, passwordHash);
    const units = new Map<string, Unit>();
    const walk = async (parent: Unit | null, spec: UnitSpec, order: number) => {
      const unit = await b.unit(parent, spec, order);
      units.set(spec.key, unit);
      let i = 0;
      for (const child of spec.children ?? []) await walk(unit, child, (i += 10));
    };
    await walk(null, BUREAU, 0);
    const u = (key: string) => units.get(key)!;

    // The bureau's leadership team (班子成员) sits in the root unit.
    const chief = await b.person(u('bureau'), '局党委书记、局长', { leadershipLevel: 'county', partyMember: true });
    const deputies = [];
    for (const title of ['局党委副书记、副局长', '局党委委员、副局长', '局党委委员、副局长', '局党委委员、副局长']) {
      deputies.push(await b.person(u('bureau'), title, { leadershipLevel: 'county', partyMember: true }));
    }
    await b.person(u('bureau'), '驻局纪检监察组组长', { leadershipLevel: 'county', partyMember: true });
    await b.setSecretary(u('bureau'), chief.id);

    // Every other unit: a head who is its 第一责任人, and its staff.
    const heads = new Map<string, { id: number; name: string }>();
    const staff = new Map<string, Array<{ id: number; name: string }>>();
    for (const [key, unit] of units) {
      if (key === 'bureau') continue;
      const head = await b.person(unit, HEAD_TITLES[unit.spec.type] ?? '负责人', {
        partyMember: true,
        leadershipLevel: unit.depth === 1 ? 'township' : undefined,
      });
      heads.set(key, head);
      await b.setSecretary(unit, head.id);
      const members = [];
      for (let i = 0; i < (unit.spec.staff ?? 0); i++) members.push(await b.person(unit, random.pick(STAFF_POSITIONS)));
      staff.set(key, members);
    }

    // 分管: each deputy guides some of the bureau's units.
    const guided: string[][] = [
      ['organs', 'digital'],
      ['enforcement', 'parking'],
      ['sanitation', 'greening'],
      ['municipal', 'market'],
    ];
    for (const [i, keys] of guided.entries()) {
      for (const key of keys)
        await trx
          .insertInto('leaderAssignments')
          .values({ personId: deputies[i].id, orgId: u(key).id, createdAt: b.now })
          .execute();
    }

    // The campaign office sits in 办公室; a supervision group checks the 局属单位.
    const officeHead = await b.person(u('office'), '主题教育领导小组办公室主任', {
      partyMember: true,
      leadershipLevel: 'township',
    });
    const inspectorUnit = u('personnel');
    const inspector = await b.person(inspectorUnit, '第一督导组组长', {
      partyMember: true,
      leadershipLevel: 'township',
    });
    const inspector2 = await b.person(inspectorUnit, '第一督导组成员', { partyMember: true });
    const group = await trx
      .insertInto('supervisionGroups')
      .values({
        name: '局主题教育第一督导组',
        kind: 'supervision',
        orgId: u('bureau').id,
        createdAt: b.now,
        updatedAt: b.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const p of [inspector, inspector2])
      await trx.insertInto('supervisionGroupMembers').values({ groupId: group.id, personId: p.id }).execute();
    for (const key of ['enforcement', 'sanitation', 'municipal'])
      await trx
        .insertInto('supervisionGroupUnits')
        .values({ groupId: group.id, orgId: u(key).id })
        .execute();

    // The seven demo accounts.
    await b.account('admin', null, 'admin', null, 'all');
    await b.account('office', officeHead, 'office', u('bureau').id, 'subtree');
    await b.account('secretary', chief, 'secretary', u('bureau').id, 'subtree');
    await b.account('leader', deputies[1], 'leader', u('bureau').id, 'assigned');
    await b.account('officer', heads.get('office')!, 'officer', u('office').id, 'subtree');
    await b.account('member', staff.get('office')![0], 'member', null, 'own');
    await b.account('supervisor', inspector, 'supervisor', null, 'group');

    await b.campaign({ ...CAMPAIGN_2023, ...runningCampaignDates(today()) }, u('bureau').id);
    await b.campaign(CAMPAIGN_2019, u('bureau').id);
  });
  for (const seeder of demoSeeders) await seeder.seed(db, { today: today(), dataDir: options.dataDir });
  // The seeders write rows directly: count them into the maintained figures once.
  await ensureTallies(db);
  return password;
}
