import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ctxOf } from '../../http/context.ts';
import { ErrorResponses, IdParams } from '../../http/schemas.ts';
import {
  DecisionBody,
  ExtensionBody,
  ExtensionParams,
  MeasureBody,
  MeasureParams,
  MeasureView,
  MeasurePatch,
  ProgressBody,
} from './schemas.ts';
import { addMeasure } from './commands/add-measure.ts';
import { updateMeasure } from './commands/update-measure.ts';
import { measuresOf } from './repository.ts';
import { presentMeasure } from './presenter.ts';
import { today } from '../../clock.ts';
import { reportProgress } from './commands/report-progress.ts';
import { decideExtension } from './commands/decide-extension.ts';
import { requestExtension } from './commands/request-extension.ts';

const tags = ['检视整改'];
const Ok = Type.Object({ ok: Type.Boolean() });

/** Measures of a problem: add, edit, mark done, progress notes with evidence, extension requests. */
export const measureRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/problems/:id/measures',
    {
      schema: {
        tags,
        summary: '添加整改措施（返回新措施，含编号与版本号）',
        params: IdParams,
        body: MeasureBody,
        response: { 201: MeasureView, ...ErrorResponses },
      },
    },
    async (req, reply) => {
      const id = await addMeasure(ctxOf(req), req.params.id, req.body);
      const measure = (await measuresOf(app.db, [req.params.id])).find((m) => m.id === id)!;
      return reply.status(201).send(presentMeasure(measure, today()));
    },
  );

  app.patch(
    '/problems/:id/measures/:measureId',
    {
      schema: {
        tags,
        summary: '修改整改措施或标记完成（{"status":"done","version"}）',
        params: MeasureParams,
        body: MeasurePatch,
        response: { 200: Ok, ...ErrorResponses },
      },
    },
    async (req) => {
      await updateMeasure(ctxOf(req), req.params.id, req.params.measureId, {
        ...req.body,
        status: req.body.status as 'open' | 'done' | undefined,
      });
      return { ok: true };
    },
  );

  app.post(
    '/problems/:id/measures/:measureId/progress',
    {
      schema: {
        tags,
        summary: '填报整改进展（可附佐证材料）',
        params: MeasureParams,
        body: ProgressBody,
        response: { 201: Ok, ...ErrorResponses },
      },
    },
    async (req, reply) => {
      await reportProgress(ctxOf(req), req.params.id, req.params.measureId, req.body);
      return reply.status(201).send({ ok: true });
    },
  );

  app.post(
    '/problems/:id/measures/:measureId/extensions',
    {
      schema: {
        tags,
        summary: '延期申请',
        params: MeasureParams,
        body: ExtensionBody,
        response: { 201: Type.Object({ id: Type.Integer() }), ...ErrorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send({ id: await requestExtension(ctxOf(req), req.params.id, req.params.measureId, req.body) }),
  );

  app.post(
    '/problems/:id/extensions/:extId/decision',
    {
      schema: {
        tags,
        summary: '审批延期申请',
        params: ExtensionParams,
        body: DecisionBody,
        response: { 200: Ok, ...ErrorResponses },
      },
    },
    async (req) => {
      await decideExtension(ctxOf(req), req.params.id, req.params.extId, req.body);
      return { ok: true };
    },
  );
};
