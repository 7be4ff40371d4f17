import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { invalidField } from '../../errors.ts';
import { peopleByIds } from '../people/public.ts';
import { conflictsOf } from './conflicts.ts';
import { recusalsOf } from './repository.ts';

/** Inspectors must exist, be active and have no conflict with the unit (回避). */
export async function checkInspectors(
  trx: Kysely<Database>,
  ids: number[],
  unit: { id: number; path: string },
): Promise<void> {
  const people = await peopleByIds(trx, ids);
  if (people.length !== new Set(ids).size || people.some((p) => p.active !== 1))
    throw invalidField('inspectorIds', '检查人员中有不存在或已停用的人员');
  const conflicts = conflictsOf(people, [unit], await recusalsOf(trx, ids));
  if (conflicts.length) {
    const who = people.find((p) => p.id === conflicts[0].personId)!.name;
    throw invalidField('inspectorIds', `${who}与被检查单位存在回避情形（${conflicts[0].reason}）`);
  }
}
