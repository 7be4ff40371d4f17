/**
 * The registry of figures an indicator may score from. Each module that owns records contributes its figures
 * through its own public.ts as a UnitFigureSource[] (db/unit-figures.ts); adding a module's figures is one
 * import and one spread here.
 */
import type { UnitFigureSource } from '../../db/unit-figures.ts';
import type { OverdueItemSource } from '../../db/accountability-items.ts';
import { studyFigureSources } from '../study/public.ts';
import { overdueMeasures, problemFigureSources } from '../problems/public.ts';
import { researchFigureSources } from '../research/public.ts';
import { overdueTasks, taskFigureSources } from '../tasks/public.ts';
import { demandFigureSources, overdueDemands } from '../demands/public.ts';
import { warningFigureSources } from '../warnings/public.ts';

export const FIGURE_SOURCES: UnitFigureSource[] = [
  ...studyFigureSources,
  ...problemFigureSources,
  ...researchFigureSources,
  ...taskFigureSources,
  ...demandFigureSources,
  ...warningFigureSources,
];

export const SOURCE_BY_KEY = new Map(FIGURE_SOURCES.map((s) => [s.key, s]));

/** The overdue items the 责任链 counts; each module adds its own (key tasks, demands) with one line. */
export const OVERDUE_ITEM_SOURCES: OverdueItemSource[] = [overdueMeasures, overdueTasks, overdueDemands];
export const OVERDUE_KIND_LABELS = new Map(OVERDUE_ITEM_SOURCES.map((s) => [s.kind, s.label]));
