import type { Ctx } from '../../../http/context.ts';
import { nowIso } from '../../../clock.ts';
import { notFound } from '../../../errors.ts';
import { authorize } from '../../../policies/engine.ts';
import { robotPolicy } from '../policy.ts';
import { findRobotInScope } from '../repository.ts';
import { open } from '../secret-box.ts';
import { postRobot, robotPayload, type RobotKind } from '../robot-client.ts';
import { markdownOf } from '../deliver.ts';

/** 测试发送: posts one message now and logs it like any delivery; the answer says what the robot said. */
export async function testWebhook(ctx: Ctx, key: Buffer, publicUrl: string, id: number) {
  const robot = await findRobotInScope(ctx.db, ctx.actor, id);
  if (!robot) throw notFound('群机器人');
  authorize(robotPolicy, 'test', ctx.actor, robot);
  const full = await ctx.db.selectFrom('webhooks').select(['urlEnc']).where('id', '=', id).executeTakeFirstOrThrow();
  const message = {
    title: '台账测试消息',
    body: `这是来自台账的测试消息（${ctx.actor.displayName} 发送）。收到即表示群机器人已接通。`,
    link: '/',
  };
  const kind = robot.kind as RobotKind;
  const answer = await postRobot(
    kind,
    open(key, full.urlEnc),
    robot.secretEnc ? open(key, robot.secretEnc) : null,
    robotPayload(kind, message.title, markdownOf(message, publicUrl)),
  );
  const now = nowIso();
  await ctx.db
    .insertInto('webhookDeliveries')
    .values({
      webhookId: id,
      event: 'test',
      ...message,
      status: answer.outcome === 'sent' ? 'sent' : 'failed',
      attempts: 1,
      nextAttemptAt: now,
      errcode: answer.errcode,
      error: answer.error,
      createdAt: now,
      sentAt: answer.outcome === 'sent' ? now : null,
    })
    .execute();
  return { ok: answer.outcome === 'sent', errcode: answer.errcode, error: answer.error };
}
