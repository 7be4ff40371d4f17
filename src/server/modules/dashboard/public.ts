/** What other modules may use from 工作看板: the very figures the dashboard shows (a bulletin quotes them). */
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import type { Database } from '../../db/schema.ts';
import { judgeDates, warningDaysOf } from '../problems/public.ts';
import { unitFigures, type UnitFigures } from './summary.ts';

export type { UnitFigures };

/** A subtree's dashboard figures as the caller's dashboard would show them today. */
export async function dashboardFigures(
  db: Kysely<Database>,
  actor: Actor,
  campaignId: number,
  unit: { id: number; name: string; path: string },
): Promise<UnitFigures & { asOf: string }> {
  const dates = judgeDates(await warningDaysOf(db, campaignId));
  const [own] = await unitFigures(db, actor, campaignId, [unit], dates);
  return { ...own, asOf: dates.today };
}
