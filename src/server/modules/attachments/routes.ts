import fs from 'node:fs';
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponses, IdParams } from '../../http/schemas.ts';
import { ctxOf } from '../../http/context.ts';
import { notFound } from '../../errors.ts';
import { blobPath } from './storage.ts';
import { findVisibleAttachment } from './repository.ts';
import { uploadAttachment } from './commands/upload-attachment.ts';
import { uploadedFile } from '../../http/uploads.ts';

const tags = ['附件'];
const Attachment = Type.Object({ id: Type.Integer(), name: Type.String(), size: Type.Integer(), type: Type.String() });
// A stream is sent as is (never serialized); the schema documents it.
const FileBody = Type.Unknown({ description: '文件内容（二进制）' });

/** Evidence files and documents: uploaded once, stored by content, streamed back to those who may see them. */
export const attachmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/attachments',
    {
      schema: {
        tags,
        summary: '上传附件（multipart，字段 file）',
        consumes: ['multipart/form-data'],
        response: { 201: Attachment, ...ErrorResponses },
      },
    },
    async (req, reply) =>
      reply.status(201).send(await uploadAttachment(ctxOf(req), app.config.dataDir, await uploadedFile(req))),
  );

  app.get(
    '/attachments/:id',
    { schema: { tags, summary: '下载附件', params: IdParams, response: { 200: FileBody, ...ErrorResponses } } },
    async (req, reply) => {
      const row = await findVisibleAttachment(app.db, req.actor, req.params.id);
      if (!row) throw notFound('附件');
      const file = blobPath(app.config.dataDir, row.sha256);
      if (!fs.existsSync(file)) throw notFound('附件文件');
      return reply
        .type(row.mime)
        .header('content-length', row.size)
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(row.name)}`)
        .header('x-content-type-options', 'nosniff')
        .send(fs.createReadStream(file));
    },
  );
};
