/** The whole database as Kysely sees it: each module declares its own tables in modules/<m>/tables.ts. */
import type { OrgTables } from '../modules/orgs/tables.ts';
import type { PeopleTables } from '../modules/people/tables.ts';
import type { UserTables } from '../modules/users/tables.ts';
import type { CampaignTables } from '../modules/campaigns/tables.ts';
import type { AuditTables } from '../modules/audit/tables.ts';
import type { AttachmentTables } from '../modules/attachments/tables.ts';
import type { ProblemTables } from '../modules/problems/tables.ts';
import type { InstitutionTables } from '../modules/institutions/tables.ts';
import type { StudyTables } from '../modules/study/tables.ts';
import type { ResearchTables } from '../modules/research/tables.ts';
import type { MeetingTables } from '../modules/meetings/tables.ts';
import type { NotificationTables } from '../modules/notifications/tables.ts';
import type { ReminderTables } from '../modules/reminders/tables.ts';
import type { TaskTables } from '../modules/tasks/tables.ts';
import type { WarningTables } from '../modules/warnings/tables.ts';
import type { AssessmentTables } from '../modules/assessments/tables.ts';
import type { CheckTables } from '../modules/checks/tables.ts';
import type { BulletinTables } from '../modules/bulletins/tables.ts';
import type { ExemplarTables } from '../modules/exemplars/tables.ts';
import type { LeaderTables } from '../modules/leaders/tables.ts';
import type { SupervisionTables } from '../modules/supervision/tables.ts';
import type { CalendarTables } from '../modules/calendar/tables.ts';
import type { DemandTables } from '../modules/demands/tables.ts';
import type { MatterTables } from '../modules/matters/tables.ts';
import type { Open311Tables } from '../modules/open311/tables.ts';
import type { ImportTables } from '../modules/imports/tables.ts';

export interface Database
  extends OrgTables,
    PeopleTables,
    UserTables,
    CampaignTables,
    AuditTables,
    AttachmentTables,
    ProblemTables,
    InstitutionTables,
    StudyTables,
    ResearchTables,
    MeetingTables,
    NotificationTables,
    ReminderTables,
    TaskTables,
    WarningTables,
    AssessmentTables,
    CheckTables,
    BulletinTables,
    ExemplarTables,
    LeaderTables,
    SupervisionTables,
    CalendarTables,
    DemandTables,
    MatterTables,
    Open311Tables,
    ImportTables {}
