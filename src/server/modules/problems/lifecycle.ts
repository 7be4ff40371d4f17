/**
 * The problem lifecycle as a pure state machine: 待审核 → 整改中 → 申请销号 → 已销号, with 退回 back to 整改中.
 * Pure on purpose: the property tests drive it with random action sequences, and commands ask it before
 * writing anything.
 */
import type { ProblemStatus } from '../../../shared/problem-enums.ts';

export const ACTIONS = ['confirm', 'submit', 'approve', 'reject', 'escalate'] as const;
export type Action = (typeof ACTIONS)[number];

/** What the machine needs to know about a problem to judge an action. */
export interface LifecycleState {
  status: ProblemStatus;
  measureCount: number;
  openMeasureCount: number;
  evidenceCount: number;
  /** Whether an escalated copy already exists at the parent unit. */
  escalated: boolean;
  /** Whether the unit has a parent to escalate to. */
  hasParent: boolean;
}

export interface ActionInput {
  effect?: string;
  reason?: string;
  attachmentCount?: number;
}

export type Verdict = { ok: true; next: ProblemStatus } | { ok: false; message: string };

const labels: Record<ProblemStatus, string> = {
  draft: '待审核',
  in_progress: '整改中',
  submitted: '申请销号',
  closed: '已销号',
};
const refuse = (message: string): Verdict => ({ ok: false, message });

/** Judges one action; never throws. */
export function decide(state: LifecycleState, action: Action, input: ActionInput = {}): Verdict {
  const from = state.status;
  switch (action) {
    case 'confirm':
      if (from !== 'draft') return refuse(`只有“待审核”的问题可以确认，当前为“${labels[from]}”`);
      if (state.measureCount === 0) return refuse('请先制定至少一条整改措施再确认');
      return { ok: true, next: 'in_progress' };
    case 'submit': {
      if (from !== 'in_progress') return refuse(`只有“整改中”的问题可以申请销号，当前为“${labels[from]}”`);
      if (state.openMeasureCount > 0) return refuse(`还有 ${state.openMeasureCount} 条整改措施未完成，不能申请销号`);
      if (!input.effect?.trim()) return refuse('申请销号须填写整改成效');
      if (state.evidenceCount + (input.attachmentCount ?? 0) === 0) return refuse('申请销号须上传至少一份佐证材料');
      return { ok: true, next: 'submitted' };
    }
    case 'approve':
      if (from !== 'submitted') return refuse(`只有“申请销号”的问题可以销号，当前为“${labels[from]}”`);
      return { ok: true, next: 'closed' };
    case 'reject':
      if (from !== 'submitted') return refuse(`只有“申请销号”的问题可以退回，当前为“${labels[from]}”`);
      if (!input.reason?.trim()) return refuse('退回须填写理由');
      return { ok: true, next: 'in_progress' };
    case 'escalate':
      if (from === 'closed') return refuse('已销号的问题不能上报');
      if (!state.hasParent) return refuse('顶级单位的问题无法再向上级上报');
      if (state.escalated) return refuse('该问题已上报上级单位');
      return { ok: true, next: from };
  }
}

/** The actions open from a status (before role and evidence checks), for the UI and the tests. */
export function actionsFrom(status: ProblemStatus): Action[] {
  return ACTIONS.filter(
    (a) =>
      decide({ status, measureCount: 1, openMeasureCount: 0, evidenceCount: 1, escalated: false, hasParent: true }, a, {
        effect: 'x',
        reason: 'x',
      }).ok,
  );
}
