import type { Kysely } from 'kysely';
import type { Static } from 'typebox';
import type { Database } from '../../db/schema.ts';
import { invalidField } from '../../errors.ts';
import { ORG_TYPES, type OrgType } from '../../../shared/org-types.ts';
import { indicatorProblem } from './indicator-check.ts';
import { SOURCE_BY_KEY } from './sources.ts';
import type { AreasBody, GroupsBody, StarLevelsBody } from './schemas.ts';

/** What creating and editing an assessment share: the header's checks, the indicator tree and the star levels. */

type Areas = Static<typeof AreasBody>;

/** Checks the period and the groups; labels default to the org type's name. */
export function checkHeader(input: { periodFrom?: string; periodTo?: string; groups?: Static<typeof GroupsBody> }) {
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
export async function saveTree(trx: Kysely<Database>, assessmentId: number, areas: Areas): Promise<number[]> {
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

export function checkStarLevels(levels: Static<typeof StarLevelsBody>, indicatorIds: number[]) {
  for (const [i, l] of levels.entries())
    if (l.requiresIndicatorId !== undefined && !indicatorIds.includes(l.requiresIndicatorId))
      throw invalidField(`starLevels.${i}.requiresIndicatorId`, '“必备指标”不属于该考核');
  if (new Set(levels.map((l) => l.stars)).size !== levels.length)
    throw invalidField('starLevels', '“星级评定”中有重复的星级');
}
