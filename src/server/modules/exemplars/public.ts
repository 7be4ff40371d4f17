/** What other modules may use from 先进典型. */
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import type { Database } from '../../db/schema.ts';
import { exemplarQuery } from './repository.ts';

/** Exemplars selected in a subtree (a bulletin cites them), with the nominee's name. */
export async function selectedExemplars(
  db: Kysely<Database>,
  actor: Actor,
  filter: { campaignId: number; orgPath: string },
  limit = 50,
) {
  const rows = await exemplarQuery(db, actor, { ...filter, status: 'selected' })
    .select(['exemplars.id', 'exemplars.title', 'exemplars.honour', 'exemplars.deeds'])
    .orderBy('exemplars.id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, name: r.title, honour: r.honour, deeds: r.deeds }));
}
export { exemplarTodoSources } from './todo-sources.ts';
