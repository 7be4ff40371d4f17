import { uploadedBytes, uploadedFile } from '../../http/uploads.ts';
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ErrorResponses } from '../../http/schemas.ts';
import { nowIso } from '../../clock.ts';
import { badRequest, tooLarge } from '../../errors.ts';
import { publicRateLimit } from '../../http/public-rate-limit.ts';
import {
  PublicCategoryList,
  PublicDemandView,
  PublicIntakeBody,
  PublicPhoto,
  Phone4,
  RatingBody,
  TrackingParams,
} from './schemas.ts';
import { publicIntake } from './commands/leave-message.ts';
import { rateDemand } from './commands/rate-demand.ts';
import { demandForCitizen, publicCategories, publicDemandView } from './public-view.ts';
import { imageMime, PHOTO_MAX_BYTES, storePhoto } from './photo-store.ts';
import { insertLoosePhoto } from './repository.ts';
import type { Satisfaction } from '../../../shared/demand-enums.ts';

const tags = ['群众留言（无需登录）'];

/**
 * 你留言我来办, without login: every route is public (the auth hook lets it through) and rate-limited per
 * address; intake is also limited per phone number and carries a honeypot. Nothing personal is returned.
 */
export const publicDemandRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const limited = (perMinute: number) => ({ public: true, rateLimit: publicRateLimit(app, perMinute) });

  app.get(
    '/public/categories',
    {
      config: limited(120),
      schema: {
        tags,
        summary: '诉求类别（与 Open311 service_code 相同）',
        response: { 200: PublicCategoryList, ...ErrorResponses },
      },
    },
    async () => (await publicCategories(app.db)).map(({ code, name, group }) => ({ code, name, group })),
  );

  app.post(
    '/public/photos',
    {
      config: limited(20),
      schema: {
        tags,
        summary: '上传留言照片（multipart 字段 file；JPEG/PNG/WebP，≤ 5 MB）',
        consumes: ['multipart/form-data'],
        response: { 201: PublicPhoto, ...ErrorResponses },
      },
    },
    async (req, reply) => {
      const file = await uploadedFile(req, '请选择照片', { fileSize: PHOTO_MAX_BYTES, files: 1 });
      const bytes = await uploadedBytes(file).catch((e: { code?: string }) => {
        if (e.code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge('照片不能超过 5 MB');
        throw e;
      });
      const mime = imageMime(bytes);
      if (!mime) throw badRequest('只能上传 JPEG、PNG 或 WebP 照片', [{ path: 'file', message: '不是支持的照片格式' }]);
      const sha256 = await storePhoto(app.config.dataDir, bytes);
      const row = await insertLoosePhoto(app.db, { sha256, mime, size: bytes.length, createdAt: nowIso() });
      return reply.status(201).send({ id: row.id, size: bytes.length, type: mime });
    },
  );

  app.post(
    '/public/demands',
    {
      config: limited(10),
      schema: {
        tags,
        summary: '群众留言，返回查询码',
        body: PublicIntakeBody,
        response: { 201: Type.Object({ trackingCode: Type.String() }), ...ErrorResponses },
      },
    },
    async (req, reply) => {
      const { trackingCode } = await publicIntake(app.db, req.body);
      return reply.status(201).send({ trackingCode });
    },
  );

  app.get(
    '/public/demands/:trackingCode',
    {
      config: limited(30),
      schema: {
        tags,
        summary: '凭查询码和手机号后四位查看办理进度与答复',
        params: TrackingParams,
        querystring: Type.Object({ phone4: Phone4 }, { additionalProperties: false }),
        response: { 200: PublicDemandView, ...ErrorResponses },
      },
    },
    async (req) => publicDemandView(app.db, await demandForCitizen(app.db, req.params.trackingCode, req.query.phone4)),
  );

  app.post(
    '/public/demands/:trackingCode/rating',
    {
      config: limited(10),
      schema: {
        tags,
        summary: '对答复进行评价（满意/基本满意/不满意）',
        params: TrackingParams,
        body: RatingBody,
        response: { 200: PublicDemandView, ...ErrorResponses },
      },
    },
    async (req) => {
      const { trackingCode } = req.params;
      await rateDemand(app.db, trackingCode, { ...req.body, satisfaction: req.body.satisfaction as Satisfaction });
      return publicDemandView(app.db, await demandForCitizen(app.db, trackingCode, req.body.phone4));
    },
  );
};
