/**
 * The registry of 预警 kinds: each owning module contributes its kinds through its public.ts, one line each
 * here (and one import), e.g. the 群众诉求 module's "demand past its time limit" as `...demandWarningKinds`,
 * a WarningKind[] (src/server/lib/warning-kind.ts) built over its own list query. The order here is the
 * order of the 预警 page's items.
 */
import type { WarningKind } from '../../lib/warning-kind.ts';
import { problemWarningKinds } from '../problems/public.ts';
import { studyWarningKinds } from '../study/public.ts';
import { taskWarningKinds } from '../tasks/public.ts';
import { demandWarningKinds } from '../demands/public.ts';
import { researchWarningKinds } from '../research/public.ts';

export const WARNING_KINDS: WarningKind[] = [
  ...problemWarningKinds,
  ...studyWarningKinds,
  ...researchWarningKinds,
  ...taskWarningKinds,
  ...demandWarningKinds,
];
