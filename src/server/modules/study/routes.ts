import { Roster, MyHours, MakeupSet } from './response-schemas.ts';
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { ctxOf } from '../../http/context.ts';
import { ErrorResponses, IdParams, PageOf } from '../../http/schemas.ts';
import { fetchPage } from '../../db/page.ts';
import { notFound } from '../../errors.ts';
import { abilitiesOf } from '../../policies/engine.ts';
import { SESSION_KINDS, SESSION_MODES, type SessionKind, type SessionMode } from '../../../shared/study-enums.ts';
import { filterOrgPath, scopeRoots } from '../orgs/public.ts';
import { campaignStudyTerms } from '../campaigns/public.ts';
import { MakeupView, SessionView, StudyFiguresView } from '../../../shared/views/study.ts';
import { studyPolicy } from './policy.ts';
import {
  attendanceOf,
  findSession,
  makeupColumns,
  makeupQuery,
  rosterQuery,
  sessionColumns,
  sessionQuery,
  type SessionRow,
} from './repository.ts';
import {
  CreateSessionBody,
  FiguresQuery,
  MakeupListQuery,
  MakeupPatch,
  SessionListQuery,
  UpdateSessionBody,
} from './schemas.ts';
import { createSession } from './commands/create-session.ts';
import { updateSession } from './commands/update-session.ts';
import type { Attendance } from './session-attendance.ts';
import { setMakeupStatus } from './commands/set-makeup-status.ts';
import { hoursByPerson, studyFigures } from './figures.ts';
import { threeMeetingsOneLesson } from './three-meetings.ts';
import { today } from '../../clock.ts';

const tags = ['理论学习'];

type AttendanceRow = Awaited<ReturnType<typeof attendanceOf>>[number];
const present = (req: FastifyRequest, s: SessionRow, attendance: AttendanceRow[]) => {
  const { orgPath, readingIds, speakerIds, online, ...rest } = s;
  const mine = attendance.filter((a) => a.sessionId === s.id);
  return {
    ...rest,
    kindLabel: SESSION_KINDS[s.kind as SessionKind] ?? s.kind,
    modeLabel: SESSION_MODES[s.mode as SessionMode] ?? s.mode,
    online: online === 1,
    readingIds: JSON.parse(readingIds) as number[],
    speakerIds: JSON.parse(speakerIds) as number[],
    attendance: mine.map(({ sessionId, ...a }) => a),
    expected: mine.length,
    present: mine.filter((a) => a.status === 'present').length,
    abilities: abilitiesOf(studyPolicy, req.actor, s),
  };
};

/** 理论学习: collective sessions with attendance, make-up items, and the figures of a subtree. */
export const studyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const orgPath = (req: FastifyRequest, orgId?: number) => filterOrgPath(app.db, req.actor.scope, orgId);
  const one = async (req: FastifyRequest, id: number) => {
    const s = await findSession(app.db, req.actor, id);
    if (!s) throw notFound('学习活动');
    return present(req, s, await attendanceOf(app.db, req.actor, [id]));
  };

  app.get(
    '/study/sessions',
    {
      schema: {
        tags,
        summary: '集中学习列表',
        querystring: SessionListQuery,
        response: { 200: PageOf(SessionView), ...ErrorResponses },
      },
    },
    async (req) => {
      const { page = 1, pageSize = 20, orgId, ...rest } = req.query;
      const result = await fetchPage(
        sessionQuery(app.db, req.actor, { ...rest, orgPath: await orgPath(req, orgId) }),
        (qb) => qb.select(sessionColumns).orderBy('studySessions.date', 'desc').orderBy('studySessions.id', 'desc'),
        page,
        pageSize,
      );
      const attendance = await attendanceOf(
        app.db,
        req.actor,
        result.items.map((s) => s.id),
      );
      return { ...result, items: result.items.map((s) => present(req, s, attendance)) };
    },
  );

  app.get(
    '/study/sessions/roster',
    {
      schema: {
        tags,
        summary: '单位名册（快速点名）',
        querystring: Type.Object(
          {
            orgId: Type.Integer({ minimum: 1, title: '单位' }),
            // Whom the session concerns: Party members for 支部党员大会 and the other Party kinds.
            kind: Type.Optional(Type.String({ enum: Object.keys(SESSION_KINDS), title: '学习形式' })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Roster, ...ErrorResponses },
      },
    },
    async (req) => {
      const path = (await orgPath(req, req.query.orgId))!;
      const items = await rosterQuery(app.db, path, req.query.kind ?? 'other')
        .select(['id', 'name', 'position'])
        .orderBy('orgPath')
        .orderBy('namePinyin')
        .execute();
      return { items };
    },
  );

  app.get(
    '/study/sessions/:id',
    { schema: { tags, summary: '集中学习详情', params: IdParams, response: { 200: SessionView, ...ErrorResponses } } },
    async (req) => one(req, req.params.id),
  );

  app.post(
    '/study/sessions',
    {
      schema: {
        tags,
        summary: '记录集中学习（缺席者自动生成补学事项）',
        body: CreateSessionBody,
        response: { 201: SessionView, ...ErrorResponses },
      },
    },
    async (req, reply) => {
      const s = await createSession(ctxOf(req), { ...req.body, attendance: req.body.attendance as Attendance[] });
      return reply.status(201).send(await one(req, s.id));
    },
  );

  app.patch(
    '/study/sessions/:id',
    {
      schema: {
        tags,
        summary: '修改集中学习（出勤变化同步补学事项）',
        params: IdParams,
        body: UpdateSessionBody,
        response: { 200: SessionView, ...ErrorResponses },
      },
    },
    async (req) => {
      await updateSession(ctxOf(req), req.params.id, { ...req.body, attendance: req.body.attendance as Attendance[] });
      return one(req, req.params.id);
    },
  );

  app.get(
    '/study/makeups',
    {
      schema: {
        tags,
        summary: '补课补学事项',
        querystring: MakeupListQuery,
        response: { 200: PageOf(MakeupView), ...ErrorResponses },
      },
    },
    async (req) => {
      const { page = 1, pageSize = 20, orgId, ...rest } = req.query;
      const result = await fetchPage(
        makeupQuery(app.db, req.actor, { ...rest, orgPath: await orgPath(req, orgId) }),
        (qb) => qb.select(makeupColumns).orderBy('studySessions.date', 'desc').orderBy('makeupItems.id'),
        page,
        pageSize,
      );
      return {
        ...result,
        items: result.items.map(({ orgPath: p, ...m }) => ({
          ...m,
          abilities: abilitiesOf(studyPolicy, req.actor, { orgPath: p, personId: m.personId }),
        })),
      };
    },
  );

  app.patch(
    '/study/makeups/:id',
    {
      schema: {
        tags,
        summary: '补学完成或重开',
        params: IdParams,
        body: MakeupPatch,
        response: { 200: MakeupSet, ...ErrorResponses },
      },
    },
    async (req) => {
      await setMakeupStatus(ctxOf(req), req.params.id, { ...req.body, status: req.body.status as 'open' | 'done' });
      return { ok: true };
    },
  );

  app.get(
    '/study/figures',
    {
      schema: {
        tags,
        summary: '学习情况统计（场次、出勤率、全覆盖、补学、人均学时）',
        querystring: FiguresQuery,
        response: { 200: StudyFiguresView, ...ErrorResponses },
      },
    },
    async (req) => {
      const orgId = req.query.orgId ?? (await scopeRoots(app.db, req.actor.scope))[0]?.id;
      const path = orgId ? await orgPath(req, orgId) : undefined;
      if (!path) throw notFound('单位');
      const campaign = req.query.campaignId ? await campaignStudyTerms(app.db, req.query.campaignId) : undefined;
      const to = campaign && campaign.endDate < today() ? campaign.endDate : today();
      const from = campaign?.startDate ?? `${today().slice(0, 4)}-01-01`;
      return {
        orgId,
        ...(await studyFigures(
          app.db,
          req.actor,
          { campaignId: req.query.campaignId, orgPath: path },
          campaign?.minStudyHours ?? 0,
        )),
        threeMeetingsOneLesson: from <= to ? await threeMeetingsOneLesson(app.db, req.actor.scope, path, from, to) : [],
      };
    },
  );

  app.get(
    '/study/my-hours',
    {
      schema: {
        tags,
        summary: '本人学时（对照最低学时，不排名）',
        querystring: Type.Object(
          { campaignId: Type.Integer({ minimum: 1, title: '主题教育' }) },
          { additionalProperties: false },
        ),
        response: { 200: MyHours, ...ErrorResponses },
      },
    },
    async (req) => {
      const campaign = await campaignStudyTerms(app.db, req.query.campaignId);
      if (!campaign) throw notFound('主题教育');
      const mine = req.actor.personId
        ? await hoursByPerson(app.db, req.query.campaignId)
            .where('sessionAttendance.personId', '=', req.actor.personId)
            .executeTakeFirst()
        : undefined;
      return { hours: Number(mine?.hours ?? 0), minimum: campaign.minStudyHours };
    },
  );
};
