/** Every API module's routes, mounted under /api/v1. A new module adds one line here. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { authRoutes } from '../auth/routes.ts';
import { systemRoutes } from './system/routes.ts';
import { orgRoutes } from './orgs/routes.ts';
import { userRoutes } from './users/routes.ts';
import { leaderRoutes } from './leaders/routes.ts';
import { supervisionRoutes } from './supervision/routes.ts';

export const apiModules: FastifyPluginAsyncTypebox[] = [systemRoutes, authRoutes, orgRoutes, userRoutes, leaderRoutes, supervisionRoutes];
