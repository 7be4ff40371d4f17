/**
 * The 站内消息 problems send (F15): a new 责任人, a 销号 returned or approved, an extension decided. Each is
 * written in the command's transaction through the notifications module.
 */
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import type { Database } from '../../db/schema.ts';
import { notify } from '../notifications/public.ts';
import { lastActorOf } from '../audit/public.ts';

interface ProblemRef {
  id: number;
  title: string;
  orgPath: string;
}

const linkOf = (p: ProblemRef) => `/problems?open=${p.id}`;

/** Told when a measure names them 责任人. */
export async function notifyAssigned(
  trx: Kysely<Database>,
  actor: Actor,
  problem: ProblemRef,
  measure: { content: string; ownerId: number | null; deadline: string },
): Promise<void> {
  if (!measure.ownerId) return;
  await notify(
    trx,
    {
      event: 'assigned',
      title: `您被确定为整改措施的责任人：${problem.title}`,
      body: `措施：${measure.content}；整改时限 ${measure.deadline}。`,
      link: linkOf(problem),
      orgPath: problem.orgPath,
    },
    { personIds: [measure.ownerId], exceptUserId: actor.userId },
  );
}

/** A problem under review as the transition loaded it: who applied (when recorded) and who recorded it. */
interface ReviewedProblem extends ProblemRef {
  submittedBy: number | null;
  createdBy: number | null;
}

/**
 * Who hears how a 销号 application went: who applied, who recorded the problem, and the measures' 责任人 (the
 * transition's own reads; the audit trail only for an application made before the submitter was recorded).
 */
async function peopleOfProblem(trx: Kysely<Database>, problem: ReviewedProblem, ownerIds: Array<number | null>) {
  const submitter = problem.submittedBy ?? (await lastActorOf(trx, 'problem', problem.id, 'submit'));
  return {
    personIds: ownerIds,
    userIds: [submitter, problem.createdBy].filter((u): u is number => typeof u === 'number'),
  };
}

/** 已销号 or 退回 (with the reason). */
export async function notifyReviewed(
  trx: Kysely<Database>,
  actor: Actor,
  problem: ReviewedProblem,
  ownerIds: Array<number | null>,
  approved: boolean,
  reason?: string,
): Promise<void> {
  const to = await peopleOfProblem(trx, problem, ownerIds);
  await notify(
    trx,
    approved
      ? {
          event: 'approved',
          title: `已销号：${problem.title}`,
          body: `${actor.displayName} 审核通过了销号申请。`,
          link: linkOf(problem),
          orgPath: problem.orgPath,
        }
      : {
          event: 'returned',
          title: `销号申请被退回：${problem.title}`,
          body: `退回理由：${reason ?? ''}`,
          link: `${linkOf(problem)}&action=submit`,
          orgPath: problem.orgPath,
        },
    { ...to, exceptUserId: actor.userId },
  );
}

/** 延期申请 approved (the new deadline) or refused (with the reason). */
export async function notifyExtensionDecided(
  trx: Kysely<Database>,
  actor: Actor,
  problem: ProblemRef,
  ext: { measureId: number; requestedDeadline: string; currentDeadline: string },
  approved: boolean,
  reason?: string,
): Promise<void> {
  const measure = await trx
    .selectFrom('problemMeasures')
    .select(['ownerId', 'content'])
    .where('id', '=', ext.measureId)
    .executeTakeFirst();
  const requester = await lastActorOf(trx, 'problem', problem.id, 'request_extension');
  await notify(
    trx,
    {
      event: 'extension_decided',
      title: `延期申请${approved ? '已批准' : '未获批准'}：${problem.title}`,
      body: approved
        ? `措施“${measure?.content ?? ''}”的整改时限延至 ${ext.requestedDeadline}。`
        : `措施“${measure?.content ?? ''}”仍按 ${ext.currentDeadline} 完成。${reason ? `理由：${reason}` : ''}`,
      link: linkOf(problem),
      orgPath: problem.orgPath,
    },
    { personIds: [measure?.ownerId], userIds: requester ? [requester] : [], exceptUserId: actor.userId },
  );
}
