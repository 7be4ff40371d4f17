import type { Ctx } from '../../../http/context.ts';
import { notFound } from '../../../errors.ts';
import { authorize } from '../../../policies/engine.ts';
import { checkVersion, updateVersioned } from '../../../db/versioned.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { robotPolicy } from '../policy.ts';
import { findRobotInScope, type RobotRow } from '../repository.ts';
import { seal } from '../secret-box.ts';
import { checkUrl, urlHint, type WebhookInput } from '../webhook-input.ts';

/**
 * Changes a robot. Address and secret are replaced only when sent (they are never shown again); saving
 * re-activates a robot stopped as broken, since the usual fix is a new address or secret.
 */
export async function updateWebhook(
  ctx: Ctx,
  key: Buffer,
  id: number,
  input: Partial<Omit<WebhookInput, 'orgId' | 'kind'>> & { version: number },
): Promise<RobotRow> {
  if (input.url !== undefined) checkUrl(input.url);
  return ctx.db.transaction().execute(async (trx) => {
    const robot = await findRobotInScope(trx, ctx.actor, id);
    if (!robot) throw notFound('群机器人');
    authorize(robotPolicy, 'update', ctx.actor, robot);
    checkVersion(robot.version, input.version);
    const values: Record<string, unknown> = { status: 'active', brokenReason: '' };
    if (input.name !== undefined) values.name = input.name.trim();
    if (input.events !== undefined) values.events = JSON.stringify([...new Set(input.events)]);
    if (input.url !== undefined) Object.assign(values, { urlEnc: seal(key, input.url), urlHint: urlHint(input.url) });
    if (input.secret !== undefined) values.secretEnc = input.secret ? seal(key, input.secret) : null;
    await updateVersioned(trx, 'webhooks', id, input.version, values);
    await recordAudit(trx, ctx.actor, {
      action: 'update',
      entityType: 'webhook',
      entityId: id,
      entityLabel: robot.name,
      orgPath: robot.orgPath,
      before: { name: robot.name, events: JSON.parse(robot.events), status: robot.status },
      after: {
        name: input.name,
        events: input.events,
        urlChanged: input.url !== undefined,
        secretChanged: input.secret !== undefined,
      },
    });
    return (await findRobotInScope(trx, ctx.actor, id))!;
  });
}
