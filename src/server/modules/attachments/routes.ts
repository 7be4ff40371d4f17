import fs from 'node:fs';
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponses, IdParams } from '../../http/schemas.ts';
import { badRequest, notFound, tooLarge } from '../../errors.ts';
import { MAX_UPLOAD_BYTES } from '../../http/limits.ts';
import { nowIso } from '../../clock.ts';
import { inScope } from '../../db/scope.ts';
import { ALLOWED_EXTENSIONS, typeOf } from './file-types.ts';
import { blobPath, receiveStream } from './storage.ts';
import { cleanFileName, consumeUpload, uploadedFile } from '../../http/uploads.ts';

const tags = ['附件'];
const Attachment = Type.Object({ id: Type.Integer(), name: Type.String(), size: Type.Integer(), type: Type.String() });

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
    async (req, reply) => {
      const file = await uploadedFile(req);
      const name = cleanFileName(file.filename);
      const type = typeOf(name);
      if (!type) {
        file.file.resume();
        throw badRequest(`不支持的文件类型，允许：${ALLOWED_EXTENSIONS.join('、')}`, [
          { path: 'file', message: '不支持的文件类型' },
        ]);
      }
      const stored = await consumeUpload(() => receiveStream(app.config.dataDir, file.file));
      // Checked while the file is still a temporary one: a rejected upload leaves nothing on disk.
      try {
        if (file.file.truncated) throw tooLarge(`文件超过大小限制（最大 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB）`);
        if (stored.size === 0) throw badRequest('文件是空的', [{ path: 'file', message: '文件是空的' }]);
        if (!type.magic(stored.head))
          throw badRequest('文件内容与扩展名不符', [{ path: 'file', message: '文件内容与扩展名不符' }]);
      } catch (error) {
        stored.discard();
        throw error;
      }
      stored.commit();
      const row = await app.db.transaction().execute(async (trx) =>
        trx
          .insertInto('attachments')
          .values({
            sha256: stored.sha256,
            name,
            size: stored.size,
            mime: type.mime,
            uploadedBy: req.actor.userId,
            orgPath: req.actor.orgPath,
            createdAt: nowIso(),
          })
          .returning('id')
          .executeTakeFirstOrThrow(),
      );
      return reply.status(201).send({ id: row.id, name, size: stored.size, type: type.mime });
    },
  );

  app.get('/attachments/:id', { schema: { tags, summary: '下载附件', params: IdParams } }, async (req, reply) => {
    const row = await app.db
      .selectFrom('attachments')
      .select(['id', 'name', 'mime', 'size', 'sha256'])
      .where('id', '=', req.params.id)
      .where((eb) =>
        eb.or([
          eb('uploadedBy', '=', req.actor.userId),
          inScope(req.actor.scope, 'attachments.orgPath')(eb),
          problemEvidenceInScope(eb, req.actor.scope),
        ]),
      )
      .executeTakeFirst();
    if (!row) throw notFound('附件');
    const file = blobPath(app.config.dataDir, row.sha256);
    if (!fs.existsSync(file)) throw notFound('附件文件');
    return reply
      .type(row.mime)
      .header('content-length', row.size)
      .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(row.name)}`)
      .header('x-content-type-options', 'nosniff')
      .send(fs.createReadStream(file));
  });
};

/** A file attached as evidence to a problem the caller can see is readable too (e.g. by the reviewer above). */
function problemEvidenceInScope(eb: Parameters<ReturnType<typeof inScope>>[0], scope: Parameters<typeof inScope>[0]) {
  return eb.exists(
    eb
      .selectFrom('problemEvidence')
      .innerJoin('problems', 'problems.id', 'problemEvidence.problemId')
      .select('problemEvidence.id')
      .whereRef('problemEvidence.attachmentId', '=', 'attachments.id')
      .where(inScope(scope, 'problems.orgPath')),
  );
}
