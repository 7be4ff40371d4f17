import type { Ctx } from '../../../http/context.ts';
import { notFound } from '../../../errors.ts';
import { authorize } from '../../../policies/engine.ts';
import { checkVersion } from '../../../db/versioned.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { robotPolicy } from '../policy.ts';
import { findRobotInScope } from '../repository.ts';

/** Disconnects a robot; its delivery log goes with it. */
export async function deleteWebhook(ctx: Ctx, id: number, version: number): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const robot = await findRobotInScope(trx, ctx.actor, id);
    if (!robot) throw notFound('群机器人');
    authorize(robotPolicy, 'delete', ctx.actor, robot);
    checkVersion(robot.version, version);
    await trx.deleteFrom('webhookDeliveries').where('webhookId', '=', id).execute();
    await trx.deleteFrom('webhooks').where('id', '=', id).execute();
    await recordAudit(trx, ctx.actor, {
      action: 'delete',
      entityType: 'webhook',
      entityId: id,
      entityLabel: robot.name,
      orgPath: robot.orgPath,
      before: { kind: robot.kind, urlHint: robot.urlHint },
    });
  });
}
