import type { Ctx } from '../../http/context.ts';
import { illegalTransition } from '../../errors.ts';
import { requireWritable } from '../../policies/scope-guard.ts';
import type { ExemplarStatus } from '../../../shared/check-enums.ts';
import { takesObjections } from './lifecycle.ts';
import { findExemplar, findExemplarAnywhere } from './repository.ts';

/** An exemplar on 公示 for a write on its objections: 404 unseen, 403 out of scope, 409 when not on notice. */
export async function onNotice(ctx: Ctx, trx: Ctx['db'], id: number) {
  const e = await requireWritable(await findExemplar(trx, ctx.actor, id), () => findExemplarAnywhere(trx, id), '典型');
  if (!takesObjections(e.status as ExemplarStatus)) throw illegalTransition('只在公示期间受理异议');
  return e;
}
