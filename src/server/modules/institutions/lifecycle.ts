/** 起草 → 审议 → 印发, or 废止 from any state but 废止 itself. Pure, like the problem lifecycle. */
export const INSTITUTION_ACTIONS = { create: '立', revise: '改', abolish: '废' } as const;
export const INSTITUTION_STATUSES = { draft: '起草', review: '审议', issued: '印发', abolished: '废止' } as const;
export type InstitutionStatus = keyof typeof INSTITUTION_STATUSES;
export const INSTITUTION_TRANSITIONS = ['submit_review', 'issue', 'abolish'] as const;
export type InstitutionTransition = (typeof INSTITUTION_TRANSITIONS)[number];

/** The statuses each action is open from; the policy never restates them. */
export const INSTITUTION_OPEN_FROM: Record<'update' | InstitutionTransition, readonly InstitutionStatus[]> = {
  update: ['draft', 'review'],
  submit_review: ['draft'],
  issue: ['review'],
  abolish: ['draft', 'review', 'issued'],
};

export function isInstitutionOpenFrom(action: string, status: string): boolean {
  return (INSTITUTION_OPEN_FROM[action as keyof typeof INSTITUTION_OPEN_FROM] ?? []).includes(
    status as InstitutionStatus,
  );
}

/** The next status, or a Chinese reason why not. */
export function nextInstitutionStatus(
  from: InstitutionStatus,
  action: InstitutionTransition,
  issuedDate?: string,
): { ok: true; next: InstitutionStatus } | { ok: false; message: string } {
  if (action === 'submit_review')
    return isInstitutionOpenFrom(action, from)
      ? { ok: true, next: 'review' }
      : { ok: false, message: '只有起草中的制度可以提交审议' };
  if (action === 'issue') {
    if (!isInstitutionOpenFrom(action, from)) return { ok: false, message: '只有审议中的制度可以印发' };
    if (!issuedDate) return { ok: false, message: '印发须填写印发日期' };
    return { ok: true, next: 'issued' };
  }
  return isInstitutionOpenFrom(action, from) ? { ok: true, next: 'abolished' } : { ok: false, message: '该制度已废止' };
}
