/** What other modules may use from 检视整改. */
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import type { Database } from '../../db/schema.ts';
import type { ProblemSource } from '../../../shared/problem-enums.ts';
import { insertProblem } from './commands/save-problem.ts';

export { problemQuery, problemVisible, onTimePredicate, warningDaysOf, type ProblemFilter } from './repository.ts';
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
      type: 'research_visit' | 'research_report' | 'life_meeting_item' | 'check_finding' | 'demand';
      id: number;
    };
  },
): Promise<{ id: number }> {
  const problem = await insertProblem(trx, { db: trx, actor }, { ...input, kind: 'immediate' });
  return { id: problem.id };
}

export { problemTally, tallySummaries, summaryColumns, toSummary, type ProblemSummary } from './tally.ts';
