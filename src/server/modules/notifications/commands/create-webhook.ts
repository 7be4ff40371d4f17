import type { Ctx } from '../../../http/context.ts';
import { nowIso } from '../../../clock.ts';
import { invalidField, outOfScope } from '../../../errors.ts';
import { authorize } from '../../../policies/engine.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { anyOrg, visibleOrg } from '../../orgs/public.ts';
import { robotPolicy } from '../policy.ts';
import { findRobotInScope, type RobotRow } from '../repository.ts';
import { seal } from '../secret-box.ts';
import { checkUrl, urlHint, type WebhookInput } from '../webhook-input.ts';

async function unitFor(ctx: Ctx, orgId: number) {
  const org = await visibleOrg(ctx.db, ctx.actor.scope, orgId);
  if (org) return org;
  if (await anyOrg(ctx.db, orgId)) throw outOfScope();
  throw invalidField('orgId', '“所属单位”不存在');
}

/** Connects a group robot: address and secret are sealed before they touch the database. */
export async function createWebhook(ctx: Ctx, key: Buffer, input: WebhookInput): Promise<RobotRow> {
  checkUrl(input.url);
  const org = await unitFor(ctx, input.orgId);
  authorize(robotPolicy, 'update', ctx.actor, { orgPath: org.path });
  return ctx.db.transaction().execute(async (trx) => {
    const now = nowIso();
    const row = await trx
      .insertInto('webhooks')
      .values({
        orgId: org.id,
        orgPath: org.path,
        kind: input.kind,
        name: input.name.trim(),
        urlEnc: seal(key, input.url),
        urlHint: urlHint(input.url),
        secretEnc: input.kind === 'dingtalk' && input.secret ? seal(key, input.secret) : null,
        events: JSON.stringify([...new Set(input.events)]),
        createdBy: ctx.actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, ctx.actor, {
      action: 'create',
      entityType: 'webhook',
      entityId: row.id,
      entityLabel: input.name,
      orgPath: org.path,
      after: { kind: input.kind, urlHint: urlHint(input.url), events: input.events, signed: !!input.secret },
    });
    return (await findRobotInScope(trx, ctx.actor, row.id))!;
  });
}
