import type { Ctx } from '../../../http/context.ts';
import { nowIso } from '../../../clock.ts';
import { checksPending, illegalTransition } from '../../../errors.ts';
import { authorize } from '../../../policies/engine.ts';
import { checkVersion, updateVersioned } from '../../../db/versioned.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { drawPolicy } from '../policy.ts';
import { loadDrawForWrite } from '../repository.ts';
import { viewerOf } from '../viewer.ts';

/** 双随机一公开: once every drawn unit's check is recorded, the draw and its inputs become visible to everyone. */
export async function publishDraw(ctx: Ctx, id: number, version: number): Promise<void> {
  const viewer = await viewerOf(ctx.db, ctx.actor);
  await ctx.db.transaction().execute(async (trx) => {
    const draw = await loadDrawForWrite(trx, viewer, id);
    if (draw.status !== 'drawn') throw illegalTransition(draw.status === 'published' ? '该抽查结果已公开' : '尚未抽取');
    authorize(drawPolicy, 'publish', ctx.actor, { ...draw, myGroupIds: viewer.groupIds }, '该抽查尚未抽取或已公开');
    checkVersion(draw.version, version);
    const pending = await trx
      .selectFrom('spotChecks')
      .select('id')
      .where('drawId', '=', id)
      .where('status', '=', 'planned')
      .executeTakeFirst();
    if (pending) throw checksPending();
    await updateVersioned(trx, 'checkDraws', id, version, { status: 'published', publishedAt: nowIso() });
    await recordAudit(trx, ctx.actor, {
      action: 'publish',
      entityType: 'check_draw',
      entityId: id,
      orgPath: draw.orgPath,
      after: { status: 'published' },
    });
  });
}
