/** Every API module's routes, mounted under /api/v1. A new module adds one line here. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { authRoutes } from '../auth/routes.ts';
import { systemRoutes } from './system/routes.ts';
import { orgRoutes } from './orgs/routes.ts';
import { userRoutes } from './users/routes.ts';
import { peopleRoutes } from './people/routes.ts';
import { auditRoutes } from './audit/routes.ts';
import { campaignRoutes } from './campaigns/routes.ts';
import { attachmentRoutes } from './attachments/routes.ts';
import { problemRoutes } from './problems/routes.ts';
import { measureRoutes } from './problems/measure-routes.ts';
import { problemFigureRoutes } from './problems/figure-routes.ts';
import { ledgerRoutes } from './problems/ledger-routes.ts';
import { institutionRoutes } from './institutions/routes.ts';
import { specialItemRoutes } from './problems/special-item-routes.ts';
import { calendarRoutes } from './calendar/routes.ts';
import { studyRoutes } from './study/routes.ts';
import { studyLedgerRoutes } from './study/ledger-routes.ts';
import { attendanceImportRoutes } from './study/attendance-import.ts';
import { studyPlanRoutes } from './study/plan-routes.ts';
import { researchRoutes } from './research/routes.ts';
import { meetingRoutes } from './meetings/routes.ts';
import { leaderRoutes } from './leaders/routes.ts';
import { supervisionRoutes } from './supervision/routes.ts';
import { dashboardRoutes } from './dashboard/routes.ts';
import { checkRoutes } from './checks/routes.ts';
import { bulletinRoutes } from './bulletins/routes.ts';
import { exemplarRoutes } from './exemplars/routes.ts';

export const apiModules: FastifyPluginAsyncTypebox[] = [
  systemRoutes,
  authRoutes,
  orgRoutes,
  peopleRoutes,
  userRoutes,
  leaderRoutes,
  supervisionRoutes,
  campaignRoutes,
  attachmentRoutes,
  problemFigureRoutes,
  problemRoutes,
  measureRoutes,
  ledgerRoutes,
  institutionRoutes,
  specialItemRoutes,
  calendarRoutes,
  studyRoutes,
  studyLedgerRoutes,
  attendanceImportRoutes,
  studyPlanRoutes,
  researchRoutes,
  meetingRoutes,
  dashboardRoutes,
  checkRoutes,
  bulletinRoutes,
  exemplarRoutes,
  auditRoutes,
];
