/**
 * 考核 moves one way: 草稿 draft (indicators, entries and the preview change freely) → 定稿 final (scores, ranks,
 * stars and names frozen) → 公布 (the ranking published to the assessed units). Pure, property-tested.
 */
export const ASSESSMENT_STATUSES = { draft: '草稿', final: '已定稿' } as const;
export type AssessmentStatus = keyof typeof ASSESSMENT_STATUSES;
export const ASSESSMENT_ACTIONS = ['finalise', 'publish'] as const;
export type AssessmentAction = (typeof ASSESSMENT_ACTIONS)[number];

export interface AssessmentState {
  status: AssessmentStatus;
  published: boolean;
}

/** The state after an action, or a Chinese reason why it is not allowed now. */
export function nextAssessmentState(
  from: AssessmentState,
  action: AssessmentAction,
): { ok: true; next: AssessmentState } | { ok: false; message: string } {
  if (action === 'finalise')
    return from.status === 'draft'
      ? { ok: true, next: { status: 'final', published: from.published } }
      : { ok: false, message: '该考核已定稿' };
  if (from.status !== 'final') return { ok: false, message: '考核定稿后才能公布排名' };
  if (from.published) return { ok: false, message: '排名已公布' };
  return { ok: true, next: { status: 'final', published: true } };
}

/** Entries (自评 claims, 加分/扣分, 一票否决) are only entered while the assessment is a draft. */
export const entriesOpen = (s: AssessmentState) => s.status === 'draft';

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
