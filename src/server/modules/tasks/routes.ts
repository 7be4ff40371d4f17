import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ctxOf } from '../../http/context.ts';
import { ErrorResponses, IdParams, PageOf } from '../../http/schemas.ts';
import { today } from '../../clock.ts';
import { fetchPage } from '../../db/page.ts';
import { filterOrgPath } from '../orgs/public.ts';
import type { TaskLight, TaskStatus } from '../../../shared/task-enums.ts';
import {
  CreateMilestoneBody,
  CreateTaskBody,
  Figures,
  FiguresQuery,
  MilestoneParams,
  MilestoneView,
  RaisedProblem,
  ThresholdsView,
  UpdateView,
  ProblemFromTaskBody,
  TaskListQuery,
  TaskView,
  ThresholdsBody,
  UpdateBody,
  UpdateMilestoneBody,
  UpdateTaskBody,
} from './schemas.ts';
import { selectTaskRows, settingsOf, taskQuery, thresholdsOf } from './repository.ts';
import { taskFigures } from './figures.ts';
import { taskDetail, taskViews } from './views.ts';
import { createTask } from './commands/create-task.ts';
import { updateTask } from './commands/update-task.ts';
import { addMilestone } from './commands/add-milestone.ts';
import { updateMilestone } from './commands/update-milestone.ts';
import { recordUpdate } from './commands/record-update.ts';
import { raiseProblem } from './commands/raise-problem.ts';
import { saveThresholds } from './commands/save-thresholds.ts';

const tags = ['推动发展'];
const CampaignQuery = Type.Object(
  { campaignId: Type.Integer({ minimum: 1, maximum: 2147483647, title: '主题教育' }) },
  { additionalProperties: false },
);

/** 重点任务 (F5): list, figures, the record with milestones and 周调度 updates, and problems met on the way. */
export const taskRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/tasks',
    {
      schema: {
        tags,
        summary: '重点任务清单',
        querystring: TaskListQuery,
        response: { 200: PageOf(TaskView), ...ErrorResponses },
      },
    },
    async (req) => {
      const { page = 1, pageSize = 20, orgId, status, light, ...rest } = req.query;
      const day = today();
      const t = await thresholdsOf(app.db, rest.campaignId);
      const orgPath = await filterOrgPath(app.db, req.actor.scope, orgId);
      const filter = {
        ...rest,
        orgPath,
        status: status as TaskStatus | undefined,
        light: light as TaskLight | undefined,
      };
      const result = await fetchPage(
        taskQuery(app.db, req.actor, filter, day, t),
        (qb) => selectTaskRows(qb).orderBy('tasks.endDate').orderBy('tasks.id'),
        page,
        pageSize,
      );
      return { ...result, items: await taskViews(app.db, req.actor, result.items, day, t) };
    },
  );

  app.get(
    '/tasks/figures',
    {
      schema: {
        tags,
        summary: '重点任务数字：完成、按序时推进、滞后、未启动（各数即所打开清单的总数）',
        querystring: FiguresQuery,
        response: { 200: Figures, ...ErrorResponses },
      },
    },
    async (req) => {
      const { orgId, ...rest } = req.query;
      const orgPath = await filterOrgPath(app.db, req.actor.scope, orgId);
      return taskFigures(app.db, req.actor, { ...rest, orgPath }, today(), await thresholdsOf(app.db, rest.campaignId));
    },
  );

  app.get(
    '/tasks/settings',
    {
      schema: {
        tags,
        summary: '序时进度阈值（按主题教育）',
        querystring: CampaignQuery,
        response: { 200: ThresholdsView, ...ErrorResponses },
      },
    },
    async (req) => ({ id: req.query.campaignId, ...(await settingsOf(app.db, req.query.campaignId)) }),
  );

  app.put(
    '/tasks/settings',
    {
      schema: {
        tags,
        summary: '设置序时进度阈值（重新判定该主题教育的全部任务）',
        querystring: CampaignQuery,
        body: ThresholdsBody,
        response: { 200: ThresholdsView, ...ErrorResponses },
      },
    },
    async (req) => {
      await saveThresholds(ctxOf(req), req.query.campaignId, req.body);
      return { id: req.query.campaignId, ...(await settingsOf(app.db, req.query.campaignId)) };
    },
  );

  app.get(
    '/tasks/:id',
    {
      schema: {
        tags,
        summary: '重点任务详情（节点、周调度、子任务、操作记录）',
        params: IdParams,
        response: { 200: TaskView, ...ErrorResponses },
      },
    },
    async (req) => taskDetail(app.db, req.actor, req.params.id),
  );

  app.post(
    '/tasks',
    {
      schema: {
        tags,
        summary: '记录重点任务（或分解子任务）',
        body: CreateTaskBody,
        response: { 201: TaskView, ...ErrorResponses },
      },
    },
    async (req, reply) => {
      const id = await createTask(ctxOf(req), req.body);
      return reply.status(201).send(await taskDetail(app.db, req.actor, id));
    },
  );

  app.patch(
    '/tasks/:id',
    {
      schema: {
        tags,
        summary: '修改重点任务',
        params: IdParams,
        body: UpdateTaskBody,
        response: { 200: TaskView, ...ErrorResponses },
      },
    },
    async (req) => {
      await updateTask(ctxOf(req), req.params.id, req.body);
      return taskDetail(app.db, req.actor, req.params.id);
    },
  );

  app.get(
    '/tasks/:id/milestones',
    {
      schema: {
        tags,
        summary: '时序进度节点',
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(MilestoneView) }), ...ErrorResponses },
      },
    },
    async (req) => ({ items: (await taskDetail(app.db, req.actor, req.params.id)).milestones }),
  );

  app.post(
    '/tasks/:id/milestones',
    {
      schema: {
        tags,
        summary: '添加时序进度节点',
        params: IdParams,
        body: CreateMilestoneBody,
        response: { 201: TaskView, ...ErrorResponses },
      },
    },
    async (req, reply) => {
      await addMilestone(ctxOf(req), req.params.id, req.body);
      return reply.status(201).send(await taskDetail(app.db, req.actor, req.params.id));
    },
  );

  app.patch(
    '/tasks/:id/milestones/:milestoneId',
    {
      schema: {
        tags,
        summary: '修改节点，或标记完成（附佐证材料，算作本周调度）',
        params: MilestoneParams,
        body: UpdateMilestoneBody,
        response: { 200: TaskView, ...ErrorResponses },
      },
    },
    async (req) => {
      await updateMilestone(ctxOf(req), req.params.id, req.params.milestoneId, req.body);
      return taskDetail(app.db, req.actor, req.params.id);
    },
  );

  app.get(
    '/tasks/:id/updates',
    {
      schema: {
        tags,
        summary: '周调度记录',
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(UpdateView) }), ...ErrorResponses },
      },
    },
    async (req) => ({ items: (await taskDetail(app.db, req.actor, req.params.id)).updates }),
  );

  app.post(
    '/tasks/:id/updates',
    {
      schema: {
        tags,
        summary: '周调度：填报本周进展',
        params: IdParams,
        body: UpdateBody,
        response: { 201: TaskView, ...ErrorResponses },
      },
    },
    async (req, reply) => {
      await recordUpdate(ctxOf(req), req.params.id, req.body);
      return reply.status(201).send(await taskDetail(app.db, req.actor, req.params.id));
    },
  );

  app.post(
    '/tasks/:id/problems',
    {
      schema: {
        tags,
        summary: '推动中遇到的问题转入检视整改（来源：推动发展遇到）',
        params: IdParams,
        body: ProblemFromTaskBody,
        response: { 201: RaisedProblem, ...ErrorResponses },
      },
    },
    async (req, reply) => reply.status(201).send(await raiseProblem(ctxOf(req), req.params.id, req.body)),
  );
};
