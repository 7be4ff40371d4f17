/** What other modules may use from 调查研究. */
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import type { Database } from '../../db/schema.ts';
import { findTopic, topicQuery } from './repository.ts';

export { researchFigureSources } from './assessment-figures.ts';

/** A topic the caller may see, as a record another module can point at (a bulletin's 亮点), or undefined. */
export async function visibleTopicBrief(db: Kysely<Database>, actor: Actor, id: number) {
  const t = await findTopic(db, actor, id);
  return t && { campaignId: t.campaignId, orgId: t.orgId, orgPath: t.orgPath, label: t.title, status: t.status };
}

/** Research figures of a subtree as the caller sees them: topics by stage and those pushed as best (择优推送). */
export async function researchFigures(
  db: Kysely<Database>,
  actor: Actor,
  filter: { campaignId: number; orgPath: string },
): Promise<{ topics: number; reported: number; accepted: number; recommended: number }> {
  const row = await topicQuery(db, actor, filter)
    .select((eb) => [
      eb.fn.countAll<number>().as('topics'),
      eb.fn
        .sum<number>(eb.case().when('researchTopics.status', 'in', ['reported', 'accepted']).then(1).else(0).end())
        .as('reported'),
      eb.fn.sum<number>(eb.case().when('researchTopics.status', '=', 'accepted').then(1).else(0).end()).as('accepted'),
      eb.fn.sum<number>('researchTopics.recommended').as('recommended'),
    ])
    .executeTakeFirstOrThrow();
  return {
    topics: Number(row.topics ?? 0),
    reported: Number(row.reported ?? 0),
    accepted: Number(row.accepted ?? 0),
    recommended: Number(row.recommended ?? 0),
  };
}
export { researchTodoSources } from './todo-sources.ts';
export { researchWarningKinds } from './warnings.ts';
