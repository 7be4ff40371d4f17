/** What other modules may use from 理论学习. */
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import type { Database } from '../../db/schema.ts';
import { findSession } from './repository.ts';
export { studyTally, studyTallySummaries, type StudySummary } from './tally.ts';
export { meetingCountsStale, rebuildMeetingCounts } from './meeting-counts.ts';
export { afterUnitMeetingsChanged, meetingTally } from './meeting-tally.ts';
export { sessionFigures } from './figures.ts';
export { studyTodoSources } from './todo-sources.ts';
export { studyWarningKinds } from './warnings.ts';
export { studyFigureSources } from './assessment-figures.ts';

/** A session the caller may see, as a record another module can point at (a bulletin's 亮点), or undefined. */
export async function visibleSessionBrief(db: Kysely<Database>, actor: Actor, id: number) {
  const s = await findSession(db, actor, id);
  return s && { campaignId: s.campaignId, orgId: s.orgId, orgPath: s.orgPath, label: s.topic, date: s.date };
}

/** The 签到表 as an importable ledger (registered in modules/routes.ts). */
export { signInLedger } from './sign-in-import.ts';
