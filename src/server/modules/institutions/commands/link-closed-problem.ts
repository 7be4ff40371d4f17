import type { Kysely } from 'kysely';
import type { Actor } from '../../../auth/actor.ts';
import type { Database } from '../../../db/schema.ts';
import { invalidField } from '../../../errors.ts';
import { visibleInstitutionIds } from '../repository.ts';

/**
 * A problem closed (销号) by an institution: the institution must be one the caller may see, and it then
 * lists the problem among those it answers. Runs in the closing command's transaction.
 */
export async function linkClosedProblem(
  trx: Kysely<Database>,
  actor: Actor,
  institutionId: number,
  problemId: number,
): Promise<number> {
  if (!(await visibleInstitutionIds(trx, actor, [institutionId])).has(institutionId))
    throw invalidField('institutionId', '“关联制度”不存在或不在您的数据范围内');
  const linked = await trx
    .selectFrom('institutionProblems')
    .select('problemId')
    .where('institutionId', '=', institutionId)
    .where('problemId', '=', problemId)
    .executeTakeFirst();
  if (!linked) await trx.insertInto('institutionProblems').values({ institutionId, problemId }).execute();
  return institutionId;
}
