import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { nowIso } from '../../clock.ts';
import { inBatches } from '../../db/in-batches.ts';
import { invalidField } from '../../errors.ts';
import { pathInSubtree } from '../../db/scope.ts';
import { afterSessionWrite } from './tally.ts';
import { SESSION_KINDS, rosterOf, type SessionKind } from '../../../shared/study-enums.ts';

export interface Attendance {
  personId: number;
  status: 'present' | 'absent';
  reason?: string;
}

export interface SessionInput {
  campaignId: number;
  orgId: number;
  kind: string;
  mode: string;
  online?: boolean;
  date: string;
  hours: number;
  topic: string;
  speaker?: string;
  readingIds?: number[];
  speakerIds?: number[];
  attendance: Attendance[];
}

/**
 * Writes the attendance and keeps the make-up items exactly in step: every absentee has one, a person
 * marked present (or removed) loses an open one; a make-up already done is history and stays.
 */
export async function syncAttendance(
  trx: Kysely<Database>,
  session: { id: number; orgPath: string; kind: string },
  attendance: Attendance[],
): Promise<void> {
  const ids = attendance.map((a) => a.personId);
  if (new Set(ids).size !== ids.length) throw invalidField('attendance', '“出勤名单”中有重复人员');
  const roster = await inBatches(ids, (batch) =>
    trx
      .selectFrom('people')
      .select(['id', 'name', 'isPartyMember'])
      .where('id', 'in', batch)
      .where((eb) => pathInSubtree(eb, 'people.orgPath', session.orgPath))
      .execute(),
  );
  if (roster.length !== ids.length) throw invalidField('attendance', '“出勤名单”中有不属于本单位的人员');
  // Party organisation life counts Party members only: a 群众 is neither 应到 nor absent (rosterQuery's rule).
  const outsiders = rosterOf(session.kind) === 'party' ? roster.filter((p) => p.isPartyMember !== 1) : [];
  if (outsiders.length)
    throw invalidField(
      'attendance',
      `“${SESSION_KINDS[session.kind as SessionKind]}”只计中共党员，以下人员不是党员，不应列入出勤名单：${outsiders.map((p) => p.name).join('、')}`,
    );
  // Every absentee without a reason is named, so the recorder fixes them all at once.
  const names = new Map(roster.map((p) => [p.id, p.name]));
  const unexplained = [...attendance.entries()].filter(([, a]) => a.status === 'absent' && !a.reason?.trim());
  if (unexplained.length)
    throw invalidField(
      `attendance.${unexplained[0][0]}.reason`,
      `缺席须填写原因：${unexplained.map(([, a]) => names.get(a.personId)).join('、')}`,
    );
  await trx.deleteFrom('sessionAttendance').where('sessionId', '=', session.id).execute();
  if (attendance.length) {
    await trx
      .insertInto('sessionAttendance')
      .values(
        attendance.map((a) => ({
          sessionId: session.id,
          personId: a.personId,
          status: a.status,
          reason: a.status === 'absent' ? (a.reason ?? '').trim() : '',
        })),
      )
      .execute();
  }
  const absent = new Set(attendance.filter((a) => a.status === 'absent').map((a) => a.personId));
  const existing = await trx
    .selectFrom('makeupItems')
    .select(['id', 'personId', 'status'])
    .where('sessionId', '=', session.id)
    .execute();
  const stale = existing.filter((m) => !absent.has(m.personId) && m.status === 'open').map((m) => m.id);
  if (stale.length) await trx.deleteFrom('makeupItems').where('id', 'in', stale).execute();
  const have = new Set(existing.map((m) => m.personId));
  const now = nowIso();
  const fresh = [...absent].filter((p) => !have.has(p));
  if (fresh.length)
    await trx
      .insertInto('makeupItems')
      .values(
        fresh.map((personId) => ({
          sessionId: session.id,
          personId,
          orgPath: session.orgPath,
          createdAt: now,
          updatedAt: now,
        })),
      )
      .execute();
  await afterSessionWrite(trx, session.id);
}

export const sessionColumns = (input: Omit<SessionInput, 'attendance' | 'campaignId' | 'orgId'>) => ({
  kind: input.kind,
  mode: input.mode,
  online: input.online ? 1 : 0,
  date: input.date,
  hours: input.hours,
  topic: input.topic.trim(),
  speaker: (input.speaker ?? '').trim(),
  readingIds: JSON.stringify(input.readingIds ?? []),
  speakerIds: JSON.stringify(input.speakerIds ?? []),
});
