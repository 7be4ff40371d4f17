/**
 * The columns of a 整改台账 (the rectification ledger), as Taizhang's own template writes them
 * (modules/problems/ledgers.ts) and as offices' own ledgers name them. One problem is one record; its measures
 * (one per row, often under cells of the problem merged over their rows) are the row-level fields.
 */
import type { LedgerField } from './types.ts';

const field = (key: string, label: string, level: LedgerField['level'], required: boolean, synonyms: string[] = []) =>
  ({ key, label, synonyms, required, level }) satisfies LedgerField;

/** A field whose values are names of people or units (padding inside them is taken out). */
const names = (f: LedgerField): LedgerField => ({ ...f, name: true });

export const RECTIFICATION_FIELDS: LedgerField[] = [
  field('no', '序号', 'record', false, ['编号', '问题序号', '问题编号']),
  field('title', '问题描述', 'record', true, ['问题表现', '存在问题', '问题清单', '主要问题', '问题', '问题内容']),
  field('source', '问题来源', 'record', false, ['来源', '问题出处']),
  field('measure', '整改措施', 'row', true, ['整改举措', '措施', '具体措施', '整改措施及目标']),
  names(field('leader', '责任领导', 'row', false, ['分管领导', '牵头领导', '包保领导', '责任领导人'])),
  names(field('ownerOrg', '责任单位', 'row', true, ['牵头单位', '责任部门', '整改单位', '责任科室', '牵头部门'])),
  names(field('owner', '责任人', 'row', false, ['具体责任人', '经办人', '联系人'])),
  field('deadline', '整改时限', 'row', true, ['完成时限', '时间节点', '整改期限', '完成时间', '整改时间']),
  field('progress', '整改进展', 'row', false, ['进展情况', '整改进度', '推进情况']),
  field('done', '完成情况', 'row', false, ['是否完成', '整改情况']),
  field('category', '问题领域', 'record', false, ['问题类别', '问题类型', '领域']),
  field('kind', '整改类型', 'record', false, ['整改方式']),
  field('description', '具体表现', 'record', false, ['问题具体表现', '表现形式']),
];
