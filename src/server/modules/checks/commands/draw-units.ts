import type { Ctx } from '../../../http/context.ts';
import { nowIso, today } from '../../../clock.ts';
import { illegalTransition, invalidField, notEnoughInspectors } from '../../../errors.ts';
import { authorize } from '../../../policies/engine.ts';
import { checkVersion, updateVersioned } from '../../../db/versioned.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { visibleOrgs } from '../../orgs/public.ts';
import { peopleByIds } from '../../people/public.ts';
import { groupWithMembers } from '../../supervision/public.ts';
import { runDraw } from '../draw.ts';
import { conflictsOf } from '../conflicts.ts';
import { drawPolicy } from '../policy.ts';
import { findDraw, loadDrawForWrite, recusalsOf } from '../repository.ts';
import { viewerOf } from '../viewer.ts';
import { insertCommitment, type CommitInput } from '../commitments.ts';

export interface DrawInput extends CommitInput {
  poolOrgIds: number[];
  count: number;
  commitmentId?: number;
  version?: number;
  publicValue?: string;
  rosterIds?: number[];
  inspectorsPerUnit?: number;
  date?: string;
  rule?: { orgId?: number; types?: string[]; excludeRecentDays?: number };
}

/** The 双随机 draw: units from the frozen pool, inspectors per unit without conflicts, a planned check for each. */
export async function drawUnits(ctx: Ctx, input: DrawInput): Promise<{ id: number }> {
  const viewer = await viewerOf(ctx.db, ctx.actor);
  return ctx.db.transaction().execute(async (trx) => {
    let drawId: number;
    let memberIds: number[] = [];
    if (input.commitmentId) {
      const id = input.commitmentId;
      const draw = await loadDrawForWrite(trx, viewer, id);
      if (draw.status !== 'committed') throw illegalTransition('该种子承诺已用于抽取，不能再次抽取');
      authorize(drawPolicy, 'draw', ctx.actor, { ...draw, myGroupIds: viewer.groupIds }, '该抽查已抽取或您无权抽取');
      if (draw.campaignId !== input.campaignId) throw invalidField('commitmentId', '该种子承诺不属于此主题教育');
      if (input.version !== undefined) checkVersion(draw.version, input.version);
      drawId = draw.id;
      if (draw.groupId) memberIds = (await groupWithMembers(trx, draw.groupId))?.memberIds ?? [];
    } else {
      ({ id: drawId, memberIds } = await insertCommitment(trx, viewer, input));
    }
    const draw = (await findDraw(trx, viewer, drawId))!;

    const pool = await visibleOrgs(trx, ctx.actor.scope, input.poolOrgIds);
    const found = new Set(pool.filter((u) => u.active === 1).map((u) => u.id));
    const missing = input.poolOrgIds.filter((id) => !found.has(id));
    if (missing.length)
      throw invalidField('poolOrgIds', `抽取范围中有 ${missing.length} 个单位不存在、已撤销或不在您的数据范围内`);
    if (input.count > found.size) throw invalidField('count', `抽取数量不能多于抽取范围内的单位数（${found.size}）`);

    const rosterIds = input.rosterIds ?? memberIds;
    const perUnit = input.inspectorsPerUnit ?? (rosterIds.length ? Math.min(2, rosterIds.length) : 0);
    const people = await peopleByIds(trx, rosterIds);
    if (people.length !== new Set(rosterIds).size || people.some((p) => p.active !== 1))
      throw invalidField('rosterIds', '检查人员名单中有不存在或已停用的人员');
    const recusals = await recusalsOf(trx, rosterIds);
    const conflicts = conflictsOf(people, pool, recusals);
    const publicValue = input.publicValue?.trim() ?? '';
    const result = runDraw({
      pool: [...found],
      count: input.count,
      secret: draw.secret,
      publicValue,
      roster: rosterIds,
      inspectorsPerUnit: perUnit,
      conflicts,
    });
    const names = new Map(pool.map((u) => [u.id, u]));
    for (const a of result.assignments)
      if (a.inspectorIds.length < perUnit) throw notEnoughInspectors(names.get(a.orgId)!.name, perUnit);

    const frozenPool = [...found].sort((a, b) => a - b);
    await updateVersioned(trx, 'checkDraws', drawId, draw.version, {
      status: 'drawn',
      publicValue,
      seed: result.seed,
      pool: JSON.stringify(frozenPool),
      poolHash: result.poolHash,
      count: input.count,
      roster: JSON.stringify([...new Set(rosterIds)].sort((a, b) => a - b)),
      inspectorsPerUnit: perUnit,
      conflicts: JSON.stringify(conflicts),
      rule: JSON.stringify(input.rule ?? {}),
      result: JSON.stringify({ drawnOrgIds: result.drawnOrgIds, assignments: result.assignments }),
      drawnAt: nowIso(),
    });
    const now = nowIso();
    const date = input.date ?? today();
    for (const a of result.assignments) {
      const unit = names.get(a.orgId)!;
      await trx.insertInto('checkDrawUnits').values({ drawId, orgId: a.orgId, orgPath: unit.path }).execute();
      await trx
        .insertInto('spotChecks')
        .values({
          campaignId: input.campaignId,
          orgId: a.orgId,
          orgPath: unit.path,
          groupId: draw.groupId,
          drawId,
          date,
          method: 'random',
          status: 'planned',
          inspectorIds: JSON.stringify(a.inspectorIds),
          createdBy: ctx.actor.userId,
          createdAt: now,
          updatedAt: now,
        })
        .execute();
    }
    await recordAudit(trx, ctx.actor, {
      action: 'draw',
      entityType: 'check_draw',
      entityId: drawId,
      orgPath: draw.orgPath,
      after: { poolHash: result.poolHash, seed: result.seed, drawnOrgIds: result.drawnOrgIds },
    });
    return { id: drawId };
  });
}
