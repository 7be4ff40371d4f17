import type { Ctx } from '../../../http/context.ts';
import { nowIso } from '../../../clock.ts';
import { invalidField, notFound, outOfScope } from '../../../errors.ts';
import { authorize } from '../../../policies/engine.ts';
import { checkVersion, updateVersioned } from '../../../db/versioned.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { anyOrg, visibleOrg } from '../../orgs/public.ts';
import { robotPolicy } from '../policy.ts';
import { findRobotInScope, type RobotRow } from '../repository.ts';
import { seal } from '../secret-box.ts';

export interface WebhookInput {
  orgId: number;
  kind: 'dingtalk' | 'wecom';
  name: string;
  url: string;
  secret?: string | null;
  events: string[];
}

/** "oapi.dingtalk.com …a1b2": enough to tell robots apart, too little to use one. */
export function urlHint(url: string): string {
  const u = new URL(url);
  const token = u.searchParams.get('access_token') ?? u.searchParams.get('key') ?? '';
  return `${u.host}${token ? ` …${token.slice(-4)}` : ''}`;
}

function checkUrl(url: string): void {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw invalidField('url', '“机器人地址”不是有效的网址');
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw invalidField('url', '“机器人地址”须以 https:// 开头');
}

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
