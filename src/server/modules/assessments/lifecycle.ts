/**
 * 考核 moves one way: 草稿 draft (indicators, entries and the preview change freely) → 定稿 final (scores, ranks,
 * stars and names frozen) → 公示 (the office opens it until a date; units lodge 异议 on their own score, the
 * office answers each) → 最终 (confirmed once the 公示 has ended and every objection is answered). 公布 publishes
 * the frozen ranking to the assessed units (opening a 公示 publishes it too). Pure, property-tested.
 */
export const ASSESSMENT_STATUSES = { draft: '草稿', final: '已定稿' } as const;
export type AssessmentStatus = keyof typeof ASSESSMENT_STATUSES;
export const ASSESSMENT_ACTIONS = ['finalise', 'publish', 'open_publicity', 'confirm'] as const;
export type AssessmentAction = (typeof ASSESSMENT_ACTIONS)[number];

/** Where a final assessment stands, judged on a day: the label the list and the page show. */
export const ASSESSMENT_PHASES = {
  draft: '草稿',
  final: '已定稿',
  publicity: '公示中',
  publicity_ended: '公示期满',
  confirmed: '最终结果',
} as const;
export type AssessmentPhase = keyof typeof ASSESSMENT_PHASES;

export interface AssessmentState {
  status: AssessmentStatus;
  published: boolean;
  /** The 公示: opened on `publicityFrom`, open to objections through `publicityUntil` (inclusive). */
  publicityFrom?: string | null;
  publicityUntil?: string | null;
  /** Set once the result is confirmed 最终. */
  confirmedAt?: string | null;
}

export function phaseOf(s: AssessmentState, today: string): AssessmentPhase {
  if (s.status === 'draft') return 'draft';
  if (s.confirmedAt) return 'confirmed';
  if (!s.publicityUntil) return 'final';
  return today <= s.publicityUntil ? 'publicity' : 'publicity_ended';
}

/** What an action needs besides the state: the day, the 公示 end date asked for, the objections still open. */
export interface ActionContext {
  today: string;
  until?: string;
  openObjections?: number;
  /** The timestamp a confirmation is recorded with. */
  now?: string;
}

type Verdict = { ok: true; next: AssessmentState } | { ok: false; message: string };

/** The state after an action, or a Chinese reason why it is not allowed now. */
export function nextAssessmentState(from: AssessmentState, action: AssessmentAction, ctx?: ActionContext): Verdict {
  const c = ctx ?? { today: '0000-00-00' };
  const phase = phaseOf(from, c.today);
  if (action === 'finalise')
    return from.status === 'draft'
      ? { ok: true, next: { ...from, status: 'final' } }
      : { ok: false, message: '该考核已定稿' };
  if (action === 'publish') {
    if (from.status !== 'final') return { ok: false, message: '考核定稿后才能公布排名' };
    if (from.published) return { ok: false, message: '排名已公布' };
    return { ok: true, next: { ...from, published: true } };
  }
  if (action === 'open_publicity') {
    if (from.status !== 'final') return { ok: false, message: '考核定稿后才能公示' };
    if (from.publicityUntil) return { ok: false, message: '该考核已公示' };
    if (!c.until) return { ok: false, message: '请填写“公示截止日期”' };
    if (c.until < c.today) return { ok: false, message: '“公示截止日期”不能早于今天' };
    return { ok: true, next: { ...from, published: true, publicityFrom: c.today, publicityUntil: c.until } };
  }
  if (phase === 'confirmed') return { ok: false, message: '考核结果已确认为最终结果' };
  if (phase === 'draft' || phase === 'final') return { ok: false, message: '考核结果须经公示后才能确认' };
  if (phase === 'publicity') return { ok: false, message: `公示期至${from.publicityUntil}，期满后才能确认最终结果` };
  if ((c.openObjections ?? 0) > 0)
    return { ok: false, message: `还有${c.openObjections}条异议未答复，答复后才能确认最终结果` };
  return { ok: true, next: { ...from, confirmedAt: c.now ?? c.today } };
}

/** Entries (自评 claims, 加分/扣分, 一票否决) are only entered while the assessment is a draft. */
export const entriesOpen = (s: AssessmentState) => s.status === 'draft';

/** A unit lodges an objection only while the 公示 runs. */
export const objectionsOpen = (s: AssessmentState, today: string) => phaseOf(s, today) === 'publicity';

/** The office answers objections during the 公示 and after it, until the result is confirmed. */
export const answersOpen = (s: AssessmentState, today: string) => {
  const p = phaseOf(s, today);
  return p === 'publicity' || p === 'publicity_ended';
};

export const ENTRY_STATUSES = { pending: '待审核', accepted: '已认定', rejected: '未认定' } as const;
export type EntryStatus = keyof typeof ENTRY_STATUSES;

/** 上级审核 of a unit's claim: only a pending entry is reviewed. */
export function reviewEntry(
  from: EntryStatus,
  accept: boolean,
): { ok: true; next: EntryStatus } | { ok: false; message: string } {
  if (from !== 'pending') return { ok: false, message: '该条目已审核' };
  return { ok: true, next: accept ? 'accepted' : 'rejected' };
}

export const OBJECTION_STATUSES = { open: '待答复', upheld: '维持原结果', adjusted: '已调整' } as const;
export type ObjectionStatus = keyof typeof OBJECTION_STATUSES;
export type ObjectionDecision = 'uphold' | 'adjust';

/** The office answers an objection once: 维持 (uphold) or 调整 (adjust). */
export function answerObjection(
  from: ObjectionStatus,
  decision: ObjectionDecision,
): { ok: true; next: ObjectionStatus } | { ok: false; message: string } {
  if (from !== 'open') return { ok: false, message: '该异议已答复' };
  return { ok: true, next: decision === 'adjust' ? 'adjusted' : 'upheld' };
}
