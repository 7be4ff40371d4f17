import { XlsxFile, ErrorResponses, FileResponse } from '../../http/schemas.ts';
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sendXlsx } from '../../http/xlsx-reply.ts';
import { renderSheet, type SheetSpec } from '../../io/xlsx-sheet.ts';
import { notFound } from '../../errors.ts';
import { findAssessment, indicatorsOf, type AssessmentRow, type IndicatorRow } from './repository.ts';
import { readScores } from './read-scores.ts';
import { presentScores } from './presenter.ts';
import { renderOfficialDocument } from '../bulletins/public.ts';
import { assessmentBulletin } from './bulletin-document.ts';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const AssessmentQuery = Type.Object(
  { assessmentId: Type.Integer({ minimum: 1, maximum: 2147483647, title: '考核' }) },
  { additionalProperties: false },
);

type Row = ReturnType<typeof presentScores>['items'][number] & { no: number | string };

const STARS = ['—', '一星', '二星', '三星', '四星', '五星'];

/** The ranking with one column per indicator (points), unit names as they were when it was scored. */
function assessmentSheet(a: AssessmentRow, indicators: IndicatorRow[]): SheetSpec<Row> {
  return {
    title: `${a.name}（${a.period}）得分排名表`,
    sheetName: '得分排名',
    columns: [
      { header: '序号', width: 6, value: (r) => r.no },
      { header: '分组', width: 12, value: (r) => r.groupLabel },
      { header: '单位', width: 24, value: (r) => r.orgName },
      { header: '总分', width: 8, value: (r) => r.score ?? '无数据' },
      { header: '组内排名', width: 8, value: (r) => r.rank ?? '—' },
      { header: '组内单位数', width: 10, value: (r) => r.groupSize || '—' },
      { header: '星级', width: 8, value: (r) => (r.vetoed ? '一票否决' : r.stars === null ? '—' : STARS[r.stars]) },
      ...indicators
        .filter((i) => i.kind !== 'veto')
        .map((i) => ({
          header: `${i.name}（${Number(i.maxPoints)}分）`,
          width: 14,
          value: (r: Row) => r.parts.find((p) => p.indicatorId === i.id)?.points ?? '',
        })),
      { header: '考核周期', width: 12, value: () => a.period },
    ],
  };
}

/** 考核结果 as a print-ready .xlsx: exactly the rows the caller may see on the scores page. */
export const assessmentExportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/exports/assessment.xlsx',
    {
      schema: {
        tags: ['台账导入导出'],
        summary: '导出考核得分排名表',
        querystring: AssessmentQuery,
        response: { 200: XlsxFile('考核得分排名表 .xlsx'), ...ErrorResponses },
      },
    },
    async (req, reply) => {
      const a = await findAssessment(app.db, req.actor, req.query.assessmentId);
      if (!a) throw notFound('考核');
      const indicators = await indicatorsOf(app.db, a.id);
      const scores = presentScores(req.actor, a, await readScores(app.db, req.actor, a), indicators);
      const rows: Row[] = [
        ...scores.items.map((r, i) => ({ ...r, no: i + 1 })),
        ...scores.unscored.map((r, i) => ({ ...r, no: scores.items.length + i + 1 })),
      ];
      return sendXlsx(reply, a.name, await renderSheet(assessmentSheet(a, indicators), rows));
    },
  );

  app.get(
    '/exports/assessment-bulletin.docx',
    {
      schema: {
        tags: ['台账导入导出'],
        summary: '导出考核结果通报（Word，GB/T 9704 公文格式）：各组排名与星级',
        querystring: AssessmentQuery,
        response: { 200: FileResponse(DOCX, '考核结果通报 .docx'), ...ErrorResponses },
      },
    },
    async (req, reply) => {
      const a = await findAssessment(app.db, req.actor, req.query.assessmentId);
      if (!a) throw notFound('考核');
      const indicators = await indicatorsOf(app.db, a.id);
      const scores = presentScores(req.actor, a, await readScores(app.db, req.actor, a), indicators);
      const bytes = await renderOfficialDocument(assessmentBulletin(a, scores));
      const name = encodeURIComponent(`${a.name}结果通报.docx`);
      return reply
        .header('content-type', DOCX)
        .header('content-disposition', `attachment; filename="assessment-${a.id}.docx"; filename*=UTF-8''${name}`)
        .send(bytes);
    },
  );
};
