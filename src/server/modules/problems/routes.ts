import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { listProblems } from './problem-list.ts';
import { ctxOf } from '../../http/context.ts';
import { ErrorResponses, IdParams, PageOf, NoContent } from '../../http/schemas.ts';
import { notFound } from '../../errors.ts';
import type { ProblemColour } from '../../../shared/problem-enums.ts';
import { filterOrgPath } from '../orgs/public.ts';
import {
  CreateProblemBody,
  DeleteQuery,
  ProblemListQuery,
  ProblemDetailView,
  ProblemListItemView,
  ProblemView,
  TransitionBody,
  UpdateProblemBody,
} from './schemas.ts';
import { detailsOf, findProblemInScope, measureFactsOf, measuresOf, warningDaysOf } from './repository.ts';
import { judgeDates, presentListItem, presentProblem } from './presenter.ts';
import { createProblem } from './commands/create-problem.ts';
import { updateProblem } from './commands/update-problem.ts';
import { transitionProblem } from './commands/transition-problem.ts';
import { deleteProblem } from './commands/delete-problem.ts';
import type { Action } from './lifecycle.ts';

const tags = ['检视整改'];

/** The unit filter as a path (404 when the unit is outside the caller's scope). */
export function orgPathFilter(req: FastifyRequest, orgId: number | undefined): Promise<string | undefined> {
  return filterOrgPath(req.server.db, req.actor.scope, orgId);
}

/** 问题清单 and the problem record: list, detail, record, edit, lifecycle transitions. */
export const problemRoutes: FastifyPluginAsyncTypebox = async (app) => {
  /** The full record. */
  const detail = async (req: FastifyRequest, id: number) => {
    const problem = await findProblemInScope(app.db, req.actor, id);
    if (!problem) throw notFound('问题');
    const measures = await measuresOf(app.db, [id]);
    const [details, dates] = await Promise.all([
      detailsOf(
        app.db,
        problem,
        measures.map((m) => m.id),
      ),
      warningDaysOf(app.db, problem.campaignId).then(judgeDates),
    ]);
    return { ...presentProblem(req.actor, problem, dates, measures), ...details };
  };

  app.get(
    '/problems',
    {
      schema: {
        tags,
        summary: '问题清单',
        querystring: ProblemListQuery,
        response: { 200: PageOf(ProblemListItemView), ...ErrorResponses },
      },
    },
    async (req) => {
      const { page = 1, pageSize = 20, orgId, sort = 'dueDate', colour, include, ...filter } = req.query;
      const dates = judgeDates(await warningDaysOf(app.db, filter.campaignId));
      const orgPath = await orgPathFilter(req, orgId);
      const result = await listProblems(
        app.db,
        req.actor,
        { ...filter, orgPath, colour: colour as ProblemColour | undefined, sort, page, pageSize },
        dates,
      );
      const ids = result.items.map((p) => p.id);
      const [facts, measures] = await Promise.all([
        measureFactsOf(app.db, ids, req.actor.personId),
        include === 'measures' ? measuresOf(app.db, ids) : undefined,
      ]);
      const mine = (id: number) => measures?.filter((m) => m.problemId === id);
      return {
        ...result,
        items: result.items.map((p) => presentListItem(req.actor, p, dates, facts.get(p.id), mine(p.id))),
      };
    },
  );

  app.get(
    '/problems/:id',
    {
      schema: {
        tags,
        summary: '问题详情（措施、进展、佐证、延期、上报关联）',
        params: IdParams,
        response: { 200: ProblemDetailView, ...ErrorResponses },
      },
    },
    async (req) => detail(req, req.params.id),
  );

  app.post(
    '/problems',
    {
      schema: {
        tags,
        summary: '记录问题',
        body: CreateProblemBody,
        response: { 201: ProblemDetailView, ...ErrorResponses },
      },
    },
    async (req, reply) => {
      const problem = await createProblem(ctxOf(req), req.body);
      return reply.status(201).send(await detail(req, problem.id));
    },
  );

  app.patch(
    '/problems/:id',
    {
      schema: {
        tags,
        summary: '修改问题',
        params: IdParams,
        body: UpdateProblemBody,
        response: { 200: ProblemDetailView, ...ErrorResponses },
      },
    },
    async (req) => {
      await updateProblem(ctxOf(req), req.params.id, req.body);
      return detail(req, req.params.id);
    },
  );

  app.delete(
    '/problems/:id',
    {
      schema: {
        tags,
        summary: '删除误录的问题（仅待审核）',
        params: IdParams,
        querystring: DeleteQuery,
        response: { 204: NoContent, ...ErrorResponses },
      },
    },
    async (req, reply) => {
      await deleteProblem(ctxOf(req), req.params.id, req.query.version);
      return reply.status(204).send();
    },
  );

  app.post(
    '/problems/:id/transitions',
    {
      schema: {
        tags,
        summary: '状态流转：confirm 确认 / submit 申请销号 / approve 销号 / reject 退回 / escalate 上报',
        params: IdParams,
        body: TransitionBody,
        response: { 200: ProblemView, ...ErrorResponses },
      },
    },
    async (req) => {
      // The changed record with its measures and abilities; progress, evidence and links come with the detail.
      const { problem, measures } = await transitionProblem(ctxOf(req), req.params.id, {
        ...req.body,
        action: req.body.action as Action,
      });
      const dates = judgeDates(await warningDaysOf(app.db, problem.campaignId));
      return presentProblem(req.actor, problem, dates, measures);
    },
  );
};
