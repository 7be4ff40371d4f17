import type { Ctx } from '../../../http/context.ts';
import { addDays, today } from '../../../clock.ts';
import { illegalTransition, invalidField, noticeRunning, objectionsOpen } from '../../../errors.ts';
import { authorize } from '../../../policies/engine.ts';
import { requireWritable } from '../../../policies/scope-guard.ts';
import { checkVersion, updateVersioned } from '../../../db/versioned.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { campaignBrief } from '../../campaigns/public.ts';
import { anyOrg } from '../../orgs/public.ts';
import type { ExemplarStatus } from '../../../../shared/check-enums.ts';
import { decideExemplar, type ExemplarAction } from '../lifecycle.ts';
import { exemplarPolicy } from '../policy.ts';
import { findExemplar, findExemplarAnywhere, objectionsOf } from '../repository.ts';

export interface AdvanceInput {
  action: ExemplarAction;
  version: number;
  /** 公示 length in days (startNotice). */
  days?: number;
  /** The honour conferred (select), e.g. 红船先锋. */
  honour?: string;
  note?: string;
}

/** One step of 层层推荐 → 公示 → 评选, judged by the lifecycle before anything is written. */
export async function advanceExemplar(ctx: Ctx, id: number, input: AdvanceInput): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const e = await requireWritable(
      await findExemplar(trx, ctx.actor, id),
      () => findExemplarAnywhere(trx, id),
      '典型',
    );
    const campaign = (await campaignBrief(trx, e.campaignId))!;
    const objections = await objectionsOf(trx, [id]);
    const verdict = decideExemplar(
      {
        status: e.status as ExemplarStatus,
        atTop: e.levelOrgId === campaign.orgId,
        noticeEnded: e.noticeTo !== null && today() > e.noticeTo,
        openObjections: objections.filter((o) => o.handledAt === null).length,
        upheldObjections: objections.filter((o) => o.upheld === 1).length,
      },
      input.action,
    );
    if (!verdict.ok) {
      if (verdict.code === 'notice_running') throw noticeRunning(e.noticeTo!);
      if (verdict.code === 'objections_open') throw objectionsOpen();
      throw illegalTransition(verdict.message);
    }
    authorize(exemplarPolicy, input.action, ctx.actor, e);
    checkVersion(e.version, input.version);
    const values: Record<string, unknown> = { status: verdict.next };
    if (input.action === 'approve' && verdict.next === 'nominated') {
      const level = await anyOrg(trx, e.levelOrgId);
      const up = level?.parentId ? await anyOrg(trx, level.parentId) : undefined;
      if (!up) throw illegalTransition('没有可继续推荐的上级单位');
      Object.assign(values, { levelOrgId: up.id, levelOrgPath: up.path });
    }
    if (input.action === 'startNotice') {
      const days = input.days ?? 5;
      Object.assign(values, { noticeFrom: today(), noticeTo: addDays(today(), days - 1) });
    }
    if (input.action === 'select') {
      if (!input.honour?.trim()) throw invalidField('honour', '请填写授予的荣誉称号');
      values.honour = input.honour.trim();
    }
    if (input.note !== undefined) values.note = input.note.trim();
    await updateVersioned(trx, 'exemplars', id, input.version, values);
    await recordAudit(trx, ctx.actor, {
      action: input.action,
      entityType: 'exemplar',
      entityId: id,
      entityLabel: e.title,
      orgPath: e.orgPath,
      before: { status: e.status, levelOrgId: e.levelOrgId },
      after: values,
    });
  });
}
