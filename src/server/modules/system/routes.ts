import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { databaseAnswers } from '../../db/connection.ts';

const Health = Type.Object({ status: Type.String() });

/** Health check for load balancers and scripts. */
export const systemRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/health',
    { config: { public: true }, schema: { tags: ['系统'], summary: '健康检查', response: { 200: Health } } },
    async () => {
      await databaseAnswers(app.db);
      return { status: 'ok' };
    },
  );
};
