import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ctxOf } from '../../http/context.ts';
import { ErrorResponses, XlsxFile } from '../../http/schemas.ts';
import { importForbidden, importRejected, notFound } from '../../errors.ts';
import { idField, uploadedBytes, uploadedFile } from '../../http/uploads.ts';
import { CellErrors } from '../../io/cell-errors.ts';
import { hasRole } from '../../policies/engine.ts';
import { STUDY_RECORDERS } from './policy.ts';
import { sendXlsx } from '../../http/xlsx-reply.ts';
import { readUploadedSheet, renderSheet } from '../../io/xlsx-sheet.ts';
import { findSession, rosterQuery } from './repository.ts';
import { rosterOf } from '../../../shared/study-enums.ts';
import { replaceAttendance, type Attendance } from './commands/save-session.ts';

const HEADERS = ['姓名', '签到', '缺席原因'];
const PRESENT = new Set(['出席', '是', '√', '到', '已到']);
const ABSENT = new Set(['缺席', '否', '×', '未到']);

/** Attendance from an uploaded sign-in sheet (.xlsx), checked cell by cell, written only when every row passes. */
export const attendanceImportRoutes: FastifyPluginAsyncTypebox = async (app) => {
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
      sendXlsx(
        reply,
        '签到表模板',
        await renderSheet(
          {
            title: '集中学习签到表',
            sheetName: '签到表',
            columns: HEADERS.map((h) => ({ header: h, width: h === '缺席原因' ? 30 : 14, value: () => '' })),
          },
          [],
        ),
      ),
  );

  app.post(
    '/imports/attendance',
    {
      schema: {
        tags: ['台账导入导出'],
        summary: '导入签到表（multipart：sessionId、file）',
        consumes: ['multipart/form-data'],
        response: { 200: Type.Object({ created: Type.Integer(), updated: Type.Integer() }), ...ErrorResponses },
      },
    },
    async (req) => {
      // Only those who record sessions reach the parser (the session's scope is checked once it is known).
      if (!hasRole(req.actor, ...STUDY_RECORDERS)) throw importForbidden();
      const file = await uploadedFile(req, '请选择要导入的签到表');
      const sessionId = idField(file, 'sessionId', '请选择学习活动');
      const session = await findSession(app.db, req.actor, sessionId);
      if (!session) throw notFound('学习活动');
      const sheet = await readUploadedSheet(
        await uploadedBytes(file),
        HEADERS,
        '无法读取文件：请上传 .xlsx 格式的签到表',
      );
      if (sheet.missing.includes('姓名') || sheet.missing.includes('签到'))
        throw importRejected(
          sheet.missing.map((h) => ({ row: 1, column: h, message: `缺少“${h}”列，请使用签到表模板` })),
        );
      const roster = await rosterQuery(app.db, session.orgPath, session.kind).select(['id', 'name']).execute();
      const book = rosterOf(session.kind) === 'party' ? '党员名册' : '名册';
      const errors = new CellErrors();
      const attendance: Attendance[] = [];
      const seen = new Set<number>();
      const rosterByName = Map.groupBy(roster, (p) => p.name);
      for (const { row, cells } of sheet.rows) {
        const name = cells.姓名.text;
        const matches = rosterByName.get(name) ?? [];
        if (!name) errors.push({ row, column: '姓名', message: '不能为空' });
        else if (!matches.length) errors.push({ row, column: '姓名', message: `“${name}”不在本单位${book}中` });
        else if (matches.length > 1)
          errors.push({ row, column: '姓名', message: `本单位有 ${matches.length} 位“${name}”，无法确定是谁` });
        else if (seen.has(matches[0].id)) errors.push({ row, column: '姓名', message: `“${name}”重复出现` });
        const mark = cells.签到.text;
        const status = PRESENT.has(mark) ? 'present' : ABSENT.has(mark) ? 'absent' : null;
        if (!status) errors.push({ row, column: '签到', message: `“${mark}”无法识别，应为“出席”或“缺席”` });
        const reason = cells.缺席原因?.text ?? '';
        if (status === 'absent' && !reason) errors.push({ row, column: '缺席原因', message: '缺席须填写原因' });
        if (matches.length === 1 && status && !seen.has(matches[0].id)) {
          seen.add(matches[0].id);
          attendance.push({ personId: matches[0].id, status, reason });
        }
      }
      if (!sheet.rows.length) errors.push({ row: 2, column: '姓名', message: '签到表中没有数据行' });
      if (errors.length) throw errors.rejection();
      await replaceAttendance(ctxOf(req), sessionId, attendance);
      return { created: attendance.length, updated: 0 };
    },
  );
};
