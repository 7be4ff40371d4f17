/**
 * The problem lifecycle as a pure state machine: 待审核 → 整改中 → 申请销号 → 已销号, with 退回 back to 整改中.
 * Pure on purpose: the property tests drive it with random action sequences, and commands ask it before
 * writing anything.
 */
import type { ProblemStatus } from '../../../shared/problem-enums.ts';

export const ACTIONS = ['confirm', 'submit', 'approve', 'reject', 'escalate'] as const;
export type Action = (typeof ACTIONS)[number];

/**
 * From which statuses each action on a problem is open at all. The policy says who may act (403 for anyone
 * else); a move from any other status is one the state forbids (409), and the abilities sent to the UI are
 * both together. Derived here once, so the policy never restates a status.
 */
export const OPEN_FROM = {
  update: ['draft', 'in_progress'],
  delete: ['draft'],
  addMeasure: ['draft', 'in_progress'],
  confirm: ['draft'],
  submit: ['in_progress'],
  approve: ['submitted'],
  reject: ['submitted'],
  escalate: ['draft', 'in_progress', 'submitted'],
  reportProgress: ['draft', 'in_progress', 'submitted'],
  requestExtension: ['in_progress'],
  decideExtension: ['draft', 'in_progress', 'submitted'],
} as const satisfies Record<string, readonly ProblemStatus[]>;
export type ProblemAction = keyof typeof OPEN_FROM;

/** Whether the action is open from the status (before who may take it, measures and evidence). */
export function isOpenFrom(action: ProblemAction, status: string): boolean {
  return (OPEN_FROM[action] as readonly string[]).includes(status);
}

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
      if (!isOpenFrom('confirm', from)) return refuse(`只有“待审核”的问题可以确认，当前为“${labels[from]}”`);
      if (state.measureCount === 0) return refuse('请先制定至少一条整改措施再确认');
      return { ok: true, next: 'in_progress' };
    case 'submit': {
      if (!isOpenFrom('submit', from)) return refuse(`只有“整改中”的问题可以申请销号，当前为“${labels[from]}”`);
      if (state.openMeasureCount > 0) return refuse(`还有 ${state.openMeasureCount} 条整改措施未完成，不能申请销号`);
      if (!input.effect?.trim()) return refuse('申请销号须填写整改成效');
      if (state.evidenceCount + (input.attachmentCount ?? 0) === 0) return refuse('申请销号须上传至少一份佐证材料');
      return { ok: true, next: 'submitted' };
    }
    case 'approve':
      if (!isOpenFrom('approve', from)) return refuse(`只有“申请销号”的问题可以销号，当前为“${labels[from]}”`);
      return { ok: true, next: 'closed' };
    case 'reject':
      if (!isOpenFrom('reject', from)) return refuse(`只有“申请销号”的问题可以退回，当前为“${labels[from]}”`);
      if (!input.reason?.trim()) return refuse('退回须填写理由');
      return { ok: true, next: 'in_progress' };
    case 'escalate':
      if (!isOpenFrom('escalate', from)) return refuse('已销号的问题不能上报');
      if (!state.hasParent) return refuse('顶级单位的问题无法再向上级上报');
      if (state.escalated) return refuse('该问题已上报上级单位');
      return { ok: true, next: from };
  }
}
