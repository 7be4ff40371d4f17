/**
 * The honest limit of the finalised ranking page: GET /api/v1/assessments/{id}/scores?group=&page=&pageSize=
 * for a caller who sees the whole assessed subtree, answered with prepared statements — the assessment, its
 * indicators, one page of the group's frozen rows in rank order (the ranking index), its units without data
 * and its ranked count — and the served side's own pure presenter. Anything else is 501.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Actor } from '../../../src/server/auth/actor.ts';
import { coversSubtree } from '../../../src/server/db/scope.ts';
import { IdParams } from '../../../src/server/http/schemas.ts';
import { presentScores } from '../../../src/server/modules/assessments/presenter.ts';
import { fromFrozen, type FrozenRow } from '../../../src/server/modules/assessments/read-scores.ts';
import type { AssessmentRow, IndicatorRow } from '../../../src/server/modules/assessments/repository.ts';
import { Scores, ScoresQuery } from '../../../src/server/modules/assessments/schemas.ts';
import type { LimitDb } from './sql.ts';

const refuse = (statusCode: number, message: string) => Object.assign(new Error(message), { statusCode });

const ASSESSMENT = `select a.id, a.campaign_id as "campaignId", a.org_id as "orgId", a.org_path as "orgPath",
  u.name as "orgName", a.name, a.period, a.period_from as "periodFrom", a.period_to as "periodTo", a.status,
  a.published, a.groups, a.star_levels as "starLevels", a.scored_on as "scoredOn", a.finalised_at as "finalisedAt",
  a.version from assessments a join org_units u on u.id = a.org_id where a.id = @id`;

const INDICATORS = `select id, assessment_id as "assessmentId", sort_order as "sortOrder", area, name, method, kind,
  max_points as "maxPoints", weight, source, rule from assessment_indicators where assessment_id = @id order by sort_order`;

const RESULT_COLUMNS = `assessment_id as "assessmentId", org_id as "orgId", org_path as "orgPath", org_name as "orgName",
  group_key as "groupKey", score, rank, group_size as "groupSize", stars, vetoed, parts`;

const PAGE = `select ${RESULT_COLUMNS} from assessment_results where assessment_id = @id and group_key = @group
  and rank is not null order by rank, org_id limit @limit offset @offset`;
const UNSCORED = `select ${RESULT_COLUMNS} from assessment_results where assessment_id = @id and group_key = @group
  and rank is null order by org_id`;
const RANKED = `select count(*) as n from assessment_results where assessment_id = @id and group_key = @group
  and rank is not null`;

export function assessmentLimitRoutes(
  app: FastifyInstance,
  db: LimitDb,
  actorOf: (req: FastifyRequest) => Promise<Actor>,
) {
  app.get(
    '/api/v1/assessments/:id/scores',
    { schema: { params: IdParams, querystring: ScoresQuery, response: { 200: Scores } } },
    async (req) => {
      const { id } = req.params as { id: number };
      const { group, page = 1, pageSize = 20 } = req.query as { group?: string; page?: number; pageSize?: number };
      if (!group) throw refuse(501, '极限路由只回答按组分页的排名');
      const actor = await actorOf(req);
      const [a] = await db.all<AssessmentRow>(ASSESSMENT, { id });
      if (!a) throw refuse(404, '考核不存在');
      if (a.status !== 'final' || !coversSubtree(actor.scope, a.orgPath))
        throw refuse(501, '极限路由只回答看得到整棵子树的账号的已定稿排名');
      const params = { id, group };
      const [indicators, rows, unscored, [ranked]] = await Promise.all([
        db.all<IndicatorRow>(INDICATORS, { id }),
        db.all<FrozenRow>(PAGE, { ...params, limit: pageSize, offset: (page - 1) * pageSize }),
        db.all<FrozenRow>(UNSCORED, params),
        db.all<{ n: number }>(RANKED, params),
      ]);
      const results = [...rows, ...unscored].map(fromFrozen);
      return { ...presentScores(actor, a, results, indicators), total: Number(ranked.n), page, pageSize };
    },
  );
}
