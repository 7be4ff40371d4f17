import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import type { Database } from '../../db/schema.ts';
import { inScope, pathInSubtree, type Scope } from '../../db/scope.ts';
import { rosterOf } from '../../../shared/study-enums.ts';

export interface SessionFilter {
  campaignId?: number;
  orgPath?: string;
  kind?: string;
  from?: string;
  to?: string;
  /** Not 全覆盖: some absentee has neither attended nor made up (the tally's rule, tally.ts). */
  uncovered?: boolean;
}

/** Sessions of units in scope, plus sessions the caller attended (a member sees their own record). */
export function sessionQuery(db: Kysely<Database>, actor: Actor, filter: SessionFilter) {
  let qb = db
    .selectFrom('studySessions')
    .innerJoin('orgUnits', 'orgUnits.id', 'studySessions.orgId')
    .where((eb) => {
      const parts = [inScope(actor.scope, 'studySessions.orgPath')(eb)];
      if (actor.personId !== null) {
        const personId = actor.personId;
        parts.push(
          eb.exists(
            eb
              .selectFrom('sessionAttendance')
              .select('sessionAttendance.personId')
              .whereRef('sessionAttendance.sessionId', '=', 'studySessions.id')
              .where('sessionAttendance.personId', '=', personId),
          ),
        );
      }
      return eb.or(parts);
    });
  if (filter.campaignId) qb = qb.where('studySessions.campaignId', '=', filter.campaignId);
  if (filter.orgPath) {
    const p = filter.orgPath;
    qb = qb.where((eb) => pathInSubtree(eb, 'studySessions.orgPath', p));
  }
  if (filter.kind) qb = qb.where('studySessions.kind', '=', filter.kind);
  if (filter.from) qb = qb.where('studySessions.date', '>=', filter.from);
  if (filter.to) qb = qb.where('studySessions.date', '<=', filter.to);
  if (filter.uncovered)
    qb = qb.where((eb) =>
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
    );
  return qb;
}

export const sessionColumns = [
  'studySessions.id',
  'studySessions.campaignId',
  'studySessions.orgId',
  'studySessions.orgPath',
  'orgUnits.name as orgName',
  'studySessions.kind',
  'studySessions.mode',
  'studySessions.online',
  'studySessions.date',
  'studySessions.hours',
  'studySessions.topic',
  'studySessions.speaker',
  'studySessions.readingIds',
  'studySessions.speakerIds',
  'studySessions.version',
] as const;

export function findSession(db: Kysely<Database>, actor: Actor, id: number) {
  return sessionQuery(db, actor, {}).select(sessionColumns).where('studySessions.id', '=', id).executeTakeFirst();
}

export function findSessionAnywhere(db: Kysely<Database>, id: number) {
  return db.selectFrom('studySessions').select('id').where('id', '=', id).executeTakeFirst();
}

export type SessionRow = NonNullable<Awaited<ReturnType<typeof findSession>>>;

/**
 * Attendance of several sessions with names and the make-up state of each absentee, as far as the caller
 * may see it: the whole roster for the unit's officers (the session's unit in scope), otherwise only the
 * caller's own line — who else attended, and why someone was absent, is not a member's business.
 */
export async function attendanceOf(db: Kysely<Database>, actor: Actor, sessionIds: number[]) {
  if (!sessionIds.length) return [];
  return db
    .selectFrom('sessionAttendance')
    .innerJoin('studySessions', 'studySessions.id', 'sessionAttendance.sessionId')
    .innerJoin('people', 'people.id', 'sessionAttendance.personId')
    .leftJoin('makeupItems', (j) =>
      j
        .onRef('makeupItems.sessionId', '=', 'sessionAttendance.sessionId')
        .onRef('makeupItems.personId', '=', 'sessionAttendance.personId'),
    )
    .select([
      'sessionAttendance.sessionId',
      'sessionAttendance.personId',
      'people.name',
      'sessionAttendance.status',
      'sessionAttendance.reason',
      'makeupItems.id as makeupId',
      'makeupItems.status as makeupStatus',
    ])
    .where('sessionAttendance.sessionId', 'in', sessionIds)
    .where((eb) =>
      actor.personId === null
        ? inScope(actor.scope, 'studySessions.orgPath')(eb)
        : eb.or([
            inScope(actor.scope, 'studySessions.orgPath')(eb),
            eb('sessionAttendance.personId', '=', actor.personId),
          ]),
    )
    .orderBy('people.namePinyin')
    .execute();
}

export interface MakeupFilter {
  sessionId?: number;
  orgPath?: string;
  status?: string;
  /** The sessions of a campaign and period (inclusive dates): what a 考核 figure counted. */
  campaignId?: number;
  from?: string;
  to?: string;
}

/** Make-up items in scope, and the caller's own. */
export function makeupQuery(db: Kysely<Database>, actor: Actor, filter: MakeupFilter) {
  let qb = db
    .selectFrom('makeupItems')
    .innerJoin('studySessions', 'studySessions.id', 'makeupItems.sessionId')
    .innerJoin('people', 'people.id', 'makeupItems.personId')
    .where(inScope(actor.scope, 'makeupItems.orgPath', 'makeupItems.personId'));
  if (filter.sessionId) qb = qb.where('makeupItems.sessionId', '=', filter.sessionId);
  if (filter.orgPath) {
    const p = filter.orgPath;
    qb = qb.where((eb) => pathInSubtree(eb, 'makeupItems.orgPath', p));
  }
  if (filter.status) qb = qb.where('makeupItems.status', '=', filter.status);
  if (filter.campaignId) qb = qb.where('studySessions.campaignId', '=', filter.campaignId);
  if (filter.from) qb = qb.where('studySessions.date', '>=', filter.from);
  if (filter.to) qb = qb.where('studySessions.date', '<=', filter.to);
  return qb;
}

export const makeupColumns = [
  'makeupItems.id',
  'makeupItems.sessionId',
  'makeupItems.personId',
  'people.name as personName',
  'makeupItems.orgPath',
  'makeupItems.status',
  'makeupItems.madeUpDate',
  'makeupItems.note',
  'makeupItems.version',
  'studySessions.topic',
  'studySessions.date',
  'studySessions.hours',
] as const;

/**
 * Who is 应到 at a session of this kind in a unit's subtree: its active Party members for Party organisation
 * life (支部党员大会, 党课 …), everyone on its roster otherwise (shared/study-enums.ts rosterOf). The roster the
 * form offers, the check on saved attendance and the sign-in sheet all use this one query.
 */
export function rosterQuery(db: Kysely<Database>, orgPath: string, kind: string) {
  return db
    .selectFrom('people')
    .where('people.active', '=', 1)
    .where((eb) => pathInSubtree(eb, 'people.orgPath', orgPath))
    .$if(rosterOf(kind) === 'party', (qb) => qb.where('people.isPartyMember', '=', 1));
}

/** One make-up item in the caller's scope (or the caller's own). */
export function findMakeupInScope(db: Kysely<Database>, scope: Scope, id: number) {
  return db
    .selectFrom('makeupItems')
    .selectAll()
    .where('id', '=', id)
    .where(inScope(scope, 'makeupItems.orgPath', 'makeupItems.personId'))
    .executeTakeFirst();
}

/** Whether a make-up item exists at all (to tell 403 from 404 on writes). */
export function makeupExists(db: Kysely<Database>, id: number) {
  return db.selectFrom('makeupItems').select('id').where('id', '=', id).executeTakeFirst();
}

/** The date of a session (a make-up cannot predate the absence). */
export function sessionDate(db: Kysely<Database>, id: number) {
  return db
    .selectFrom('studySessions')
    .select('date')
    .where('id', '=', id)
    .executeTakeFirstOrThrow()
    .then((r) => r.date);
}
