import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { ctxOf } from '../../http/context.ts';
import { ErrorResponses, IdParams, PageOf, PageQuery } from '../../http/schemas.ts';
import { fetchPage } from '../../db/page.ts';
import { invalidField, notFound } from '../../errors.ts';
import { ASSESSMENT_STATUSES, ENTRY_STATUSES, OBJECTION_STATUSES, type AssessmentAction } from './lifecycle.ts';
import {
  assessmentColumns,
  assessmentQuery,
  entryColumns,
  entryQuery,
  findAssessment,
  findEntry,
  findObjection,
  indicatorsOf,
  objectionColumns,
  objectionQuery,
  openObjectionCounts,
} from './repository.ts';
import { presentAssessment, presentEntry, presentObjection, presentScores } from './presenter.ts';
import { readScores, readScoresPage } from './read-scores.ts';
import { groupsOf } from './compute-scores.ts';
import { FIGURE_SOURCES } from './sources.ts';
import {
  AnswerBody,
  Assessment,
  CreateBody,
  Entry,
  EntryBody,
  Objection,
  ObjectionBody,
  ReviewBody,
  Scores,
  ScoresQuery,
  TransitionBody,
  UpdateBody,
} from './schemas.ts';
import { createAssessment } from './commands/create-assessment.ts';
import { updateAssessment } from './commands/update-assessment.ts';
import { transitionAssessment } from './commands/transition-assessment.ts';
import { addEntry } from './commands/add-entry.ts';
import { reviewAssessmentEntry } from './commands/review-assessment-entry.ts';
import { lodgeObjection } from './commands/lodge-objection.ts';
import { answerAssessmentObjection } from './commands/answer-objection.ts';

const tags = ['考核'];
const Id = (title: string) => Type.Integer({ minimum: 1, maximum: 2147483647, title });
const EntryParams = Type.Object({ id: Id('考核'), entryId: Id('条目') });
const ObjectionParams = Type.Object({ id: Id('考核'), objectionId: Id('异议') });

/** 考核: assessments with their indicator tree, live and frozen scores, and the manual entries. */
export const assessmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const load = async (req: FastifyRequest, id: number) => {
    const a = await findAssessment(app.db, req.actor, id);
    if (!a) throw notFound('考核');
    return a;
  };
  const one = async (req: FastifyRequest, id: number) => {
    const a = await load(req, id);
    const [indicators, open] = await Promise.all([indicatorsOf(app.db, id), openObjectionCounts(app.db, [id])]);
    return presentAssessment(req.actor, a, indicators, open.get(id) ?? 0);
  };

  app.get(
    '/assessments/sources',
    {
      schema: {
        tags,
        summary: '可用于自动计分的数据来源',
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                key: Type.String(),
                label: Type.String(),
                module: Type.String(),
                unit: Type.String(),
                better: Type.String(),
              }),
            ),
          }),
          ...ErrorResponses,
        },
      },
    },
    async () => ({
      items: FIGURE_SOURCES.map(({ key, label, module, unit, better }) => ({ key, label, module, unit, better })),
    }),
  );

  app.get(
    '/assessments',
    {
      schema: {
        tags,
        summary: '考核列表',
        querystring: Type.Object(
          {
            campaignId: Type.Optional(Id('主题教育')),
            status: Type.Optional(Type.String({ enum: Object.keys(ASSESSMENT_STATUSES), title: '状态' })),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: { 200: PageOf(Assessment), ...ErrorResponses },
      },
    },
    async (req) => {
      const { page = 1, pageSize = 20, ...filter } = req.query;
      const result = await fetchPage(
        assessmentQuery(app.db, req.actor, filter),
        (qb) => qb.select(assessmentColumns).orderBy('assessments.id', 'desc'),
        page,
        pageSize,
      );
      const open = await openObjectionCounts(
        app.db,
        result.items.map((a) => a.id),
      );
      const items = await Promise.all(
        result.items.map(async (a) =>
          presentAssessment(req.actor, a, await indicatorsOf(app.db, a.id), open.get(a.id) ?? 0),
        ),
      );
      return { ...result, items };
    },
  );

  app.post(
    '/assessments',
    { schema: { tags, summary: '新建考核', body: CreateBody, response: { 201: Assessment, ...ErrorResponses } } },
    async (req, reply) => reply.status(201).send(await one(req, (await createAssessment(ctxOf(req), req.body)).id)),
  );

  app.get(
    '/assessments/:id',
    {
      schema: {
        tags,
        summary: '考核详情（指标体系）',
        params: IdParams,
        response: { 200: Assessment, ...ErrorResponses },
      },
    },
    async (req) => one(req, req.params.id),
  );

  app.patch(
    '/assessments/:id',
    {
      schema: {
        tags,
        summary: '修改考核（仅草稿）',
        params: IdParams,
        body: UpdateBody,
        response: { 200: Assessment, ...ErrorResponses },
      },
    },
    async (req) => {
      await updateAssessment(ctxOf(req), req.params.id, req.body);
      return one(req, req.params.id);
    },
  );

  app.post(
    '/assessments/:id/transitions',
    {
      schema: {
        tags,
        summary:
          '定稿 finalise（冻结得分与名称）/ 公布排名 publish / 公示 open_publicity（至 publicityUntil）/ 确认最终结果 confirm',
        params: IdParams,
        body: TransitionBody,
        response: { 200: Assessment, ...ErrorResponses },
      },
    },
    async (req) => {
      await transitionAssessment(ctxOf(req), req.params.id, {
        action: req.body.action as AssessmentAction,
        version: req.body.version,
        publicityUntil: req.body.publicityUntil,
      });
      return one(req, req.params.id);
    },
  );

  app.get(
    '/assessments/:id/scores',
    {
      schema: {
        tags,
        summary: '得分、组内排名与星级（草稿为实时预览，定稿后为冻结结果；给出分组或页码时按组分页）',
        params: IdParams,
        querystring: ScoresQuery,
        response: { 200: Scores, ...ErrorResponses },
      },
    },
    async (req) => {
      const a = await load(req, req.params.id);
      const { group, page, pageSize } = req.query;
      if (group === undefined && page === undefined && pageSize === undefined) {
        const [results, indicators] = await Promise.all([readScores(app.db, req.actor, a), indicatorsOf(app.db, a.id)]);
        return presentScores(req.actor, a, results, indicators);
      }
      const key = group ?? groupsOf(a)[0]?.key;
      if (!groupsOf(a).some((g) => g.key === key)) throw invalidField('group', '“考核分组”不属于该考核');
      const paging = { group: key, page: page ?? 1, pageSize: pageSize ?? 20 };
      const [{ results, total }, indicators] = await Promise.all([
        readScoresPage(app.db, req.actor, a, paging),
        indicatorsOf(app.db, a.id),
      ]);
      return {
        ...presentScores(req.actor, a, results, indicators),
        total,
        page: paging.page,
        pageSize: paging.pageSize,
      };
    },
  );

  app.get(
    '/assessments/:id/entries',
    {
      schema: {
        tags,
        summary: '加分、扣分与否决条目（含自评申报）',
        params: IdParams,
        querystring: Type.Object(
          {
            orgId: Type.Optional(Id('单位')),
            indicatorId: Type.Optional(Id('指标')),
            status: Type.Optional(Type.String({ enum: Object.keys(ENTRY_STATUSES), title: '状态' })),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: { 200: PageOf(Entry), ...ErrorResponses },
      },
    },
    async (req) => {
      await load(req, req.params.id);
      const { page = 1, pageSize = 20, ...filter } = req.query;
      const result = await fetchPage(
        entryQuery(app.db, req.actor, req.params.id, filter),
        (qb) => qb.select(entryColumns).orderBy('assessmentEntries.id', 'desc'),
        page,
        pageSize,
      );
      return { ...result, items: result.items.map(presentEntry) };
    },
  );

  app.post(
    '/assessments/:id/entries',
    {
      schema: {
        tags,
        summary: '录入加分、扣分或否决（单位自评时待上级审核）',
        params: IdParams,
        body: EntryBody,
        response: { 201: Entry, ...ErrorResponses },
      },
    },
    async (req, reply) => {
      const { id } = await addEntry(ctxOf(req), req.params.id, req.body);
      return reply.status(201).send(presentEntry((await findEntry(app.db, req.actor, req.params.id, id))!));
    },
  );

  app.post(
    '/assessments/:id/entries/:entryId/review',
    {
      schema: {
        tags,
        summary: '上级审核自评申报：认定（可调整分值并说明理由）或不予认定',
        params: EntryParams,
        body: ReviewBody,
        response: { 200: Entry, ...ErrorResponses },
      },
    },
    async (req) => {
      await reviewAssessmentEntry(ctxOf(req), req.params.id, req.params.entryId, req.body);
      return presentEntry((await findEntry(app.db, req.actor, req.params.id, req.params.entryId))!);
    },
  );

  app.get(
    '/assessments/:id/objections',
    {
      schema: {
        tags,
        summary: '公示期异议及答复',
        params: IdParams,
        querystring: Type.Object(
          {
            orgId: Type.Optional(Id('单位')),
            status: Type.Optional(Type.String({ enum: Object.keys(OBJECTION_STATUSES), title: '状态' })),
            ...PageQuery,
          },
          { additionalProperties: false },
        ),
        response: { 200: PageOf(Objection), ...ErrorResponses },
      },
    },
    async (req) => {
      await load(req, req.params.id);
      const { page = 1, pageSize = 20, ...filter } = req.query;
      const [result, indicators] = await Promise.all([
        fetchPage(
          objectionQuery(app.db, req.actor, req.params.id, filter),
          (qb) => qb.select(objectionColumns).orderBy('assessmentObjections.id', 'desc'),
          page,
          pageSize,
        ),
        indicatorsOf(app.db, req.params.id),
      ]);
      return { ...result, items: result.items.map((o) => presentObjection(o, indicators)) };
    },
  );

  app.post(
    '/assessments/:id/objections',
    {
      schema: {
        tags,
        summary: '公示期内对本单位得分提出异议',
        params: IdParams,
        body: ObjectionBody,
        response: { 201: Objection, ...ErrorResponses },
      },
    },
    async (req, reply) => {
      const { id } = await lodgeObjection(ctxOf(req), req.params.id, req.body);
      const [o, indicators] = await Promise.all([
        findObjection(app.db, req.actor, req.params.id, id),
        indicatorsOf(app.db, req.params.id),
      ]);
      return reply.status(201).send(presentObjection(o!, indicators));
    },
  );

  app.post(
    '/assessments/:id/objections/:objectionId/answer',
    {
      schema: {
        tags,
        summary: '答复异议：维持 uphold 或调整 adjust（调整冻结结果中该指标得分并重新排名）',
        params: ObjectionParams,
        body: AnswerBody,
        response: { 200: Objection, ...ErrorResponses },
      },
    },
    async (req) => {
      await answerAssessmentObjection(ctxOf(req), req.params.id, req.params.objectionId, req.body);
      const [o, indicators] = await Promise.all([
        findObjection(app.db, req.actor, req.params.id, req.params.objectionId),
        indicatorsOf(app.db, req.params.id),
      ]);
      return presentObjection(o!, indicators);
    },
  );
};
