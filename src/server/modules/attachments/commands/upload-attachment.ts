import type { MultipartFile } from '@fastify/multipart';
import type { Ctx } from '../../../http/context.ts';
import { badRequest, tooLarge } from '../../../errors.ts';
import { MAX_UPLOAD_BYTES } from '../../../http/limits.ts';
import { ALLOWED_EXTENSIONS, typeOf } from '../file-types.ts';
import { receiveStream } from '../storage.ts';
import { cleanFileName, consumeUpload } from '../../../http/uploads.ts';
import { insertAttachment } from '../repository.ts';

const fileError = (message: string) => badRequest(message, [{ path: 'file', message }]);

/** Stores an uploaded file by content after checking its type, size and signature; the uploader owns it. */
export async function uploadAttachment(ctx: Ctx, dataDir: string, file: MultipartFile | undefined) {
  if (!file) throw fileError('请选择要上传的文件');
  const name = cleanFileName(file.filename);
  const type = typeOf(name);
  if (!type) {
    file.file.resume();
    throw badRequest(`不支持的文件类型，允许：${ALLOWED_EXTENSIONS.join('、')}`, [
      { path: 'file', message: '不支持的文件类型' },
    ]);
  }
  const stored = await consumeUpload(() => receiveStream(dataDir, file.file));
  // Checked while the file is still a temporary one: a rejected upload leaves nothing on disk.
  try {
    if (file.file.truncated) throw tooLarge(`文件超过大小限制（最大 ${MAX_UPLOAD_BYTES / 1024 / 1024} MB）`);
    if (stored.size === 0) throw fileError('文件是空的');
    if (!type.magic(stored.head)) throw fileError('文件内容与扩展名不符');
  } catch (error) {
    stored.discard();
    throw error;
  }
  stored.commit();
  const row = await insertAttachment(ctx.db, ctx.actor, {
    sha256: stored.sha256,
    name,
    size: stored.size,
    mime: type.mime,
  });
  return { id: row.id, name, size: stored.size, type: type.mime };
}
