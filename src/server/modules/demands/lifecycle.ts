/**
 * The demand lifecycle as a pure state machine: 受理 → 派单 → 签收 → 办理/答复 → 回访 → 办结, with 退单 back to
 * 受理 (then 改派), 延期 by request before the deadline, 重办 after an unsatisfied visit, and 并入 a duplicate.
 * Pure so the property tests can drive it with random sequences; commands ask it before writing.
 */
import type { DemandAction, DemandStatus, Satisfaction } from '../../../shared/demand-enums.ts';
import { DEMAND_STATUSES } from '../../../shared/demand-enums.ts';
import { MAX_EXTENSION_DAYS } from './deadlines.ts';
import type { DemandRow } from './repository.ts';

export interface DemandState {
  status: DemandStatus;
  orgId: number | null;
  returnDueAt: string | null;
  dueAt: string | null;
  answer: string;
  visited: boolean;
  satisfaction: Satisfaction | null;
  extensionDays: number | null;
  extended: boolean;
  closeReason: string;
  repeatOf: number | null;
  returnCount: number;
  reopenCount: number;
}

/** A stored demand as the machine sees it. */
export function stateOf(d: DemandRow): DemandState {
  return {
    status: d.status as DemandStatus,
    orgId: d.orgId,
    returnDueAt: d.returnDueAt,
    dueAt: d.dueAt,
    answer: d.answer,
    visited: d.visitedAt !== null,
    satisfaction: d.satisfaction as Satisfaction | null,
    extensionDays: d.extensionDays,
    extended: !!d.extended,
    closeReason: d.closeReason,
    repeatOf: d.repeatOf,
    returnCount: d.returnCount,
    reopenCount: d.reopenCount,
  };
}

export interface ActionInput {
  now: string;
  orgId?: number;
  reason?: string;
  answer?: string;
  satisfaction?: Satisfaction;
  days?: number;
  targetId?: number;
  selfId?: number;
  /** Deadlines the command computed for this move (dispatch, reopen, approved extension). */
  deadlines?: { returnDueAt: string; dueAt: string };
  extendedDueAt?: string;
}

export type Verdict = { ok: true; next: DemandState } | { ok: false; message: string };

const refuse = (message: string): Verdict => ({ ok: false, message });
const label = (s: DemandStatus) => DEMAND_STATUSES[s];
const blank = (s: string | undefined) => !s?.trim();

/** Judges one action and returns the next state; never throws. */
export function decide(state: DemandState, action: DemandAction, input: ActionInput): Verdict {
  const s = state.status;
  const go = (patch: Partial<DemandState>): Verdict => ({ ok: true, next: { ...state, ...patch } });
  switch (action) {
    case 'dispatch':
      if (s !== 'received') return refuse(`只有“已受理”的诉求可以派单，当前为“${label(s)}”`);
      if (!input.orgId) return refuse('派单须选择承办单位');
      if (!input.deadlines) return refuse('派单须确定办理时限');
      return go({
        status: 'dispatched',
        orgId: input.orgId,
        returnDueAt: input.deadlines.returnDueAt,
        dueAt: input.deadlines.dueAt,
      });
    case 'accept':
      if (s !== 'dispatched') return refuse(`只有“已派单”的诉求可以签收，当前为“${label(s)}”`);
      return go({ status: 'accepted' });
    case 'return':
      if (s !== 'dispatched' && s !== 'accepted') return refuse(`“${label(s)}”的诉求不能退单`);
      if (blank(input.reason)) return refuse('退单须填写理由');
      if (state.returnDueAt !== null && input.now > state.returnDueAt)
        return refuse('已超过退单时限（派单后 2 个工作日）');
      return go({
        status: 'received',
        orgId: null,
        dueAt: null,
        returnDueAt: null,
        extensionDays: null,
        returnCount: state.returnCount + 1,
      });
    case 'request_extension':
      if (s !== 'accepted') return refuse('只有办理中的诉求可以申请延期');
      if (state.extensionDays !== null) return refuse('已有待审批的延期申请');
      if (state.extended) return refuse('该诉求已延期过一次');
      if (state.dueAt !== null && input.now > state.dueAt) return refuse('延期须在办理时限届满前申请');
      if (!input.days || input.days < 1 || input.days > MAX_EXTENSION_DAYS)
        return refuse(`延期天数须为 1–${MAX_EXTENSION_DAYS} 个工作日`);
      if (blank(input.reason)) return refuse('申请延期须填写理由');
      return go({ extensionDays: input.days });
    case 'approve_extension':
      if (s !== 'accepted' || state.extensionDays === null) return refuse('没有待审批的延期申请');
      if (!input.extendedDueAt) return refuse('缺少延期后的时限');
      return go({ extensionDays: null, extended: true, dueAt: input.extendedDueAt });
    case 'reject_extension':
      if (s !== 'accepted' || state.extensionDays === null) return refuse('没有待审批的延期申请');
      return go({ extensionDays: null });
    case 'answer':
      if (s !== 'accepted') return refuse(`只有办理中的诉求可以答复，当前为“${label(s)}”`);
      if (blank(input.answer)) return refuse('答复须填写答复内容');
      return go({ status: 'answered', answer: input.answer!.trim(), extensionDays: null });
    case 'visit':
      if (s !== 'answered') return refuse('只有已答复的诉求可以回访');
      if (state.visited) return refuse('该诉求已回访');
      if (!input.satisfaction) return refuse('回访须选择满意度');
      return go({ visited: true, satisfaction: input.satisfaction });
    case 'close':
      if (s !== 'answered') return refuse(`只有已答复的诉求可以办结，当前为“${label(s)}”`);
      if (!state.visited && blank(input.reason)) return refuse('未回访的诉求办结须说明未回访的原因');
      if (state.satisfaction === 'unsatisfied' && blank(input.reason))
        return refuse('群众不满意的诉求应当重办，或说明不重办的理由');
      return go({ status: 'closed', closeReason: (input.reason ?? '').trim() });
    case 'reopen':
      if (s !== 'answered' && s !== 'closed') return refuse('只有已答复或已办结的诉求可以重办');
      if (state.satisfaction !== 'unsatisfied') return refuse('只有回访不满意的诉求可以重办');
      if (state.orgId === null || !input.deadlines) return refuse('重办须有承办单位和新的办理时限');
      return go({
        status: 'accepted',
        answer: '',
        visited: false,
        satisfaction: null,
        closeReason: '',
        dueAt: input.deadlines.dueAt,
        extended: false,
        reopenCount: state.reopenCount + 1,
      });
    case 'merge':
      if (s === 'answered' || s === 'closed') return refuse('已答复或已办结的诉求不能并入其他诉求');
      if (!input.targetId || input.targetId === input.selfId) return refuse('请选择要并入的另一件诉求');
      return go({
        status: 'closed',
        repeatOf: input.targetId,
        extensionDays: null,
        closeReason: `重复诉求，并入第 ${input.targetId} 号`,
      });
  }
}

/** The state a new demand starts in. */
export function initialState(): DemandState {
  return {
    status: 'received',
    orgId: null,
    returnDueAt: null,
    dueAt: null,
    answer: '',
    visited: false,
    satisfaction: null,
    extensionDays: null,
    extended: false,
    closeReason: '',
    repeatOf: null,
    returnCount: 0,
    reopenCount: 0,
  };
}
