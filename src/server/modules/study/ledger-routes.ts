import { XlsxFile, ErrorResponses } from '../../http/schemas.ts';
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sendXlsx } from '../../http/xlsx-reply.ts';
import { renderSheet, type SheetSpec } from '../../io/xlsx-sheet.ts';
import { SESSION_KINDS, type SessionKind } from '../../../shared/study-enums.ts';
import { filterOrgPath } from '../orgs/public.ts';
import { attendanceOf, sessionColumns, sessionQuery, type SessionRow } from './repository.ts';

type Row = SessionRow & { attendance: Awaited<ReturnType<typeof attendanceOf>> };

const studySheet: SheetSpec<Row & { no: number }> = {
  title: '集中学习台账',
  sheetName: '学习台账',
  columns: [
    { header: '序号', width: 6, value: (r) => r.no },
    { header: '日期', width: 12, value: (r) => r.date },
    { header: '单位', width: 18, value: (r) => r.orgName },
    { header: '形式', width: 14, value: (r) => SESSION_KINDS[r.kind as SessionKind] ?? r.kind },
    { header: '主题', width: 32, value: (r) => r.topic },
    { header: '主讲人', width: 10, value: (r) => r.speaker },
    { header: '学时', width: 6, value: (r) => r.hours },
    { header: '应到', width: 6, value: (r) => r.attendance.length },
    { header: '实到', width: 6, value: (r) => r.attendance.filter((a) => a.status === 'present').length },
    {
      header: '缺席人员及原因',
      width: 28,
      value: (r) =>
        r.attendance
          .filter((a) => a.status === 'absent')
          .map((a) => `${a.name}（${a.reason}）`)
          .join('、'),
    },
    {
      header: '补学情况',
      width: 24,
      value: (r) =>
        r.attendance
          .filter((a) => a.status === 'absent')
          .map((a) => `${a.name}${a.makeupStatus === 'done' ? '已补学' : '待补学'}`)
          .join('、'),
    },
  ],
};

/** 学习台账 as a print-ready .xlsx, from the same scoped session query as the list. */
export const studyLedgerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/exports/study.xlsx',
    {
      schema: {
        tags: ['台账导入导出'],
        summary: '导出学习台账',
        querystring: Type.Object(
          {
            campaignId: Type.Integer({ minimum: 1, title: '主题教育' }),
            orgId: Type.Optional(Type.Integer({ minimum: 1, title: '单位' })),
          },
          { additionalProperties: false },
        ),
        response: { 200: XlsxFile('学习台账 .xlsx'), ...ErrorResponses },
      },
    },
    async (req, reply) => {
      const orgPath = await filterOrgPath(app.db, req.actor.scope, req.query.orgId);
      const sessions = await sessionQuery(app.db, req.actor, { campaignId: req.query.campaignId, orgPath })
        .select(sessionColumns)
        .orderBy('studySessions.date')
        .orderBy('studySessions.id')
        .execute();
      const attendance = await attendanceOf(
        app.db,
        req.actor,
        sessions.map((s) => s.id),
      );
      const rows = sessions.map((s, i) => ({
        ...s,
        no: i + 1,
        attendance: attendance.filter((a) => a.sessionId === s.id),
      }));
      return sendXlsx(reply, '学习台账', await renderSheet(studySheet, rows));
    },
  );
};
