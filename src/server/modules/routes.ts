/** Every API module's routes, mounted under /api/v1. A new module adds one line here. */
import type { FastifyPluginAsync } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { authRoutes } from '../auth/routes.ts';
import { systemRoutes } from './system/routes.ts';
import { orgRoutes } from './orgs/routes.ts';
import { userRoutes } from './users/routes.ts';
import { peopleRoutes } from './people/routes.ts';
import { peopleLedgerRoutes } from './people/ledger.ts';
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
import { reminderRoutes } from './reminders/routes.ts';
import { studyRoutes } from './study/routes.ts';
import { studyLedgerRoutes } from './study/ledger-routes.ts';
import { attendanceLedgerRoutes } from './study/attendance-ledger.ts';
import { studyPlanRoutes } from './study/plan-routes.ts';
import { researchRoutes } from './research/routes.ts';
import { meetingRoutes } from './meetings/routes.ts';
import { leaderRoutes } from './leaders/routes.ts';
import { supervisionRoutes } from './supervision/routes.ts';
import { dashboardRoutes } from './dashboard/routes.ts';
import { todoRoutes } from './todos/routes.ts';
import { notificationRoutes } from './notifications/routes.ts';
import { webhookRoutes } from './notifications/webhook-routes.ts';
import { listenForRecordEvents } from './notifications/listeners.ts';
import { taskRoutes } from './tasks/routes.ts';
import { taskLedgerRoutes } from './tasks/ledger.ts';
import { warningRoutes } from './warnings/routes.ts';
import { idleUnitRoutes } from './study/idle-unit-routes.ts';
import { registerAttachmentLink } from './attachments/public.ts';
import { problemAttachmentLink, rectificationLedger, visibleProblemIds } from './problems/public.ts';
import { institutionAttachmentLink, visibleInstitutionIds } from './institutions/public.ts';
import { meetingAttachmentLink, visibleMeetingIds } from './meetings/public.ts';
import { taskAttachmentLink, visibleTaskIds } from './tasks/public.ts';
import { registerTimelineSubject } from './audit/public.ts';
import { visibleDemandIds } from './demands/public.ts';
import { registerLedger } from './imports/public.ts';
import { importRoutes } from './imports/routes.ts';
import { matterAttachmentLink } from './matters/public.ts';
import { assessmentEntryAttachmentLink } from './assessments/public.ts';
import { taskLedger } from './tasks/public.ts';
import { rosterLedger } from './people/public.ts';
import { signInLedger } from './study/public.ts';
import { demandLedger } from './demands/public.ts';

// Records that link attachments: each owning module says who may open the files its records link.
// A new module whose table references attachments adds one line here.
registerAttachmentLink('problems', problemAttachmentLink);
registerAttachmentLink('institutions', institutionAttachmentLink);
registerAttachmentLink('meetings', meetingAttachmentLink);
registerAttachmentLink('tasks', taskAttachmentLink);
registerAttachmentLink('matters', matterAttachmentLink);
registerAttachmentLink('assessments', assessmentEntryAttachmentLink);
// Records seen beyond the unit path their history was stored under: whoever sees the record reads its history.
registerTimelineSubject('problem', visibleProblemIds);
registerTimelineSubject('task', visibleTaskIds);
registerTimelineSubject('demand', visibleDemandIds);
registerTimelineSubject('life_meeting', visibleMeetingIds);
registerTimelineSubject('institution', visibleInstitutionIds);
// Importable ledgers: each owning module defines its own (imports/definition.ts). A new one adds a line here.
registerLedger(rectificationLedger);
registerLedger(rosterLedger);
registerLedger(signInLedger);
registerLedger(taskLedger);
registerLedger(demandLedger);
// 站内消息 for other modules' events (spot-check findings, bulletins): see notifications/listeners.ts.
listenForRecordEvents();
import { assessmentRoutes } from './assessments/routes.ts';
import { assessmentExportRoutes } from './assessments/export-routes.ts';
import { accountabilityRoutes } from './assessments/accountability-routes.ts';
import { checkRoutes } from './checks/routes.ts';
import { bulletinRoutes } from './bulletins/routes.ts';
import { exemplarRoutes } from './exemplars/routes.ts';
import { demandRoutes } from './demands/routes.ts';
import { demandLedgerRoutes } from './demands/ledger.ts';
import { demandFigureRoutes } from './demands/figure-routes.ts';
import { publicDemandRoutes } from './demands/public-routes.ts';
import { open311KeyRoutes } from './open311/key-routes.ts';
import { matterRoutes } from './matters/routes.ts';
import { matterLedgerRoutes } from './matters/ledger.ts';
import { open311Routes } from './open311/routes.ts';

export const apiModules: FastifyPluginAsyncTypebox[] = [
  systemRoutes,
  authRoutes,
  orgRoutes,
  peopleRoutes,
  peopleLedgerRoutes,
  userRoutes,
  leaderRoutes,
  supervisionRoutes,
  campaignRoutes,
  attachmentRoutes,
  problemFigureRoutes,
  problemRoutes,
  measureRoutes,
  ledgerRoutes,
  importRoutes,
  institutionRoutes,
  specialItemRoutes,
  calendarRoutes,
  studyRoutes,
  studyLedgerRoutes,
  attendanceLedgerRoutes,
  studyPlanRoutes,
  idleUnitRoutes,
  researchRoutes,
  meetingRoutes,
  taskRoutes,
  taskLedgerRoutes,
  warningRoutes,
  dashboardRoutes,
  todoRoutes,
  notificationRoutes,
  webhookRoutes,
  reminderRoutes,
  assessmentRoutes,
  assessmentExportRoutes,
  accountabilityRoutes,
  checkRoutes,
  bulletinRoutes,
  exemplarRoutes,
  demandFigureRoutes,
  demandRoutes,
  demandLedgerRoutes,
  publicDemandRoutes,
  matterRoutes,
  matterLedgerRoutes,
  open311KeyRoutes,
  auditRoutes,
];

/** Modules mounted outside /api/v1 (standard paths other platforms expect). */
export const rootModules: Array<{ plugin: FastifyPluginAsync; prefix: string }> = [
  { plugin: open311Routes, prefix: '/open311/v2' },
];
