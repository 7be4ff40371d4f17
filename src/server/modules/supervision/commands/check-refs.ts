import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema.ts';
import { invalidField } from '../../../errors.ts';
import { orgPaths } from '../repository.ts';

/** Resolves the group's unit, assigned units and members, naming the field of any unknown id. */
export async function checkRefs(db: Kysely<Database>, orgId: number, unitIds: number[], memberIds: number[]) {
  const [org] = await orgPaths(db, [orgId]);
  if (!org) throw invalidField('orgId', '所属单位不存在');
  const units = await orgPaths(db, unitIds);
  if (units.length !== unitIds.length) throw invalidField('unitIds', '联系单位中有不存在的单位');
  if (memberIds.length) {
    const found = await db.selectFrom('people').select('id').where('id', 'in', memberIds).execute();
    if (found.length !== memberIds.length) throw invalidField('memberIds', '组员中有不存在的人员');
  }
  return { orgPath: org.path, unitPaths: units.map((u) => u.path) };
}
