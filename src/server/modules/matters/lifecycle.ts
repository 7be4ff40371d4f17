/** 民生实事: 未开始 → 推进中 → 已完成 (a result is required to finish). Pure, like the other lifecycles. */
import type { MatterStatus } from '../../../shared/demand-enums.ts';

export const MATTER_TRANSITIONS = ['start', 'finish', 'reopen'] as const;
export type MatterTransition = (typeof MATTER_TRANSITIONS)[number];

export function nextMatterStatus(
  from: MatterStatus,
  action: MatterTransition,
  result: string,
): { ok: true; next: MatterStatus } | { ok: false; message: string } {
  if (action === 'start')
    return from === 'planned' ? { ok: true, next: 'in_progress' } : { ok: false, message: '只有未开始的实事可以启动' };
  if (action === 'finish') {
    if (from === 'done') return { ok: false, message: '该实事已完成' };
    if (!result.trim()) return { ok: false, message: '完成须填写办理结果' };
    return { ok: true, next: 'done' };
  }
  return from === 'done' ? { ok: true, next: 'in_progress' } : { ok: false, message: '只有已完成的实事可以重新推进' };
}

/** 红黄绿蓝 as for problems: green done, red past due, yellow due within the warning days, blue otherwise. */
export function matterColour(m: { status: string; dueDate: string }, today: string, yellowUntil: string) {
  if (m.status === 'done') return 'green';
  if (m.dueDate < today) return 'red';
  if (m.dueDate <= yellowUntil) return 'yellow';
  return 'blue';
}
