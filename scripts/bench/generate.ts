/**
 * A deterministic synthetic city written through the project's own data layer: a unit tree 4–5 levels deep,
 * people with real-looking names and pinyin keys, problems in every state with measures whose deadlines are
 * spread around today. Batched multi-row inserts inside one transaction per table.
 */
import type { Db } from '../../src/server/db/connection.ts';
import { hashPassword } from '../../src/server/auth/passwords.ts';
import { addDays, nowIso, today } from '../../src/server/clock.ts';
import { pinyinKeys } from '../../src/server/lib/pinyin.ts';
import { seededRandom } from '../../src/server/demo/prng.ts';
import { GIVEN_FEMALE, GIVEN_MALE, SURNAMES } from '../../src/server/demo/names.ts';

export interface Scale {
  name: string;
  /** Children per level below the root: product ≈ number of leaf units. */
  fanout: number[];
  people: number;
  problems: number;
}

export const SCALES: Record<string, Scale> = {
  small: { name: 'small', fanout: [5, 6, 6], people: 5_000, problems: 5_000 },
  city: { name: 'city', fanout: [10, 12, 10, 4], people: 100_000, problems: 100_000 },
};

async function insertBatched(db: Db, table: string, rows: Record<string, unknown>[], size = 500): Promise<void> {
  for (let i = 0; i < rows.length; i += size) await (db as any).insertInto(table).values(rows.slice(i, i + size)).execute();
}

export const BENCH_PASSWORD = 'Bench2026pw';

/** Builds the city; returns what the benchmark needs to address it. */
export async function generateCity(db: Db, scale: Scale) {
  const random = seededRandom(2026);
  const now = nowIso();
  const t = today();
  const units: Array<{ id: number; path: string; depth: number }> = [];
  await db.transaction().execute(async (trx) => {
    const addUnit = async (parent: { id: number; path: string; depth: number } | null, name: string, type: string) => {
      const depth = parent ? parent.depth + 1 : 0;
      const row = await trx.insertInto('orgUnits').values({ parentId: parent?.id ?? null, name, type, path: `tmp${Math.random()}`, depth, ...pinyinKeys(name), createdAt: now, updatedAt: now }).returning('id').executeTakeFirstOrThrow();
      const unit = { id: row.id, path: `${parent?.path ?? '/'}${row.id}/`, depth };
      await trx.updateTable('orgUnits').set({ path: unit.path }).where('id', '=', row.id).execute();
      units.push(unit);
      return unit;
    };
    const root = await addUnit(null, '市委', 'party_committee');
    let level = [root];
    for (const [d, fan] of scale.fanout.entries()) {
      const next = [];
      for (const parent of level) for (let i = 1; i <= fan; i++) next.push(await addUnit(parent, `${['区委', '街道党工委', '社区党委', '党支部'][d] ?? '党小组'}${parent.id}-${i}`, d === scale.fanout.length - 1 ? 'branch' : 'party_committee'));
      level = next;
    }
  });
  const leaves = units.filter((u) => u.depth === scale.fanout.length);
  const people = Array.from({ length: scale.people }, (_, i) => {
    const pool = random.chance(0.4) ? GIVEN_FEMALE : GIVEN_MALE;
    const name = random.pick(SURNAMES) + random.pick(pool) + (random.chance(0.7) ? random.pick(pool) : '');
    const unit = leaves[i % leaves.length];
    return { orgId: unit.id, orgPath: unit.path, name, ...pinyinKeys(name), position: '科员', isPartyMember: 1, createdAt: now, updatedAt: now };
  });
  await db.transaction().execute((trx) => insertBatched(trx as Db, 'people', people));
  const campaign = await db.insertInto('campaigns').values({ name: '基准测试主题教育', startDate: addDays(t, -120), endDate: addDays(t, 120), orgId: units[0].id, createdAt: now, updatedAt: now }).returning('id').executeTakeFirstOrThrow();
  const statuses = ['draft', 'in_progress', 'in_progress', 'submitted', 'closed', 'closed'];
  const problems = Array.from({ length: scale.problems }, (_, i) => {
    const unit = leaves[(i * 7) % leaves.length];
    const status = statuses[i % statuses.length];
    return { campaignId: campaign.id, orgId: unit.id, orgPath: unit.path, title: `问题${i}：工作作风不够扎实`, description: '群众反映办事效率不高', source: 'self_found', kind: i % 5 === 0 ? 'long_term' : 'immediate', status, dueDate: status === 'closed' ? null : addDays(t, random.int(-30, 60)), createdAt: now, updatedAt: now };
  });
  await db.transaction().execute((trx) => insertBatched(trx as Db, 'problems', problems, 200));
  const ids = await db.selectFrom('problems').select(['id', 'orgId', 'dueDate']).execute();
  const measures = ids.flatMap((p) => [0, 1, 2].map((k) => ({ problemId: p.id, content: `整改措施${k + 1}`, ownerOrgId: p.orgId, deadline: p.dueDate ?? addDays(t, -5), status: p.dueDate ? 'open' : 'done', createdAt: now, updatedAt: now })));
  await db.transaction().execute((trx) => insertBatched(trx as Db, 'problem_measures', measures, 300));
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const user = await db.insertInto('users').values({ username: 'bench-office', passwordHash, displayName: '基准测试', createdAt: now, updatedAt: now }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('roleGrants').values({ userId: user.id, role: 'office', orgId: units[0].id, scopeKind: 'subtree', createdAt: now, updatedAt: now }).execute();
  return { campaignId: campaign.id, rootId: units[0].id, midId: units[1].id, branchId: leaves[0].id, units: units.length, people: people.length, problems: problems.length, measures: measures.length };
}
