import type { Ctx } from '../../../http/context.ts';
import { nowIso } from '../../../clock.ts';
import { illegalTransition, invalidField } from '../../../errors.ts';
import { authorize } from '../../../policies/engine.ts';
import { checkVersion, updateVersioned } from '../../../db/versioned.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { createLinkedProblem } from '../../problems/public.ts';
import { emitFindingsRecorded } from '../events.ts';
import { checkPolicy } from '../policy.ts';
import { loadCheckForWrite } from '../repository.ts';
import { viewerOf } from '../viewer.ts';
import { checkInspectors } from '../inspectors.ts';

export interface RecordCheckInput {
  version: number;
  date?: string;
  method?: string;
  summary?: string;
  inspectorIds?: number[];
  findings: Array<{ text: string; title?: string }>;
}

/** A problem title from a finding: its first sentence, at most 60 characters. */
function titleOfFinding(text: string): string {
  const first = text.trim().split(/[。；;\n]/)[0] ?? '';
  return [...first].slice(0, 60).join('') || '督导检查发现问题';
}

/**
 * Records a check: the unit now sees it, and each finding becomes a problem for the checked unit on the
 * 检视整改 loop (source 督导检查), linked back, in the same transaction.
 */
export async function recordCheck(ctx: Ctx, id: number, input: RecordCheckInput): Promise<void> {
  const viewer = await viewerOf(ctx.db, ctx.actor);
  await ctx.db.transaction().execute(async (trx) => {
    const check = await loadCheckForWrite(trx, viewer, id);
    if (check.status !== 'planned') throw illegalTransition('该检查已记录，不能再次记录');
    const inspectorIds: number[] = input.inspectorIds ?? JSON.parse(check.inspectorIds);
    authorize(
      checkPolicy,
      'record',
      ctx.actor,
      { ...check, inspectorIds, myGroupIds: viewer.groupIds },
      '该检查已记录或您无权记录',
    );
    checkVersion(check.version, input.version);
    if (inspectorIds.length < 2) throw invalidField('inspectorIds', '每次检查至少两名检查人员');
    if (input.inspectorIds) await checkInspectors(trx, inspectorIds, { id: check.orgId, path: check.orgPath });
    const now = nowIso();
    await updateVersioned(trx, 'spotChecks', id, input.version, {
      status: 'recorded',
      date: input.date ?? check.date,
      method: input.method ?? check.method,
      summary: input.summary?.trim() ?? '',
      inspectorIds: JSON.stringify(inspectorIds),
      recordedAt: now,
    });
    const findings: Array<{ findingId: number; problemId: number; text: string }> = [];
    for (const f of input.findings) {
      const text = f.text.trim();
      const row = await trx
        .insertInto('spotCheckFindings')
        .values({ checkId: id, text, problemId: null, createdAt: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      const problem = await createLinkedProblem(
        trx,
        ctx.actor,
        {
          campaignId: check.campaignId,
          orgId: check.orgId,
          title: f.title?.trim() || titleOfFinding(text),
          description: text,
          source: 'supervision',
          sourceRef: { type: 'check_finding', id: row.id },
        },
        'caller',
      );
      await trx.updateTable('spotCheckFindings').set({ problemId: problem.id }).where('id', '=', row.id).execute();
      findings.push({ findingId: row.id, problemId: problem.id, text });
    }
    await recordAudit(trx, ctx.actor, {
      action: 'record',
      entityType: 'spot_check',
      entityId: id,
      entityLabel: check.orgName,
      orgPath: check.orgPath,
      after: {
        date: input.date ?? check.date,
        findings: findings.length,
        problemIds: findings.map((f) => f.problemId),
      },
    });
    if (findings.length)
      await emitFindingsRecorded(trx, {
        checkId: id,
        campaignId: check.campaignId,
        orgId: check.orgId,
        orgPath: check.orgPath,
        date: input.date ?? check.date,
        method: input.method ?? check.method,
        findings,
        link: `/checks?checkId=${id}`,
      });
  });
}
