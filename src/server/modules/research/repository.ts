import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Actor } from '../../auth/actor.ts';
import type { Database } from '../../db/schema.ts';
import { inScope, pathInSubtree } from '../../db/scope.ts';
import { fetchPage } from '../../db/page.ts';
import { personVisible } from '../people/public.ts';

/** Topics of units in scope, and a leader's own topics. */
const visible = (actor: Actor) => (eb: ExpressionBuilder<Database, 'researchTopics'>) =>
  inScope(actor.scope, 'researchTopics.orgPath', 'researchTopics.leaderId')(eb);

export function topicQuery(
  db: Kysely<Database>,
  actor: Actor,
  filter: { campaignId?: number; orgPath?: string; status?: string; recommended?: boolean },
) {
  let qb = db
    .selectFrom('researchTopics')
    .innerJoin('people', 'people.id', 'researchTopics.leaderId')
    .innerJoin('orgUnits', 'orgUnits.id', 'researchTopics.orgId')
    .where(visible(actor));
  if (filter.campaignId) qb = qb.where('researchTopics.campaignId', '=', filter.campaignId);
  if (filter.orgPath) {
    const p = filter.orgPath;
    qb = qb.where((eb) => pathInSubtree(eb, 'researchTopics.orgPath', p));
  }
  if (filter.status) qb = qb.where('researchTopics.status', '=', filter.status);
  if (filter.recommended !== undefined) qb = qb.where('researchTopics.recommended', '=', filter.recommended ? 1 : 0);
  return qb;
}

export const topicColumns = [
  'researchTopics.id',
  'researchTopics.campaignId',
  'researchTopics.orgId',
  'orgUnits.name as orgName',
  'researchTopics.orgPath',
  'researchTopics.leaderId',
  'people.name as leaderName',
  'researchTopics.title',
  'researchTopics.plan',
  'researchTopics.status',
  'researchTopics.recommended',
  'researchTopics.reviewNote',
  'researchTopics.situation',
  'researchTopics.problems',
  'researchTopics.analysis',
  'researchTopics.measures',
  'researchTopics.reportedAt',
  'researchTopics.version',
] as const;

export function findTopic(db: Kysely<Database>, actor: Actor, id: number) {
  return topicQuery(db, actor, {}).select(topicColumns).where('researchTopics.id', '=', id).executeTakeFirst();
}

export function findTopicAnywhere(db: Kysely<Database>, id: number) {
  return db.selectFrom('researchTopics').select('id').where('id', '=', id).executeTakeFirst();
}

export type TopicRow = NonNullable<Awaited<ReturnType<typeof findTopic>>>;

export function visitsOf(db: Kysely<Database>, topicId: number) {
  return db
    .selectFrom('researchVisits')
    .selectAll()
    .where('topicId', '=', topicId)
    .orderBy('date')
    .orderBy('id')
    .execute();
}

/**
 * Leaders of a subtree (局级/县处级 people, or people holding a leader grant) in the caller's scope with fewer
 * than `minReports` reports (003: each leader writes at least one): reported or accepted topics count,
 * planned ones do not; in the campaign when one is given. The 预警 "leaders without a research report" and
 * the list it opens.
 */
export function leadersWithoutReportQuery(
  db: Kysely<Database>,
  actor: Actor,
  filter: { campaignId?: number; orgPath: string; minReports?: number },
) {
  return db
    .selectFrom('people')
    .innerJoin('orgUnits', 'orgUnits.id', 'people.orgId')
    .where('people.active', '=', 1)
    .where((eb) => pathInSubtree(eb, 'people.orgPath', filter.orgPath))
    .where(personVisible(actor.scope, { ownRecord: false }))
    .where((eb) =>
      eb.or([
        eb('people.leadershipLevel', 'in', ['bureau', 'county']),
        // The few leader grants as a set (not a probe per person): with the level's index, the city's leaders
        // are read directly instead of every person of the subtree (预警, 90 ms → under 1 ms at city scale).
        eb(
          'people.id',
          'in',
          eb
            .selectFrom('users')
            .innerJoin('roleGrants', 'roleGrants.userId', 'users.id')
            .select('users.personId')
            .where('roleGrants.role', '=', 'leader'),
        ),
      ]),
    )
    .where((eb) => {
      let reports = eb
        .selectFrom('researchTopics')
        .select((r) => r.fn.countAll<number>().as('n'))
        .whereRef('researchTopics.leaderId', '=', 'people.id')
        .where('researchTopics.status', 'in', ['reported', 'accepted']);
      if (filter.campaignId) reports = reports.where('researchTopics.campaignId', '=', filter.campaignId);
      return eb(reports, '<', filter.minReports ?? 1);
    });
}

/** A page of those leaders in tree order, then by name. */
export function leadersWithoutReportPage(
  db: Kysely<Database>,
  actor: Actor,
  filter: Parameters<typeof leadersWithoutReportQuery>[2],
  page: number,
  pageSize: number,
) {
  return fetchPage(
    leadersWithoutReportQuery(db, actor, filter),
    (qb) =>
      qb
        .select(['people.id', 'people.name', 'people.position', 'orgUnits.name as orgName'])
        .orderBy('people.orgPath')
        .orderBy('people.namePinyin')
        .orderBy('people.id'),
    page,
    pageSize,
  );
}

/** A page of topics, newest first. */
export function topicPage(
  db: Kysely<Database>,
  actor: Actor,
  filter: Parameters<typeof topicQuery>[2],
  page: number,
  pageSize: number,
) {
  return fetchPage(
    topicQuery(db, actor, filter),
    (qb) => qb.select(topicColumns).orderBy('researchTopics.id', 'desc'),
    page,
    pageSize,
  );
}
