import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import type { Database } from '../../db/schema.ts';
import { recordedChecks } from '../checks/public.ts';
import { dashboardFigures } from '../dashboard/public.ts';
import { selectedExemplars } from '../exemplars/public.ts';
import { researchFigures } from '../research/public.ts';
import { compileSections } from './compile.ts';
import { highlightColumns, highlightQuery } from './repository.ts';

/** The figures and sections of a period, each asked of the module that owns them. */
export async function compileContent(
  db: Kysely<Database>,
  actor: Actor,
  unit: { id: number; name: string; path: string },
  input: { campaignId: number; periodFrom: string; periodTo: string },
) {
  const filter = { campaignId: input.campaignId, orgPath: unit.path };
  const [dashboard, research, highlights, checks, exemplars] = await Promise.all([
    dashboardFigures(db, actor, input.campaignId, unit),
    researchFigures(db, actor, filter),
    highlightQuery(db, actor, { ...filter, from: input.periodFrom, to: input.periodTo })
      .select(highlightColumns)
      .orderBy('highlights.date')
      .limit(100)
      .execute(),
    recordedChecks(db, actor, { ...filter, from: input.periodFrom, to: input.periodTo }, 100),
    selectedExemplars(db, actor, filter),
  ]);
  const figures = { asOf: dashboard.asOf, problems: dashboard.problems, study: dashboard.study, research };
  const sections = compileSections({
    orgName: unit.name,
    periodFrom: input.periodFrom,
    periodTo: input.periodTo,
    figures,
    highlights,
    checks,
    exemplars,
  });
  return { figures, sections };
}
