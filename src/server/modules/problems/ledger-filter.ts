/**
 * An export is the list the user is looking at: the 问题清单's filters, applied by the same query, and named
 * in the workbook's title row so a printed ledger says what it holds.
 */
import { Type } from 'typebox';
import {
  PROBLEM_COLOURS,
  PROBLEM_KINDS,
  PROBLEM_SOURCES,
  PROBLEM_STATUSES,
  type ProblemColour,
  type ProblemKind,
  type ProblemSource,
  type ProblemStatus,
} from '../../../shared/problem-enums.ts';
import { ProblemListQuery } from './schemas.ts';

const {
  page: _page,
  pageSize: _pageSize,
  sort: _sort,
  campaignId: _campaignId,
  ...listFilters
} = ProblemListQuery.properties;

/** The 问题清单's filters, with the campaign required. */
export const ExportQuery = Type.Object(
  { campaignId: Type.Integer({ minimum: 1, title: '主题教育' }), ...listFilters },
  { additionalProperties: false },
);

export interface ExportFilter {
  unitOnly?: boolean;
  source?: string;
  category?: string;
  kind?: string;
  status?: string;
  colour?: string;
  ownerId?: number;
  overdue?: boolean;
  escalated?: boolean;
  onTime?: boolean;
  specialItemId?: number;
  createdFrom?: string;
  createdTo?: string;
  q?: string;
}

/** The filters in words, e.g. "办公室党支部（含下级）；状态：整改中；只看逾期"; empty when nothing narrows the list. */
export function describeFilter(filter: ExportFilter, orgName: string | undefined): string {
  const parts: string[] = [];
  if (orgName) parts.push(`${orgName}${filter.unitOnly ? '（仅本级）' : '（含下级）'}`);
  if (filter.source) parts.push(`来源：${PROBLEM_SOURCES[filter.source as ProblemSource] ?? filter.source}`);
  if (filter.category) parts.push(`领域：${filter.category}`);
  if (filter.kind) parts.push(`类型：${PROBLEM_KINDS[filter.kind as ProblemKind] ?? filter.kind}`);
  if (filter.status) parts.push(`状态：${PROBLEM_STATUSES[filter.status as ProblemStatus] ?? filter.status}`);
  if (filter.colour) parts.push(`红黄绿蓝：${PROBLEM_COLOURS[filter.colour as ProblemColour] ?? filter.colour}`);
  if (filter.overdue === true) parts.push('只看逾期');
  if (filter.overdue === false) parts.push('未逾期');
  if (filter.escalated === true) parts.push('上报件');
  if (filter.escalated === false) parts.push('非上报件');
  if (filter.onTime) parts.push('按期完成');
  if (filter.ownerId) parts.push('指定责任人');
  if (filter.specialItemId) parts.push('专项整治清单');
  if (filter.createdFrom || filter.createdTo)
    parts.push(`发现日期：${filter.createdFrom ?? '…'} 至 ${filter.createdTo ?? '…'}`);
  if (filter.q) parts.push(`关键词：${filter.q}`);
  return parts.join('；');
}

/** "检视问题整改落实台账（筛选：…）" or the bare title when the export is the whole campaign. */
export function titled(title: string, described: string): string {
  return described ? `${title}（筛选：${described}）` : title;
}
