/**
 * An import preview's status as a pure state machine: reading → checking → ready | invalid; a mapping or a
 * resolution sends a ready or invalid preview back to checking; confirm → writing → done | invalid; any
 * working status may end in failed (an unexpected error, or a restart that interrupted it), and a preview
 * left waiting for PREVIEW_DAYS expires (failed, its file dropped). Pure so the
 * property test can drive it with random sequences; the commands ask it before changing a row.
 */
import type { ImportStatus } from '../../../shared/views/imports.ts';

export const PREVIEW_EVENTS = ['read', 'checked', 'rejected', 'edit', 'confirm', 'written', 'crash', 'expire'] as const;
export type PreviewEvent = (typeof PREVIEW_EVENTS)[number];

const MOVES: Record<PreviewEvent, Partial<Record<ImportStatus, ImportStatus>>> = {
  /** The file is read and mapped: its records are checked next. */
  read: { reading: 'checking' },
  /** Every record passed (no errors, no open ambiguity). */
  checked: { checking: 'ready' },
  /** The file, a record or — at confirm — the re-check found something wrong. */
  rejected: { reading: 'invalid', checking: 'invalid', writing: 'invalid' },
  /** A changed mapping or resolution: checked again. */
  edit: { ready: 'checking', invalid: 'checking' },
  confirm: { ready: 'writing' },
  written: { writing: 'done' },
  /** An unexpected error or a restart mid-work. */
  crash: { reading: 'failed', checking: 'failed', writing: 'failed' },
  /** Left unconfirmed for PREVIEW_DAYS: its file is dropped. */
  expire: { ready: 'failed', invalid: 'failed' },
};

/** Days an unconfirmed preview (and its uploaded file) is kept. */
export const PREVIEW_DAYS = 7;

/** Statuses that wait for the user (an edit or a confirm), and expire after PREVIEW_DAYS. */
export const WAITING: ImportStatus[] = ['ready', 'invalid'];

/** The status after the event, or null when the event is not open from this status. */
export function nextStatus(status: ImportStatus, event: PreviewEvent): ImportStatus | null {
  return MOVES[event][status] ?? null;
}

/** Statuses in which the server is working on the preview (a restart leaves none of them behind). */
export const WORKING: ImportStatus[] = ['reading', 'checking', 'writing'];

/** Statuses with nothing more to come: the uploaded bytes are no longer needed. */
export const FINISHED: ImportStatus[] = ['done', 'failed'];

export const isWorking = (status: ImportStatus) => WORKING.includes(status);
