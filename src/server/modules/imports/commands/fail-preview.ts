import type { Ctx } from '../../../http/context.ts';
import { dropPreviewFile, updatePreview } from '../repository.ts';
import { forgetRecords } from '../jobs.ts';

/** An unexpected error: the preview is failed (with a message to upload again) and its file dropped. */
export async function failPreview(ctx: Ctx, id: number, error: unknown): Promise<void> {
  forgetRecords(id);
  console.error(`import preview ${id} failed`, error);
  await updatePreview(ctx.db, id, { status: 'failed', message: '处理文件时出错，未写入任何数据；请重新上传' }, [
    'reading',
    'checking',
    'writing',
  ]).catch(() => undefined);
  await dropPreviewFile(ctx.db, id).catch(() => undefined);
}
