import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ctxOf } from '../../http/context.ts';
import { ErrorResponses } from '../../http/schemas.ts';
import { importForbidden } from '../../errors.ts';
import { idField, uploadedBytes, uploadedFile } from '../../http/uploads.ts';
import { hasRole } from '../../policies/engine.ts';
import { PROBLEM_RECORDERS } from './policy.ts';
import { renderSheet, renderSheetStream } from '../../io/xlsx-sheet.ts';
import { sendXlsx } from '../../http/xlsx-reply.ts';
import { orgPathFilter } from './routes.ts';
import { ledgerBatches, onePerProblem, problemListSheet, rectificationSheet, resultsSheet } from './ledgers.ts';
import { warningDaysOf } from './repository.ts';
import { judgeDates } from './presenter.ts';
import { importRectification } from './commands/import-rectification.ts';

const tags = ['台账导入导出'];
const ExportQuery = Type.Object(
  {
    campaignId: Type.Integer({ minimum: 1, title: '主题教育' }),
    orgId: Type.Optional(Type.Integer({ minimum: 1, title: '单位' })),
  },
  { additionalProperties: false },
);

/** 整改台账, 问题清单 and 成果清单 as print-ready .xlsx; the 整改台账 template and its all-or-nothing import. */
export const ledgerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const load = async (
    req: Parameters<typeof orgPathFilter>[0],
    query: { campaignId: number; orgId?: number },
    extra: { status?: string } = {},
  ) => {
    const dates = judgeDates(await warningDaysOf(app.db, query.campaignId));
    const orgPath = await orgPathFilter(req, query.orgId);
    return {
      dates,
      rows: ledgerBatches(app.db, req.actor, { campaignId: query.campaignId, orgPath, ...extra }, dates),
    };
  };

  app.get(
    '/exports/rectification.xlsx',
    { schema: { tags, summary: '导出整改台账', querystring: ExportQuery } },
    async (req, reply) => {
      const { rows } = await load(req, req.query);
      return sendXlsx(reply, '整改台账', await renderSheetStream(rectificationSheet('检视问题整改落实台账'), rows));
    },
  );

  app.get(
    '/exports/problems.xlsx',
    { schema: { tags, summary: '导出问题清单', querystring: ExportQuery } },
    async (req, reply) => {
      const { rows, dates } = await load(req, req.query);
      return sendXlsx(
        reply,
        '问题清单',
        await renderSheetStream(problemListSheet('检视问题清单', dates), onePerProblem(rows)),
      );
    },
  );

  app.get(
    '/exports/results.xlsx',
    { schema: { tags, summary: '导出成果清单（已销号问题）', querystring: ExportQuery } },
    async (req, reply) => {
      const { rows } = await load(req, req.query, { status: 'closed' });
      return sendXlsx(reply, '成果清单', await renderSheetStream(resultsSheet('整改成果清单'), rows));
    },
  );

  app.get(
    '/exports/rectification-template.xlsx',
    { schema: { tags, summary: '下载整改台账导入模板' } },
    async (_req, reply) =>
      sendXlsx(
        reply,
        '整改台账导入模板',
        await renderSheet(
          rectificationSheet('检视问题整改落实台账（导入模板：同一序号的多行为同一问题的多条措施）'),
          [],
        ),
      ),
  );

  app.post(
    '/imports/rectification',
    {
      schema: {
        tags,
        summary: '导入整改台账（multipart：file、campaignId；全部通过才写入）',
        consumes: ['multipart/form-data'],
        response: { 200: Type.Object({ created: Type.Integer(), updated: Type.Integer() }), ...ErrorResponses },
      },
    },
    async (req) => {
      // A role that cannot record problems is refused before a byte of the file is read.
      if (!hasRole(req.actor, ...PROBLEM_RECORDERS)) throw importForbidden();
      const file = await uploadedFile(req, '请选择要导入的文件');
      const buffer = await uploadedBytes(file);
      const campaignId = idField(file, 'campaignId', '请选择主题教育');
      return importRectification(ctxOf(req), campaignId, buffer);
    },
  );
};
