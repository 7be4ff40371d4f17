import type { Kysely } from 'kysely';
import type { Static } from 'typebox';
import type { Ctx } from '../../../http/context.ts';
import type { Database } from '../../../db/schema.ts';
import { nowIso } from '../../../clock.ts';
import { illegalTransition, invalidField } from '../../../errors.ts';
import { authorize } from '../../../policies/engine.ts';
import { requireWritable } from '../../../policies/scope-guard.ts';
import { checkVersion, updateVersioned } from '../../../db/versioned.ts';
import { recordAudit } from '../../audit/record-audit.ts';
import { anyOrg, visibleOrg } from '../../orgs/public.ts';
import { ORG_TYPES, type OrgType } from '../../../../shared/org-types.ts';
import { assessmentPolicy } from '../policy.ts';
import { findAssessment, findAssessmentAnywhere, type AssessmentRow } from '../repository.ts';
import { indicatorProblem } from '../indicator-check.ts';
import { SOURCE_BY_KEY } from '../sources.ts';
import type { AreasBody, CreateBody, GroupsBody, StarLevelsBody, UpdateBody } from '../schemas.ts';

type Areas = Static<typeof AreasBody>;

/** Checks the period and the groups; labels default to the org type's name. */
function checkHeader(input: { periodFrom?: string; periodTo?: string; groups?: Static<typeof GroupsBody> }) {
  if (input.periodFrom && input.periodTo && input.periodFrom > input.periodTo)
    throw invalidField('periodTo', '“截止日期”不能早于“起始日期”');
  if (input.groups && new Set(input.groups.map((g) => g.key)).size !== input.groups.length)
    throw invalidField('groups', '“考核分组”中有重复的单位类型');
  return input.groups?.map((g) => ({ key: g.key, label: g.label ?? ORG_TYPES[g.key as OrgType] }));
}

/**
 * Saves the indicator tree: indicators sent with their id are updated in place (their entries stay), new ones
 * are inserted, and indicators left out are removed with their entries.
 */
async function saveTree(trx: Kysely<Database>, assessmentId: number, areas: Areas): Promise<number[]> {
  const existing = new Set(
    (await trx.selectFrom('assessmentIndicators').select('id').where('assessmentId', '=', assessmentId).execute()).map(
      (r) => r.id,
    ),
  );
  const kept: number[] = [];
  let sortOrder = 0;
  for (const [ai, area] of areas.entries())
    for (const [ii, ind] of area.indicators.entries()) {
      const at = `areas.${ai}.indicators.${ii}`;
      const problem = indicatorProblem(ind, (k) => SOURCE_BY_KEY.has(k));
      if (problem) throw invalidField(at, `“${ind.name}”：${problem}`);
      const values = {
        assessmentId,
        sortOrder: sortOrder++,
        area: area.name.trim(),
        name: ind.name.trim(),
        method: ind.method ?? '',
        kind: ind.kind,
        maxPoints: ind.maxPoints,
        weight: ind.weight ?? 1,
        source: ind.source ?? null,
        rule: ind.rule ? JSON.stringify(ind.rule) : null,
      };
      if (ind.id !== undefined) {
        if (!existing.has(ind.id) || kept.includes(ind.id)) throw invalidField(`${at}.id`, '“指标编号”不属于该考核');
        await trx.updateTable('assessmentIndicators').set(values).where('id', '=', ind.id).execute();
        kept.push(ind.id);
      } else {
        const row = await trx
          .insertInto('assessmentIndicators')
          .values(values)
          .returning('id')
          .executeTakeFirstOrThrow();
        kept.push(row.id);
      }
    }
  const removed = [...existing].filter((id) => !kept.includes(id));
  if (removed.length) {
    await trx.deleteFrom('assessmentEntries').where('indicatorId', 'in', removed).execute();
    await trx.deleteFrom('assessmentIndicators').where('id', 'in', removed).execute();
  }
  return kept;
}

function checkStarLevels(levels: Static<typeof StarLevelsBody>, indicatorIds: number[]) {
  for (const [i, l] of levels.entries())
    if (l.requiresIndicatorId !== undefined && !indicatorIds.includes(l.requiresIndicatorId))
      throw invalidField(`starLevels.${i}.requiresIndicatorId`, '“必备指标”不属于该考核');
  if (new Set(levels.map((l) => l.stars)).size !== levels.length)
    throw invalidField('starLevels', '“星级评定”中有重复的星级');
}

/** The office defines an assessment of its subtree for a period, with its indicator tree (领域 → 指标). */
export async function createAssessment(ctx: Ctx, input: Static<typeof CreateBody>): Promise<{ id: number }> {
  return ctx.db.transaction().execute(async (trx) => {
    const org = await requireWritable(
      await visibleOrg(trx, ctx.actor.scope, input.orgId),
      () => anyOrg(trx, input.orgId),
      '单位',
    );
    authorize(assessmentPolicy, 'update', ctx.actor, { orgPath: org.path, status: 'draft', published: false });
    const campaign = await trx
      .selectFrom('campaigns')
      .select('id')
      .where('id', '=', input.campaignId)
      .executeTakeFirst();
    if (!campaign) throw invalidField('campaignId', '“主题教育”不存在');
    const groups = checkHeader(input)!;
    const now = nowIso();
    const row = await trx
      .insertInto('assessments')
      .values({
        campaignId: input.campaignId,
        orgId: org.id,
        orgPath: org.path,
        name: input.name.trim(),
        period: input.period.trim(),
        periodFrom: input.periodFrom,
        periodTo: input.periodTo,
        status: 'draft',
        groups: JSON.stringify(groups),
        starLevels: JSON.stringify(input.starLevels ?? []),
        createdBy: ctx.actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    checkStarLevels(input.starLevels ?? [], await saveTree(trx, row.id, input.areas));
    await recordAudit(trx, ctx.actor, {
      action: 'create',
      entityType: 'assessment',
      entityId: row.id,
      entityLabel: input.name,
      orgPath: org.path,
      after: input,
    });
    return { id: row.id };
  });
}

/** Edits a draft: its header, groups, star levels and indicator tree. */
export async function updateAssessment(ctx: Ctx, id: number, input: Static<typeof UpdateBody>): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const a: AssessmentRow = await requireWritable(
      await findAssessment(trx, ctx.actor, id),
      () => findAssessmentAnywhere(trx, id),
      '考核',
    );
    authorize(assessmentPolicy, 'update', ctx.actor, { ...a, status: 'draft' });
    if (a.status !== 'draft') throw illegalTransition('已定稿的考核不能修改');
    checkVersion(a.version, input.version);
    const groups = checkHeader({
      periodFrom: input.periodFrom ?? a.periodFrom,
      periodTo: input.periodTo ?? a.periodTo,
      groups: input.groups,
    });
    const values: Record<string, unknown> = {};
    if (input.name !== undefined) values.name = input.name.trim();
    if (input.period !== undefined) values.period = input.period.trim();
    if (input.periodFrom !== undefined) values.periodFrom = input.periodFrom;
    if (input.periodTo !== undefined) values.periodTo = input.periodTo;
    if (groups) values.groups = JSON.stringify(groups);
    if (input.starLevels) values.starLevels = JSON.stringify(input.starLevels);
    await updateVersioned(trx, 'assessments', id, input.version, values);
    const ids = input.areas
      ? await saveTree(trx, id, input.areas)
      : (await trx.selectFrom('assessmentIndicators').select('id').where('assessmentId', '=', id).execute()).map(
          (r) => r.id,
        );
    checkStarLevels(input.starLevels ?? JSON.parse(a.starLevels), ids);
    await recordAudit(trx, ctx.actor, {
      action: 'update',
      entityType: 'assessment',
      entityId: id,
      entityLabel: a.name,
      orgPath: a.orgPath,
      before: a,
      after: input,
    });
  });
}
