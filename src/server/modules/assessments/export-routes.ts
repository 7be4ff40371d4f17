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
import { INDICATOR_KINDS, type IndicatorKind } from './scoring.ts';
import { SOURCE_BY_KEY } from './sources.ts';

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

interface DetailRow {
  no: number;
  orgName: string;
  groupLabel: string;
  indicator: IndicatorRow;
  value: number | null;
  points: number | null;
  evidence: string;
}

/** A figure as the sheet shows it: rates in per cent, counts as they are, no data as such. */
const figureText = (ind: IndicatorRow, value: number | null) =>
  value === null
    ? '无数据'
    : ind.source && SOURCE_BY_KEY.get(ind.source)?.unit === 'rate'
      ? `${(value * 100).toFixed(1)}%`
      : value;

/** The per-indicator sheet: for each unit and indicator, its figure, its points and the list the points came from. */
function indicatorSheet(a: AssessmentRow): SheetSpec<DetailRow> {
  return {
    title: `${a.name}（${a.period}）分项得分明细表`,
    sheetName: '分项得分',
    columns: [
      { header: '序号', width: 6, value: (r) => r.no },
      { header: '单位', width: 24, value: (r) => r.orgName },
      { header: '分组', width: 10, value: (r) => r.groupLabel },
      { header: '领域', width: 12, value: (r) => r.indicator.area },
      { header: '指标', width: 28, value: (r) => r.indicator.name },
      { header: '类型', width: 10, value: (r) => INDICATOR_KINDS[r.indicator.kind as IndicatorKind] },
      { header: '满分', width: 7, value: (r) => Number(r.indicator.maxPoints) },
      {
        header: '数据来源',
        width: 24,
        value: (r) =>
          r.indicator.source ? (SOURCE_BY_KEY.get(r.indicator.source)?.label ?? r.indicator.source) : '人工录入',
      },
      { header: '实际值', width: 10, value: (r) => figureText(r.indicator, r.value) },
      {
        header: '得分',
        width: 8,
        value: (r) => (r.indicator.kind === 'veto' ? (r.value ? '否决' : '—') : (r.points ?? 0)),
      },
      { header: '依据', width: 40, value: (r) => r.evidence },
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

  app.get(
    '/exports/assessment-indicators.xlsx',
    {
      schema: {
        tags: ['台账导入导出'],
        summary: '导出考核分项得分明细表：每个单位每项指标的实际值、得分与依据',
        querystring: AssessmentQuery,
        response: { 200: XlsxFile('考核分项得分明细表 .xlsx'), ...ErrorResponses },
      },
    },
    async (req, reply) => {
      const a = await findAssessment(app.db, req.actor, req.query.assessmentId);
      if (!a) throw notFound('考核');
      const indicators = await indicatorsOf(app.db, a.id);
      const byId = new Map(indicators.map((i) => [i.id, i]));
      const scores = presentScores(req.actor, a, await readScores(app.db, req.actor, a), indicators);
      // Only the parts the caller may see: another unit's row on a published ranking has none.
      const rows: DetailRow[] = [...scores.items, ...scores.unscored]
        .flatMap((u) =>
          u.parts.flatMap((p) => {
            const indicator = byId.get(p.indicatorId);
            return indicator
              ? [
                  {
                    orgName: u.orgName,
                    groupLabel: u.groupLabel,
                    indicator,
                    value: p.value,
                    points: p.points,
                    evidence: p.evidence,
                  },
                ]
              : [];
          }),
        )
        .map((r, i) => ({ ...r, no: i + 1 }));
      return sendXlsx(reply, `${a.name}分项得分明细`, await renderSheet(indicatorSheet(a), rows));
    },
  );
};
