/** Whether an indicator's kind, figure source and rule fit together: pure, a Chinese reason when they do not. */
import type { IndicatorKind } from './scoring.ts';

export interface IndicatorInput {
  kind: string;
  maxPoints: number;
  source?: string | null;
  rule?: {
    type: string;
    from?: number;
    to?: number;
    better?: string;
    steps?: Array<{ at: number; points: number }>;
    per?: number;
    free?: number;
    atLeast?: number;
    atMost?: number;
  } | null;
}

export function indicatorProblem(ind: IndicatorInput, knownSource: (key: string) => boolean): string | null {
  const kind = ind.kind as IndicatorKind;
  const rule = ind.rule ?? null;
  if (ind.source && !knownSource(ind.source)) return `数据来源“${ind.source}”不存在`;
  if (kind === 'auto') {
    if (!ind.source) return '自动计分指标须选择数据来源';
    if (!rule || rule.type === 'veto') return '自动计分指标须设置计分规则（线性、分档或扣分）';
    if (rule.type === 'linear') {
      if (rule.from === undefined || rule.to === undefined) return '线性计分须填写零分对应值和满分对应值';
      if (rule.from === rule.to) return '线性计分的零分对应值和满分对应值不能相同';
    }
    if (rule.type === 'steps') {
      if (!rule.steps?.length || !rule.better) return '分档计分须填写分档和方向';
      if (rule.steps.some((s) => s.points > ind.maxPoints)) return '档位得分不能超过指标分值';
    }
    if (rule.type === 'deduct' && rule.per === undefined) return '扣分计分须填写每项扣分';
    return null;
  }
  if (kind === 'veto') {
    if (ind.source && (rule?.type !== 'veto' || (rule.atLeast === undefined && rule.atMost === undefined)))
      return '按数据否决须填写否决条件（达到或低于某值）';
    if (!ind.source && rule) return '人工否决项不设计分规则';
    return null;
  }
  if (ind.source || rule) return '加分项和扣分项由人工录入，不设数据来源和计分规则';
  return null;
}
