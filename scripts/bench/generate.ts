/**
 * A deterministic synthetic city written through the project's data layer (Kysely, multi-row inserts inside
 * transactions): a unit tree, people with real-looking names and pinyin keys, one campaign, problems in every
 * state with their measures (generate-problems.ts) and a season of collective study with attendance and
 * make-ups (generate-study.ts). Maintained figures are left to the server, which rebuilds them at start.
 */
import { sql } from 'kysely';
import type { Db } from '../../src/server/db/connection.ts';
import { hashPassword } from '../../src/server/auth/passwords.ts';
import { addDays, nowIso, today } from '../../src/server/clock.ts';
import { pinyinKeys } from '../../src/server/lib/pinyin.ts';
import { seededRandom, type Random } from '../../src/server/demo/prng.ts';
import { GIVEN_FEMALE, GIVEN_MALE, STAFF_POSITIONS, SURNAMES } from '../../src/server/demo/names.ts';
import { PROBLEM_TEXTS } from '../../src/server/demo/problem-texts.ts';
import { insertMany } from '../../src/server/db/insert-many.ts';
import { generateProblems } from './generate-problems.ts';
import { generateStudy } from './generate-study.ts';
import { generateTasks } from './generate-tasks.ts';
import { generateDemands } from './generate-demands.ts';
import { generateAssessments } from './generate-assessments.ts';
import { GENERATOR_VERSION, type Scale } from './scales.ts';

export const BENCH_USER = 'bench-office';
export const BENCH_PASSWORD = 'Bench2026pw';

/** The bench account's display name doubles as the mark of which city a database holds. */
export const markerOf = (scale: Scale) => `基准测试（${scale.name}，v${GENERATOR_VERSION}）`;

export interface Unit {
  id: number;
  path: string;
  depth: number;
  parentId: number | null;
}

const LEVEL_NAMES = ['区委', '街道党工委', '社区党委', '党支部'];

/** The tree level by level: one multi-row insert per level, then one UPDATE that derives every path of it. */
async function generateUnits(db: Db, scale: Scale, now: string): Promise<Unit[]> {
  const units: Unit[] = [];
  let level: Array<Omit<Unit, 'id' | 'path'> & { name: string; parentPath: string }> = [
    { parentId: null, parentPath: '/', depth: 0, name: '市委' },
  ];
  for (let depth = 0; level.length; depth++) {
    const leaf = depth === scale.fanout.length;
    const rows = level.map((u, i) => ({
      parentId: u.parentId,
      name: u.name,
      type: leaf ? 'branch' : 'party_committee',
      path: `tmp-${depth}-${i}`,
      depth,
      sortOrder: i,
      ...pinyinKeys(u.name),
      createdAt: now,
      updatedAt: now,
    }));
    const ids = await insertMany(db, 'orgUnits', rows);
    await sql`update org_units set path = coalesce((select p.path from org_units p where p.id = org_units.parent_id), '/') || cast(id as text) || '/' where depth = ${depth}`.execute(
      db,
    );
    const created = level.map((u, i) => ({
      id: ids[i],
      parentId: u.parentId,
      depth,
      path: `${u.parentPath}${ids[i]}/`,
    }));
    units.push(...created);
    const fan = scale.fanout[depth] ?? 0;
    level = created.flatMap((parent) =>
      Array.from({ length: fan }, (_, i) => ({
        parentId: parent.id,
        parentPath: parent.path,
        depth: depth + 1,
        name: `${LEVEL_NAMES[depth] ?? '党小组'}${parent.id}-${i + 1}`,
      })),
    );
  }
  return units;
}

function personName(random: Random): string {
  const pool = random.chance(0.4) ? GIVEN_FEMALE : GIVEN_MALE;
  return random.pick(SURNAMES) + random.pick(pool) + (random.chance(0.7) ? random.pick(pool) : '');
}

/** People spread evenly over the branches; returns each branch's member ids. */
async function generatePeople(
  db: Db,
  scale: Scale,
  random: Random,
  leaves: Unit[],
  now: string,
): Promise<Map<number, number[]>> {
  const keys = new Map<string, ReturnType<typeof pinyinKeys>>();
  const rows = Array.from({ length: scale.people }, (_, i) => {
    const unit = leaves[i % leaves.length];
    const name = personName(random);
    if (!keys.has(name)) keys.set(name, pinyinKeys(name));
    return {
      orgId: unit.id,
      orgPath: unit.path,
      name,
      ...keys.get(name)!,
      gender: random.chance(0.4) ? 'female' : 'male',
      position: random.pick(STAFF_POSITIONS),
      isPartyMember: random.chance(0.9) ? 1 : 0,
      createdAt: now,
      updatedAt: now,
    };
  });
  const ids = await insertMany(db, 'people', rows);
  const members = new Map<number, number[]>(leaves.map((l) => [l.id, []]));
  rows.forEach((r, i) => {
    members.get(r.orgId)!.push(ids[i]);
  });
  return members;
}

/** Builds the city into an empty, migrated database; returns the row counts. */
export async function generateCity(db: Db, scale: Scale) {
  const random = seededRandom(2026);
  const now = nowIso();
  const t = today();
  const units = await db.transaction().execute((trx) => generateUnits(trx, scale, now));
  const leaves = units.filter((u) => u.depth === scale.fanout.length);
  const members = await db.transaction().execute((trx) => generatePeople(trx, scale, random, leaves, now));
  const focusAreas = [...new Set(PROBLEM_TEXTS.map((p) => p.category))];
  const campaign = await db
    .insertInto('campaigns')
    .values({
      name: '基准测试主题教育',
      startDate: addDays(t, -120),
      endDate: addDays(t, 120),
      focusAreas: JSON.stringify(focusAreas),
      minStudyHours: 32,
      orgId: units[0].id,
      createdAt: now,
      updatedAt: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const user = await db
    .insertInto('users')
    .values({ username: BENCH_USER, passwordHash, displayName: markerOf(scale), createdAt: now, updatedAt: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('roleGrants')
    .values({
      userId: user.id,
      role: 'office',
      orgId: units[0].id,
      scopeKind: 'subtree',
      createdAt: now,
      updatedAt: now,
    })
    .execute();
  const ctx = { scale, random, campaignId: campaign.id, userId: user.id, leaves, units, today: t, now };
  const problems = await db.transaction().execute((trx) => generateProblems(trx, ctx));
  const study = await db.transaction().execute((trx) => generateStudy(trx, { ...ctx, members }));
  const tasks = await db.transaction().execute((trx) => generateTasks(trx, ctx));
  const demands = await generateDemands(db, ctx);
  const assessments = await generateAssessments(db, ctx);
  return { units: units.length, people: scale.people, ...problems, ...study, ...tasks, ...demands, ...assessments };
}

export type GenerateCtx = {
  scale: Scale;
  random: Random;
  campaignId: number;
  userId: number;
  leaves: Unit[];
  units: Unit[];
  today: string;
  now: string;
};
