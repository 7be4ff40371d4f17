import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { ctxOf } from '../../http/context.ts';
import { ErrorResponses, IdParams, PageOf, PageQuery, Version } from '../../http/schemas.ts';
import { fetchPage } from '../../db/page.ts';
import { invalidField, notFound } from '../../errors.ts';
import { ASSESSMENT_ACTIONS, ASSESSMENT_STATUSES, ENTRY_STATUSES, type AssessmentAction } from './lifecycle.ts';
import {
  assessmentColumns,
  assessmentQuery,
  entryColumns,
  entryQuery,
  findAssessment,
  findEntry,
  indicatorsOf,
} from './repository.ts';
import { presentAssessment, presentEntry, presentScores } from './presenter.ts';
import { readScores, readScoresPage } from './read-scores.ts';
import { groupsOf } from './compute-scores.ts';
import { FIGURE_SOURCES } from './sources.ts';
import { Assessment, CreateBody, Entry, EntryBody, Scores, ScoresQuery, UpdateBody } from './schemas.ts';
import { createAssessment, updateAssessment } from './commands/save-assessment.ts';
import { transitionAssessment } from './commands/transition-assessment.ts';
import { addEntry, reviewAssessmentEntry } from './commands/save-entry.ts';

const tags = ['考核'];
const Id = (title: string) => Type.Integer({ minimum: 1, maximum: 2147483647, title });
const EntryParams = Type.Object({ id: Id('考核'), entryId: Id('条目') });

/** 考核: assessments with their indicator tree, live and frozen scores, and the manual entries. */
export const assessmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const load = async (req: FastifyRequest, id: number) => {
    const a = await findAssessment(app.db, req.actor, id);
    if (!a) throw notFound('考核');
    return a;
  };
  const one = async (req: FastifyRequest, id: number) => {
    const a = await load(req, id);
    return presentAssessment(req.actor, a, await indicatorsOf(app.db, id));
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
      const items = await Promise.all(
        result.items.map(async (a) => presentAssessment(req.actor, a, await indicatorsOf(app.db, a.id))),
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
        summary: '定稿 finalise（冻结得分与名称）/ 公布排名 publish',
        params: IdParams,
        body: Type.Object(
          { action: Type.String({ enum: [...ASSESSMENT_ACTIONS], title: '操作' }), version: Version },
          { additionalProperties: false },
        ),
        response: { 200: Assessment, ...ErrorResponses },
      },
    },
    async (req) => {
      await transitionAssessment(ctxOf(req), req.params.id, {
        action: req.body.action as AssessmentAction,
        version: req.body.version,
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
        summary: '上级审核自评申报：认定或不予认定',
        params: EntryParams,
        body: Type.Object(
          {
            accept: Type.Boolean({ title: '是否认定' }),
            note: Type.Optional(Type.String({ maxLength: 1000, title: '审核意见' })),
            version: Version,
          },
          { additionalProperties: false },
        ),
        response: { 200: Entry, ...ErrorResponses },
      },
    },
    async (req) => {
      await reviewAssessmentEntry(ctxOf(req), req.params.id, req.params.entryId, req.body);
      return presentEntry((await findEntry(app.db, req.actor, req.params.id, req.params.entryId))!);
    },
  );
};
