import { Type } from 'typebox';
import { sql } from 'kysely';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';

/** Health check for load balancers and scripts. */
export const systemRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/health',
    {
      config: { public: true },
      schema: { tags: ['系统'], summary: '健康检查', response: { 200: Type.Object({ status: Type.String() }) } },
    },
    async () => {
      await sql`select 1`.execute(app.db);
      return { status: 'ok' };
    },
  );
};
