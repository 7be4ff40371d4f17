import type { Kysely } from 'kysely';
import type { Ctx } from '../../../http/context.ts';
import type { Actor } from '../../../auth/actor.ts';
import type { Database } from '../../../db/schema.ts';
import { nowIso } from '../../../clock.ts';
import { forbidden, illegalTransition, invalidField } from '../../../errors.ts';
import { requireWritable } from '../../../policies/scope-guard.ts';
import { checkVersion, updateVersioned } from '../../../db/versioned.ts';
import { loadCalendarOverrides } from '../../../lib/calendar-overrides.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { anyOrg, visibleOrg } from '../../orgs/public.ts';
import type { DemandAction, DemandStatus, Satisfaction } from '../../../../shared/demand-enums.ts';
import { DEMAND_ACTIONS } from '../../../../shared/demand-enums.ts';
import { mayTake } from '../policy.ts';
import { categoryByCode, findDemand, findDemandAnywhere, recordEvent, type DemandRow } from '../repository.ts';
import { afterDemandWrite } from '../tally.ts';
import { decide, stateOf, type ActionInput, type DemandState } from '../lifecycle.ts';
import { dispatchDeadlines, extendedDue, handleDue } from '../deadlines.ts';

export interface TransitionInput {
  action: DemandAction;
  version: number;
  orgId?: number;
  reason?: string;
  answer?: string;
  satisfaction?: Satisfaction;
  contacted?: boolean;
  solved?: boolean;
  days?: number;
  targetId?: number;
}

/** What the machine needs besides the state: deadlines from the category, the target unit or demand. */
async function inputFor(trx: Kysely<Database>, actor: Actor, d: DemandRow, body: TransitionInput, now: string) {
  const input: ActionInput = { now, ...body, selfId: d.id };
  let target: { id: number; path: string } | undefined;
  if (body.action === 'dispatch' || body.action === 'reopen') {
    const category = await categoryByCode(trx, d.category);
    if (!category) throw invalidField('category', '诉求类别已不存在');
    const overrides = await loadCalendarOverrides(trx);
    if (body.action === 'dispatch') {
      if (!body.orgId) throw invalidField('orgId', '派单须选择承办单位');
      const orgId = body.orgId;
      const org = await requireWritable(
        await visibleOrg(trx, actor.scope, orgId),
        () => anyOrg(trx, orgId),
        '承办单位',
      );
      target = { id: org.id, path: org.path };
      input.deadlines = dispatchDeadlines(now, category, overrides);
    } else input.deadlines = { returnDueAt: d.returnDueAt ?? now, dueAt: handleDue(now, category, overrides) };
  }
  if (body.action === 'approve_extension' && d.dueAt && d.extensionDays)
    input.extendedDueAt = extendedDue(d.dueAt, d.extensionDays, await loadCalendarOverrides(trx));
  if (body.action === 'merge') {
    if (!body.targetId) throw invalidField('targetId', '请选择要并入的诉求');
    const other = await findDemand(trx, actor, body.targetId);
    if (!other) throw invalidField('targetId', '要并入的诉求不存在或不在您的数据范围内');
  }
  if (body.action === 'visit' && !body.satisfaction) throw invalidField('satisfaction', '回访须选择满意度');
  return { input, target };
}

/** The columns that change with a move, from the state before and after. */
function columnsFor(
  d: DemandRow,
  next: DemandState,
  body: TransitionInput,
  now: string,
  target?: { id: number; path: string },
  deadlines?: ActionInput['deadlines'] & { acceptDueAt?: string },
): Record<string, unknown> {
  const v: Record<string, unknown> = {
    status: next.status,
    dueAt: next.dueAt,
    returnDueAt: next.returnDueAt,
    answer: next.answer,
    satisfaction: next.satisfaction,
    extensionDays: next.extensionDays,
    extended: next.extended ? 1 : 0,
    closeReason: next.closeReason,
    repeatOf: next.repeatOf,
    returnCount: next.returnCount,
    reopenCount: next.reopenCount,
  };
  switch (body.action) {
    case 'dispatch':
      Object.assign(v, {
        orgId: target!.id,
        orgPath: target!.path,
        dispatchedAt: now,
        acceptDueAt: deadlines!.acceptDueAt,
      });
      break;
    case 'accept':
      Object.assign(v, { acceptedAt: now, firstOrgId: d.firstOrgId ?? d.orgId });
      break;
    case 'return':
      Object.assign(v, { orgId: null, orgPath: null, acceptDueAt: null, acceptedAt: null, dispatchedAt: null });
      break;
    case 'request_extension':
      v.extensionReason = body.reason?.trim() ?? '';
      break;
    case 'answer':
      v.answeredAt = now;
      break;
    case 'visit':
      Object.assign(v, { visitedAt: now, contacted: body.contacted === false ? 0 : 1, solved: body.solved ? 1 : 0 });
      break;
    case 'close':
    case 'merge':
      v.closedAt = now;
      break;
    case 'reopen':
      Object.assign(v, { answeredAt: null, visitedAt: null, contacted: null, solved: null, closedAt: null });
      break;
  }
  return v;
}

/** One step of the workflow, checked by the policy, the version and the lifecycle; timed; in the history. */
export async function transitionDemand(ctx: Ctx, id: number, body: TransitionInput): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const d = await requireWritable(await findDemand(trx, ctx.actor, id), () => findDemandAnywhere(trx, id), '诉求');
    if (!mayTake(ctx.actor, d, body.action)) throw forbidden(`您无权对该诉求执行“${DEMAND_ACTIONS[body.action]}”`);
    checkVersion(d.version, body.version);
    const now = nowIso();
    const { input, target } = await inputFor(trx, ctx.actor, d, body, now);
    const verdict = decide(stateOf(d), body.action, input);
    if (!verdict.ok) throw illegalTransition(verdict.message);
    const deadlines = input.deadlines && body.action === 'dispatch' ? dispatchFull(input, now) : input.deadlines;
    const values = columnsFor(d, verdict.next, body, now, target, deadlines);
    await updateVersioned(trx, 'demands', id, body.version, values);
    await afterDemandWrite(trx, [id]);
    const note = body.reason ?? body.answer ?? (body.days ? `申请延期 ${body.days} 个工作日` : '');
    await recordEvent(trx, {
      demandId: id,
      action: body.action,
      fromStatus: d.status,
      toStatus: verdict.next.status,
      orgId: target?.id ?? d.orgId,
      note: body.action === 'visit' ? `满意度：${body.satisfaction}` : note,
      actorName: ctx.actor.displayName,
      at: now,
    });
    await recordAudit(trx, ctx.actor, {
      action: body.action,
      entityType: 'demand',
      entityId: id,
      entityLabel: `${d.trackingCode} ${DEMAND_ACTIONS[body.action]}`,
      orgPath: target?.path ?? d.orgPath ?? d.intakePath,
      before: { status: d.status, orgId: d.orgId, dueAt: d.dueAt },
      after: { status: verdict.next.status, orgId: target?.id ?? verdict.next.orgId, dueAt: verdict.next.dueAt, note },
    });
  });
}

function dispatchFull(input: ActionInput, now: string) {
  return { ...input.deadlines!, acceptDueAt: (input.deadlines as { acceptDueAt?: string }).acceptDueAt ?? now };
}
