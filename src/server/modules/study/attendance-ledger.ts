import { ErrorResponses, XlsxFile } from '../../http/schemas.ts';
/**
 * The sign-in sheet (签到表) of a collective study session: its columns as an import reads them (with the
 * headers branches use), the export of a session's attendance as the caller may see it, and the template.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { notFound } from '../../errors.ts';
import { sendXlsx } from '../../http/xlsx-reply.ts';
import type { LedgerField } from '../../io/ledger/types.ts';
import { recordField, templateWorkbook } from '../../io/ledger-columns.ts';
import { renderSheet, type SheetSpec } from '../../io/xlsx-sheet.ts';
import { attendanceOf, findSession } from './repository.ts';

export const ATTENDANCE_FIELDS: LedgerField[] = [
  recordField('name', '姓名', ['人员姓名', '党员姓名', '参学人员', '参会人员', '应到人员'], {
    required: true,
    name: true,
  }),
  recordField(
    'mark',
    '签到',
    [
      '签到情况',
      '签名',
      '本人签名',
      '签字',
      '出勤情况',
      '出席情况',
      '到会情况',
      '参加情况',
      '是否参加',
      '是否到会',
      '实到',
    ],
    { required: true },
  ),
  recordField('reason', '缺席原因', ['请假原因', '缺席事由', '请假事由', '缺席理由', '未参加原因']),
  recordField('org', '所在单位', ['所在支部', '所在党支部', '单位', '党支部', '部门'], { name: true }),
];

/** What a 签到 cell may say for a person who came, and for one who did not. */
export const PRESENT_MARKS = new Set(['出席', '是', '√', '✓', '✔', '到', '已到', '参加', '实到']);
export const ABSENT_MARKS = new Set(['缺席', '否', '×', '✗', '未到', '未参加']);

type Row = Awaited<ReturnType<typeof attendanceOf>>[number] & { no: number };

const signInSheet = (title: string): SheetSpec<Row> => ({
  title,
  sheetName: '签到表',
  columns: [
    { header: '序号', width: 6, value: (r) => r.no },
    { header: '姓名', width: 12, value: (r) => r.name },
    { header: '签到', width: 8, value: (r) => (r.status === 'present' ? '出席' : '缺席') },
    { header: '缺席原因', width: 30, value: (r) => r.reason },
    {
      header: '补学情况',
      width: 10,
      value: (r) => (r.status === 'absent' ? (r.makeupStatus === 'done' ? '已补学' : '待补学') : ''),
    },
  ],
});

const SessionQuery = Type.Object(
  { sessionId: Type.Integer({ minimum: 1, maximum: 2147483647, title: '学习活动' }) },
  { additionalProperties: false },
);

/** A session's 签到表 as .xlsx (a member sees only their own line, as on the session) and the blank template. */
export const attendanceLedgerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/exports/attendance.xlsx',
    {
      schema: {
        tags: ['台账导入导出'],
        summary: '导出学习活动签到表',
        querystring: SessionQuery,
        response: { 200: XlsxFile('学习活动签到表 .xlsx'), ...ErrorResponses },
      },
    },
    async (req, reply) => {
      const session = await findSession(app.db, req.actor, req.query.sessionId);
      if (!session) throw notFound('学习活动');
      const rows = (await attendanceOf(app.db, req.actor, [session.id])).map((a, i) => ({ ...a, no: i + 1 }));
      const title = `${session.orgName} ${session.date} ${session.topic} 签到表`;
      return sendXlsx(reply, '签到表', await renderSheet(signInSheet(title), rows));
    },
  );

  app.get(
    '/exports/attendance-template.xlsx',
    {
      schema: {
        tags: ['台账导入导出'],
        summary: '签到表模板',
        response: { 200: XlsxFile('签到表模板 .xlsx'), ...ErrorResponses },
      },
    },
    async (_req, reply) =>
      sendXlsx(reply, '签到表模板', await templateWorkbook('集中学习签到表', '签到表', ATTENDANCE_FIELDS)),
  );
};
