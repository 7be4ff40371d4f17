import type { Ctx } from '../../http/context.ts';
import { illegalTransition } from '../../errors.ts';
import { authorize } from '../../policies/engine.ts';
import { requireWritable } from '../../policies/scope-guard.ts';
import { checkVersion } from '../../db/versioned.ts';
import { bulletinPolicy } from './policy.ts';
import { findBulletin, findBulletinAnywhere } from './repository.ts';

/** A draft for a write: 404 unseen, 403 out of scope, 409 once issued (frozen) or on a stale version. */
export async function loadDraft(ctx: Ctx, trx: Ctx['db'], id: number, action: 'update' | 'issue', version: number) {
  const b = await requireWritable(await findBulletin(trx, ctx.actor, id), () => findBulletinAnywhere(trx, id), '简报');
  if (b.status !== 'draft') throw illegalTransition('简报已签发，不能再修改');
  authorize(bulletinPolicy, action, ctx.actor, b);
  checkVersion(b.version, version);
  return b;
}
