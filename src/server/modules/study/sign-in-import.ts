/**
 * The 签到表 as an importable ledger (target: the study session): each record is one person of the session's
 * unit (its subtree), matched by name — by name and unit when the sheet has a 所在单位 column — with a mark
 * (出席/√/a signature, or 缺席/未到 with a reason; a blank mark with a reason is an absence). The sheet replaces
 * the session's attendance, make-ups kept in step, through the module's own command, audited.
 */
import type { Ctx } from '../../http/context.ts';
import { authorize, hasRole } from '../../policies/engine.ts';
import { requireWritable } from '../../policies/scope-guard.ts';
import { byNames, cellText, checkpoint, CellErrorList, NameMatcher, textsOf } from '../../lib/ledger-names.ts';
import { peopleNamed } from '../people/public.ts';
import type { CheckInput, LedgerDefinition } from '../imports/public.ts';
import { importAttendance } from './commands/import-attendance.ts';
import type { Attendance } from './session-attendance.ts';
import { ABSENT_MARKS, ATTENDANCE_FIELDS, PRESENT_MARKS } from './attendance-ledger.ts';
import { STUDY_RECORDERS, studyPolicy } from './policy.ts';
import { findSession, findSessionAnywhere } from './repository.ts';
import { rosterOf } from '../../../shared/study-enums.ts';

export interface CheckedAttendance extends Attendance {
  sessionId: number;
}

const LABEL = Object.fromEntries(ATTENDANCE_FIELDS.map((f) => [f.key, f.label]));

function statusOf(mark: string, name: string, reason: string): 'present' | 'absent' | null {
  if (PRESENT_MARKS.has(mark) || (mark && mark.replace(/\s+/g, '') === name)) return 'present';
  if (ABSENT_MARKS.has(mark) || (!mark && reason)) return 'absent';
  return null;
}

/** The session, when the caller may record its attendance: 404 when unknown or unseen, 403 out of their hands. */
async function recordable(ctx: Ctx, id: number) {
  const session = await requireWritable(
    await findSession(ctx.db, ctx.actor, id),
    () => findSessionAnywhere(ctx.db, id),
    '学习活动',
  );
  authorize(studyPolicy, 'record', ctx.actor, session);
  return session;
}

async function check(ctx: Ctx, input: CheckInput) {
  const sessionId = input.targetId!;
  const session = await recordable(ctx, sessionId);
  const { records } = input;
  // Party organisation life (支部党员大会、党课 …) counts Party members only: a 群众 is not on its roster.
  const partyOnly = rosterOf(session.kind) === 'party';
  const book = partyOnly ? '党员名册' : '名册';
  const roster = await byNames(textsOf(records, 'name'), (batch) =>
    peopleNamed(ctx.db, ctx.actor.scope, batch, session.orgPath, partyOnly),
  );
  // With a 所在单位 column, namesakes in different branches are told apart without asking: the name to match is
  // then 王芳（办公室党支部）, and so is the text an ambiguity shows and a resolution answers.
  const keyOf = (name: string, unit: string) => (unit ? `${name}（${unit}）` : name);
  const named = new Map<string, NonNullable<ReturnType<typeof roster.get>>>();
  for (const rec of records) {
    const [name, unit] = [cellText(rec.values, 'name'), cellText(rec.values, 'org')];
    named.set(
      keyOf(name, unit),
      (roster.get(name) ?? []).filter((p) => !unit || p.orgName === unit),
    );
  }
  const matcher = new NameMatcher('name', LABEL.name, input.resolutions, named);
  const list = new CellErrorList();
  const rows: CheckedAttendance[] = [];
  const seen = new Set<number>();
  for (const [i, rec] of records.entries()) {
    await checkpoint(i, input.onProgress);
    const row = rec.firstRow;
    const err = (key: string, message: string) => list.add(rec.sheet, row, LABEL[key], message);
    const name = cellText(rec.values, 'name');
    const person = matcher.match(keyOf(name, cellText(rec.values, 'org')), row);
    if (!name) err('name', '不能为空');
    else if (person.kind === 'none') err('name', `“${name}”不在本单位${book}中`);
    else if (person.kind === 'one' && seen.has(person.match.id)) err('name', `“${name}”重复出现`);
    const mark = cellText(rec.values, 'mark');
    const reason = cellText(rec.values, 'reason');
    const status = statusOf(mark, name, reason);
    if (!status) err('mark', mark ? `“${mark}”无法识别，应为“出席”或“缺席”` : '不能为空：请填写“出席”或“缺席”');
    if (status === 'absent' && !reason) err('reason', '缺席须填写原因');
    if (person.kind === 'one' && status && !seen.has(person.match.id)) {
      seen.add(person.match.id);
      rows.push({ sessionId, personId: person.match.id, status, reason: status === 'absent' ? reason : '' });
    }
  }
  input.onProgress(records.length);
  return { rows, errors: list.errors, ambiguities: matcher.ambiguities };
}

export const signInLedger: LedgerDefinition<CheckedAttendance> = {
  key: 'attendance',
  label: '签到表',
  fields: ATTENDANCE_FIELDS,
  mayImport: (actor) => hasRole(actor, ...STUDY_RECORDERS),
  needsCampaign: false,
  target: {
    name: 'sessionId',
    label: '学习活动',
    require: async (ctx, id) => {
      await recordable(ctx, id);
    },
  },
  check,
  async write(ctx, _campaignId, rows) {
    // One sheet is one session's attendance: the sheet replaces what was recorded.
    for (const [sessionId, lines] of Map.groupBy(rows, (r) => r.sessionId))
      await importAttendance(
        ctx.db,
        ctx.actor,
        sessionId,
        lines.map(({ personId, status, reason }) => ({ personId, status, reason })),
      );
    return { created: rows.length, updated: 0 };
  },
};
