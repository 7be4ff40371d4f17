import type { Static } from 'typebox';
import type { ProblemColour } from '../../../shared/problem-enums.ts';
import { anyOrg } from '../orgs/public.ts';
import { describeFilter, ExportQuery, titled } from './ledger-filter.ts';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { renderSheet, renderSheetStream } from '../../io/xlsx-sheet.ts';
import { sendXlsx } from '../../http/xlsx-reply.ts';
import { ErrorResponses, XlsxFile } from '../../http/schemas.ts';
import { orgPathFilter } from './routes.ts';
import { ledgerBatches, onePerProblem, problemListSheet, rectificationSheet, resultsSheet } from './ledgers.ts';
import { warningDaysOf } from './repository.ts';
import { judgeDates } from './presenter.ts';

const tags = ['台账导入导出'];

/** 整改台账, 问题清单 and 成果清单 as print-ready .xlsx; the 整改台账 import template. */
export const ledgerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  /** The list's rows for the export's filters, and those filters in words for the title row. */
  const load = async (
    req: Parameters<typeof orgPathFilter>[0],
    query: Static<typeof ExportQuery>,
    extra: { status?: string } = {},
  ) => {
    const { orgId, colour, ...filter } = { ...query, ...extra };
    const dates = judgeDates(await warningDaysOf(app.db, query.campaignId));
    const orgPath = await orgPathFilter(req, orgId);
    const orgName = orgId ? (await anyOrg(app.db, orgId))?.name : undefined;
    return {
      dates,
      described: describeFilter(query, orgName),
      rows: ledgerBatches(
        app.db,
        req.actor,
        { ...filter, orgPath, colour: colour as ProblemColour | undefined },
        dates,
      ),
    };
  };

  app.get(
    '/exports/rectification.xlsx',
    {
      schema: {
        tags,
        summary: '导出整改台账',
        querystring: ExportQuery,
        response: { 200: XlsxFile('整改台账 .xlsx'), ...ErrorResponses },
      },
    },
    async (req, reply) => {
      const { rows, dates, described } = await load(req, req.query);
      const sheet = rectificationSheet(titled('检视问题整改落实台账', described), dates);
      return sendXlsx(reply, '整改台账', await renderSheetStream(sheet, rows));
    },
  );

  app.get(
    '/exports/problems.xlsx',
    {
      schema: {
        tags,
        summary: '导出问题清单',
        querystring: ExportQuery,
        response: { 200: XlsxFile('问题清单 .xlsx'), ...ErrorResponses },
      },
    },
    async (req, reply) => {
      const { rows, dates, described } = await load(req, req.query);
      const sheet = problemListSheet(titled('检视问题清单', described), dates);
      return sendXlsx(reply, '问题清单', await renderSheetStream(sheet, onePerProblem(rows)));
    },
  );

  app.get(
    '/exports/results.xlsx',
    {
      schema: {
        tags,
        summary: '导出成果清单（已销号问题）',
        querystring: ExportQuery,
        response: { 200: XlsxFile('成果清单 .xlsx'), ...ErrorResponses },
      },
    },
    async (req, reply) => {
      const { rows, described } = await load(req, req.query, { status: 'closed' });
      return sendXlsx(
        reply,
        '成果清单',
        await renderSheetStream(resultsSheet(titled('整改成果清单', described)), rows),
      );
    },
  );

  app.get(
    '/exports/rectification-template.xlsx',
    {
      schema: {
        tags,
        summary: '下载整改台账导入模板',
        response: { 200: XlsxFile('整改台账导入模板 .xlsx'), ...ErrorResponses },
      },
    },
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
  // The import itself: POST /imports/rectification of the imports module (rectification-ledger.ts).
};
