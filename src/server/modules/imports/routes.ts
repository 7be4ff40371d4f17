/**
 * Imports of every registered ledger (issue 15): the one-step POST /imports/{ledger} of API.md, and the
 * preview — upload (202, read and checked in the background), follow its progress and records, change the
 * mapping or pick a candidate (re-checked), confirm (written in the background, all or nothing).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { ctxOf, type Ctx } from '../../http/context.ts';
import { ErrorResponses } from '../../http/schemas.ts';
import { notFound } from '../../errors.ts';
import { cleanFileName, idField, uploadedBytes, uploadedFile } from '../../http/uploads.ts';
import { requireCampaign } from '../campaigns/public.ts';
import {
  ImportPreview,
  ImportPreviewList,
  ImportPreviewPatch,
  ImportResultView,
} from '../../../shared/views/imports.ts';
import type { LedgerDefinition } from './definition.ts';
import { requireImporter, requireLedger } from './policy.ts';
import { IdempotencyHeaders, IdParams, LedgerParams, ListQuery, RecordsQuery } from './schemas.ts';
import { expireWaiting, failInterrupted, ownPreview, recentPreviews } from './repository.ts';
import { PREVIEW_DAYS } from './lifecycle.ts';
import { backgroundSettled } from './jobs.ts';
import { summaryView } from './presenter.ts';
import { previewWithRecords } from './records-page.ts';
import { ledgerDefinition } from './registry.ts';
import { startPreview } from './commands/start-preview.ts';
import { editPreview } from './commands/edit-preview.ts';
import { confirmPreview } from './commands/confirm-preview.ts';
import { importDirectly } from './commands/import-directly.ts';

const tags = ['台账导入导出'];

/** The upload: its file, and the campaign and target ids the ledger needs (checked before the bytes are read). */
async function upload(req: FastifyRequest, ctx: Ctx, definition: LedgerDefinition) {
  const file: MultipartFile = await uploadedFile(req, `请选择要导入的${definition.label}`);
  let campaignId: number | null = null;
  if (definition.needsCampaign) {
    campaignId = idField(file, 'campaignId', '请选择主题教育');
    await requireCampaign(ctx.db, campaignId);
  }
  let targetId: number | null = null;
  if (definition.target) {
    targetId = idField(file, definition.target.name, `请选择${definition.target.label}`);
    await definition.target.require(ctx, targetId);
  }
  const bytes = await uploadedBytes(file);
  return { campaignId, targetId, fileName: cleanFileName(file.filename), bytes };
}

export const importRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // A preview some earlier process was working on is finished by nobody: say so rather than show it working;
  // one left unconfirmed for a week lets its file go.
  app.addHook('onReady', async () => {
    await failInterrupted(app.db, '服务重启时该导入尚未处理完，未写入任何数据；请重新上传');
    const cutoff = new Date(Date.now() - PREVIEW_DAYS * 86_400_000).toISOString();
    await expireWaiting(app.db, cutoff, `预览超过 ${PREVIEW_DAYS} 天未确认，已过期；请重新上传`);
  });
  app.addHook('onClose', async () => backgroundSettled());

  const ownOr404 = async (req: FastifyRequest, id: number) => {
    const row = await ownPreview(app.db, req.actor.userId, id);
    if (!row) throw notFound('导入预览');
    return row;
  };

  app.post(
    '/imports/:ledger',
    {
      schema: {
        tags,
        summary: '一步导入台账（multipart：file、campaignId；全部通过才写入；可带 Idempotency-Key）',
        consumes: ['multipart/form-data'],
        params: LedgerParams,
        headers: IdempotencyHeaders,
        response: { 200: ImportResultView, ...ErrorResponses },
      },
    },
    async (req) => {
      const definition = requireLedger(req.params.ledger);
      // A role that may not import this ledger is refused before a byte of the file is read.
      requireImporter(req.actor, definition);
      const ctx = ctxOf(req);
      return importDirectly(
        ctx,
        definition,
        await upload(req, ctx, definition),
        req.headers['idempotency-key'] ?? null,
      );
    },
  );

  app.post(
    '/imports/:ledger/previews',
    {
      schema: {
        tags,
        summary: '上传台账生成导入预览（multipart：file、campaignId；后台读取与核对）',
        consumes: ['multipart/form-data'],
        params: LedgerParams,
        response: { 202: ImportPreview, ...ErrorResponses },
      },
    },
    async (req, reply) => {
      const definition = requireLedger(req.params.ledger);
      requireImporter(req.actor, definition);
      const ctx = ctxOf(req);
      const row = await startPreview(ctx, definition, await upload(req, ctx, definition));
      reply.status(202);
      return previewWithRecords(app.db, definition, row, { offset: 0, limit: 0 });
    },
  );

  app.get(
    '/imports/previews',
    {
      schema: {
        tags,
        summary: '我最近的导入预览',
        querystring: ListQuery,
        response: { 200: ImportPreviewList, ...ErrorResponses },
      },
    },
    async (req) => ({ items: (await recentPreviews(app.db, req.actor.userId, req.query.ledger)).map(summaryView) }),
  );

  app.get(
    '/imports/previews/:id',
    {
      schema: {
        tags,
        summary: '导入预览（含进度；records 按 offset/limit 分页）',
        params: IdParams,
        querystring: RecordsQuery,
        response: { 200: ImportPreview, ...ErrorResponses },
      },
    },
    async (req) => {
      const row = await ownOr404(req, req.params.id);
      return previewWithRecords(app.db, ledgerDefinition(row.ledger), row, {
        offset: req.query.offset ?? 0,
        limit: req.query.limit ?? 100,
      });
    },
  );

  app.patch(
    '/imports/previews/:id',
    {
      schema: {
        tags,
        summary: '修改导入预览的列对应或同名人员的选择（重新核对）',
        params: IdParams,
        body: ImportPreviewPatch,
        response: { 202: ImportPreview, ...ErrorResponses },
      },
    },
    async (req, reply) => {
      const row = await ownOr404(req, req.params.id);
      const definition = requireLedger(row.ledger);
      requireImporter(req.actor, definition);
      const updated = await editPreview(ctxOf(req), definition, row, req.body);
      reply.status(202);
      return previewWithRecords(app.db, definition, updated, { offset: 0, limit: 0 });
    },
  );

  app.post(
    '/imports/previews/:id/confirm',
    {
      schema: {
        tags,
        summary: '确认导入（后台写入，全部通过才写入；可带 Idempotency-Key）',
        params: IdParams,
        headers: IdempotencyHeaders,
        response: { 202: ImportPreview, ...ErrorResponses },
      },
    },
    async (req, reply) => {
      const row = await ownOr404(req, req.params.id);
      const definition = requireLedger(row.ledger);
      requireImporter(req.actor, definition);
      const updated = await confirmPreview(ctxOf(req), definition, row, req.headers['idempotency-key'] ?? null);
      reply.status(202);
      return previewWithRecords(app.db, definition, updated, { offset: 0, limit: 0 });
    },
  );
};
