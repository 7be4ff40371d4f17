/** What other modules may use from 督促指导. */
import type { Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import type { Database } from '../../db/schema.ts';
import { checkColumns, checkQuery } from './repository.ts';
import { viewerOf } from './viewer.ts';

export { onFindingsRecorded, type FindingsRecorded } from './events.ts';
export { checkTodoSources } from './todo-sources.ts';

/** Recorded checks of a period in a subtree as the caller sees them, with their findings (a bulletin's 督导检查 part). */
export async function recordedChecks(
  db: Kysely<Database>,
  actor: Actor,
  filter: { campaignId: number; orgPath: string; from: string; to: string },
  limit = 200,
) {
  const viewer = await viewerOf(db, actor);
  const rows = await checkQuery(db, viewer, { ...filter, status: 'recorded' })
    .select(checkColumns)
    .orderBy('spotChecks.date')
    .orderBy('spotChecks.id')
    .limit(limit)
    .execute();
  const ids = rows.map((r) => r.id);
  const findings = ids.length
    ? await db.selectFrom('spotCheckFindings').select(['checkId', 'text']).where('checkId', 'in', ids).execute()
    : [];
  return rows.map((r) => ({
    id: r.id,
    orgId: r.orgId,
    orgName: r.orgName,
    date: r.date,
    method: r.method,
    summary: r.summary,
    findings: findings.filter((f) => f.checkId === r.id).map((f) => f.text),
  }));
}
