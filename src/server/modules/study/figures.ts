import { sql, type Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import type { Database } from '../../db/schema.ts';
import { coversSubtree, pathInSubtree } from '../../db/scope.ts';
import { personVisible } from '../people/public.ts';
import { sessionQuery, type SessionFilter } from './repository.ts';

const n = (v: unknown) => Number(v ?? 0);

/** Hours a person earned: sessions attended plus sessions made up. */
export function hoursByPerson(db: Kysely<Database>, campaignId: number | undefined) {
  let q = db
    .selectFrom('sessionAttendance')
    .innerJoin('studySessions', 'studySessions.id', 'sessionAttendance.sessionId')
    .leftJoin('makeupItems', (j) =>
      j
        .onRef('makeupItems.sessionId', '=', 'sessionAttendance.sessionId')
        .onRef('makeupItems.personId', '=', 'sessionAttendance.personId'),
    )
    .select((eb) => ['sessionAttendance.personId', eb.fn.sum<number>('studySessions.hours').as('hours')])
    .where((eb) => eb.or([eb('sessionAttendance.status', '=', 'present'), eb('makeupItems.status', '=', 'done')]))
    .groupBy('sessionAttendance.personId');
  if (campaignId) q = q.where('studySessions.campaignId', '=', campaignId);
  return q;
}

/**
 * The session figures of a subtree, each computed in SQL over the same scoped session query the lists use:
 * sessions by kind, attendance rate, 全覆盖 coverage, open make-ups.
 */
export async function sessionFigures(db: Kysely<Database>, actor: Actor, filter: SessionFilter & { orgPath: string }) {
  const sessions = sessionQuery(db, actor, filter);
  const [byKind, attendance, uncovered, openMakeups] = await Promise.all([
    sessions
      .select((eb) => ['studySessions.kind', eb.fn.countAll<number>().as('n')])
      .groupBy('studySessions.kind')
      .execute(),
    sessions
      .innerJoin('sessionAttendance', 'sessionAttendance.sessionId', 'studySessions.id')
      .select((eb) => [
        eb.fn.countAll<number>().as('all'),
        eb.fn
          .sum<number>(eb.case().when('sessionAttendance.status', '=', 'present').then(1).else(0).end())
          .as('present'),
      ])
      .executeTakeFirstOrThrow(),
    sessions
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('sessionAttendance as a')
            .leftJoin('makeupItems as m', (j) =>
              j.onRef('m.sessionId', '=', 'a.sessionId').onRef('m.personId', '=', 'a.personId'),
            )
            .select('a.personId')
            .whereRef('a.sessionId', '=', 'studySessions.id')
            .where('a.status', '=', 'absent')
            .where((w) => w.or([w('m.status', 'is', null), w('m.status', '!=', 'done')])),
        ),
      )
      .executeTakeFirstOrThrow(),
    sessions
      .innerJoin('makeupItems', 'makeupItems.sessionId', 'studySessions.id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('makeupItems.status', '=', 'open')
      .executeTakeFirstOrThrow(),
  ]);
  const total = byKind.reduce((s, k) => s + n(k.n), 0);
  return {
    sessions: total,
    sessionsByKind: Object.fromEntries(byKind.map((k) => [k.kind, n(k.n)])),
    attendanceRate: n(attendance.all) ? n(attendance.present) / n(attendance.all) : 0,
    coverage: total ? (total - n(uncovered.n)) / total : 0,
    uncoveredSessions: n(uncovered.n),
    openMakeups: n(openMakeups.n),
  };
}

/**
 * The study figures of a subtree: the session figures, and hours per member against the minimum.
 * Individuals are never ranked: only counts and an average leave this function.
 */
export async function studyFigures(
  db: Kysely<Database>,
  actor: Actor,
  filter: SessionFilter & { orgPath: string },
  minimum: number,
) {
  const [sessions, hours] = await Promise.all([
    sessionFigures(db, actor, filter),
    db
      .selectFrom('people')
      .leftJoin(hoursByPerson(db, filter.campaignId).as('h'), 'h.personId', 'people.id')
      .select((eb) => [
        eb.fn.countAll<number>().as('members'),
        eb.fn.sum<number>(sql`coalesce(h.hours, 0)`).as('total'),
        eb.fn.sum<number>(eb.case().when(sql`coalesce(h.hours, 0)`, '<', minimum).then(1).else(0).end()).as('below'),
      ])
      .where('people.active', '=', 1)
      .where('people.isPartyMember', '=', 1)
      .where((eb) => pathInSubtree(eb, 'people.orgPath', filter.orgPath))
      // A caller who sees only part of the subtree (a leader's 分管 units) counts only the members they see, as
      // the session list beside these figures does.
      .$if(!coversSubtree(actor.scope, filter.orgPath), (qb) =>
        qb.where(personVisible(actor.scope, { ownRecord: false })),
      )
      .executeTakeFirstOrThrow(),
  ]);
  const members = n(hours.members);
  return {
    ...sessions,
    hoursPerMember: {
      average: members ? Math.round((n(hours.total) / members) * 10) / 10 : 0,
      belowMinimum: n(hours.below),
      minimum,
      members,
    },
  };
}
