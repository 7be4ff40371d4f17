/** What other modules may use from 检视整改. */
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import type { Database } from '../../db/schema.ts';
import type { ProblemSource } from '../../../shared/problem-enums.ts';
import { insertProblem } from './problem-insert.ts';
import type { AttachmentLink } from '../attachments/public.ts';
import { problemVisible } from './repository.ts';

/** Evidence of a problem the caller may see (a measure's 责任领导 included) is theirs to open. */
export const problemAttachmentLink: AttachmentLink = (actor) => (eb) =>
  eb.exists(
    eb
      .selectFrom('problemEvidence')
      .innerJoin('problems', 'problems.id', 'problemEvidence.problemId')
      .select('problemEvidence.id')
      .whereRef('problemEvidence.attachmentId', '=', 'attachments.id')
      .where(problemVisible(actor) as never),
  );

export {
  problemQuery,
  problemVisible,
  visibleProblemIds,
  onTimePredicate,
  warningDaysOf,
  type ProblemFilter,
} from './repository.ts';
import { colourOf } from './colour.ts';
import { judgeDates } from './presenter.ts';
import { warningDaysOf as warningDays } from './repository.ts';
import type { ProblemColour, ProblemStatus } from '../../../shared/problem-enums.ts';

export { judgeDates } from './presenter.ts';

/**
 * Turns a finding (research visit or report, a 民主生活会 item, a spot check) into a draft problem on the
 * rectification loop, with its source and a link back — nothing retyped.
 */
export async function createLinkedProblem(
  trx: Kysely<Database>,
  actor: Actor,
  input: {
    campaignId: number;
    orgId: number;
    title: string;
    description: string;
    source: ProblemSource;
    personId?: number;
    sourceRef: {
      type: 'research_visit' | 'research_report' | 'life_meeting_item' | 'check_finding' | 'key_task' | 'demand';
      id: number;
    };
  },
  /**
   * 'caller' when the calling module has already authorised the write under its own policy (a 督导组 records
   * findings at units it supervises without holding a rectification role there); the unit must still be in scope.
   */
  authorizedBy: 'problems' | 'caller' = 'problems',
): Promise<{ id: number }> {
  const problem = await insertProblem(
    trx,
    { db: trx, actor },
    { ...input, kind: 'immediate' },
    authorizedBy === 'problems',
  );
  return { id: problem.id };
}

export { problemTally, tallySummaries, summaryColumns, toSummary, type ProblemSummary } from './tally.ts';
export { problemTodoSources, measureReminders, calendarOverrides } from './todo-sources.ts';
export { problemWarningKinds } from './warnings.ts';
export { problemFigureSources, overdueMeasures } from './assessment-figures.ts';

/** Status and 红黄绿蓝 of problems by id (those the caller may see), e.g. the findings of a spot check. */
export async function problemStates(
  db: Kysely<Database>,
  actor: Actor,
  ids: number[],
  campaignId: number,
): Promise<Map<number, { status: ProblemStatus; colour: ProblemColour; title: string }>> {
  if (!ids.length) return new Map();
  const dates = judgeDates(await warningDays(db, campaignId));
  const rows = await db
    .selectFrom('problems')
    .select(['problems.id', 'problems.status', 'problems.kind', 'problems.dueDate', 'problems.title'])
    .where('problems.id', 'in', ids)
    .where(problemVisible(actor))
    .execute();
  return new Map(
    rows.map((r) => [
      r.id,
      {
        status: r.status as ProblemStatus,
        colour: colourOf(r, dates.today, dates.yellowUntil),
        title: r.title,
      },
    ]),
  );
}

/** A problem the caller may see, as a record another module can point at (a bulletin's 亮点), or undefined. */
export async function visibleProblemBrief(db: Kysely<Database>, actor: Actor, id: number) {
  const p = await db
    .selectFrom('problems')
    .select(['campaignId', 'orgId', 'orgPath', 'title', 'status'])
    .where('problems.id', '=', id)
    .where(problemVisible(actor))
    .executeTakeFirst();
  return p && { campaignId: p.campaignId, orgId: p.orgId, orgPath: p.orgPath, label: p.title, status: p.status };
}
/** The 整改台账 as an importable ledger (registered with the imports module in modules/routes.ts). */
export { rectificationLedger } from './rectification-ledger.ts';
