/**
 * 先进典型 as a pure state machine: 推荐 (层层推荐, one upper level at a time) → 已推荐 → 公示 N days with
 * objections → 评选 selected, or 未通过 at any stage. Selection needs a finished 公示 with every objection
 * handled and none upheld. Pure so the property tests can drive it with random sequences.
 */
import type { ExemplarStatus } from '../../../shared/check-enums.ts';

export const EXEMPLAR_ACTIONS = ['approve', 'startNotice', 'select', 'reject'] as const;
export type ExemplarAction = (typeof EXEMPLAR_ACTIONS)[number];

export interface ExemplarState {
  status: ExemplarStatus;
  /** Whether the level the nomination waits at is the campaign's top unit (the last approval). */
  atTop: boolean;
  /** Whether today is past the end of the 公示. */
  noticeEnded: boolean;
  openObjections: number;
  upheldObjections: number;
}

export type ExemplarVerdict =
  | { ok: true; next: ExemplarStatus }
  | { ok: false; code: 'illegal' | 'notice_running' | 'objections_open'; message: string };

const illegal = (message: string): ExemplarVerdict => ({ ok: false, code: 'illegal', message });

/** Judges one action; never throws. */
export function decideExemplar(s: ExemplarState, action: ExemplarAction): ExemplarVerdict {
  switch (action) {
    case 'approve':
      if (s.status !== 'nominated') return illegal('只有推荐中的典型可以审核通过');
      return { ok: true, next: s.atTop ? 'recommended' : 'nominated' };
    case 'startNotice':
      if (s.status !== 'recommended') return illegal('只有已推荐的典型可以公示');
      return { ok: true, next: 'notice' };
    case 'select':
      if (s.status !== 'notice') return illegal('须经公示方可评选');
      if (!s.noticeEnded) return { ok: false, code: 'notice_running', message: '公示期未满' };
      if (s.openObjections > 0) return { ok: false, code: 'objections_open', message: '公示异议尚未全部处理' };
      if (s.upheldObjections > 0) return illegal('公示异议经核查属实，不能评选');
      return { ok: true, next: 'selected' };
    case 'reject':
      if (s.status === 'selected' || s.status === 'rejected') return illegal('该典型已有评选结果');
      return { ok: true, next: 'rejected' };
  }
}

/** Objections are taken and handled only while the notice runs. */
export const takesObjections = (status: ExemplarStatus) => status === 'notice';
