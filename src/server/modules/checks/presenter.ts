import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { abilitiesOf } from '../../policies/engine.ts';
import { CHECK_METHODS, CHECK_STATUSES, DRAW_STATUSES, type CheckMethod } from '../../../shared/check-enums.ts';
import { PROBLEM_COLOURS, PROBLEM_STATUSES } from '../../../shared/problem-enums.ts';
import { orgNames } from '../orgs/public.ts';
import { peopleByIds } from '../people/public.ts';
import { problemStates } from '../problems/public.ts';
import { checkPolicy, drawPolicy } from './policy.ts';
import { findingsOf, type CheckRow, type DrawRow, type Viewer } from './repository.ts';

async function personNames(db: Kysely<Database>, ids: number[]) {
  return new Map((await peopleByIds(db, ids)).map((p) => [p.id, p.name]));
}

/** Checks with their inspectors, findings and each finding's rectification status and colour. */
export async function presentChecks(db: Kysely<Database>, viewer: Viewer, rows: CheckRow[]) {
  const findings = await findingsOf(
    db,
    rows.map((r) => r.id),
  );
  const inspectors = rows.map((r) => JSON.parse(r.inspectorIds) as number[]);
  const names = await personNames(db, inspectors.flat());
  const states = new Map<number, Awaited<ReturnType<typeof problemStates>> extends Map<number, infer V> ? V : never>();
  for (const campaignId of new Set(rows.map((r) => r.campaignId))) {
    const ids = findings
      .filter((f) => f.problemId !== null && rows.some((r) => r.id === f.checkId && r.campaignId === campaignId))
      .map((f) => f.problemId!);
    for (const [k, v] of await problemStates(db, viewer.actor, ids, campaignId)) states.set(k, v);
  }
  return rows.map((r, i) => {
    const { orgPath, inspectorIds: _ids, createdBy, ...rest } = r;
    return {
      ...rest,
      methodLabel: CHECK_METHODS[r.method as CheckMethod] ?? r.method,
      statusLabel: CHECK_STATUSES[r.status as keyof typeof CHECK_STATUSES] ?? r.status,
      inspectors: inspectors[i].map((id) => ({ personId: id, name: names.get(id) ?? '' })),
      findings: findings
        .filter((f) => f.checkId === r.id)
        .map((f) => {
          const s = f.problemId === null ? undefined : states.get(f.problemId);
          return {
            id: f.id,
            text: f.text,
            problemId: f.problemId,
            problemStatus: s?.status ?? null,
            problemStatusLabel: s ? PROBLEM_STATUSES[s.status] : null,
            colour: s?.colour ?? null,
            colourLabel: s ? PROBLEM_COLOURS[s.colour] : null,
          };
        }),
      abilities: abilitiesOf(checkPolicy, viewer.actor, {
        orgPath,
        status: r.status,
        groupId: r.groupId,
        inspectorIds: inspectors[i],
        createdBy,
        myGroupIds: viewer.groupIds,
      }),
    };
  });
}

/** A draw with its published inputs and result; the secret only once the draw is made (before, only its hash). */
export async function presentDraw(db: Kysely<Database>, viewer: Viewer, d: DrawRow) {
  const result = JSON.parse(d.result) as {
    drawnOrgIds?: number[];
    assignments?: Array<{ orgId: number; inspectorIds: number[] }>;
  };
  const pool: number[] = JSON.parse(d.pool);
  const assignments = result.assignments ?? [];
  const [units, people] = await Promise.all([
    orgNames(db, pool),
    personNames(
      db,
      assignments.flatMap((a) => a.inspectorIds),
    ),
  ]);
  const drawn = d.status !== 'committed';
  return {
    id: d.id,
    campaignId: d.campaignId,
    orgId: d.orgId,
    groupId: d.groupId,
    status: d.status,
    statusLabel: DRAW_STATUSES[d.status as keyof typeof DRAW_STATUSES] ?? d.status,
    commitment: d.commitment,
    secret: drawn ? d.secret : null,
    publicValue: d.publicValue,
    seed: d.seed,
    poolHash: d.poolHash,
    poolOrgIds: pool,
    pool: pool.map((id) => ({ orgId: id, name: units.get(id) ?? '' })),
    rule: JSON.parse(d.rule),
    count: d.count,
    inspectorsPerUnit: d.inspectorsPerUnit,
    drawnOrgIds: result.drawnOrgIds ?? [],
    drawn: assignments.map((a) => ({
      orgId: a.orgId,
      name: units.get(a.orgId) ?? '',
      inspectors: a.inspectorIds.map((id) => ({ personId: id, name: people.get(id) ?? '' })),
    })),
    drawnAt: d.drawnAt,
    publishedAt: d.publishedAt,
    createdAt: d.createdAt,
    version: d.version,
    abilities: abilitiesOf(drawPolicy, viewer.actor, { ...d, myGroupIds: viewer.groupIds }),
  };
}
