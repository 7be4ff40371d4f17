/**
 * What an importable ledger tells the imports module (issue 15, contract §2): its columns, who may import it,
 * whether it needs a campaign, how its records are checked inside the caller's scope and how the checked rows
 * are written. The imports module does the rest — reading the file, finding the layout, the preview with its
 * mapping and resolutions, progress, confirm, remembered mappings, idempotency — the same for every ledger.
 */
import type { Actor } from '../../auth/actor.ts';
import type { Ctx } from '../../http/context.ts';
import type { LedgerField, LedgerRecord } from '../../io/ledger/types.ts';
import type { AmbiguityT, ImportCellErrorT, ResolutionT } from '../../../shared/views/imports.ts';

export type LedgerKey = 'rectification' | 'people' | 'attendance' | 'tasks' | 'demands';

export const LEDGER_KEYS: LedgerKey[] = ['rectification', 'people', 'attendance', 'tasks', 'demands'];

// The shapes a client sees are the response schemas' (shared/views/imports.ts), so server and web agree.
/** One bad cell; `column` is the header the user sees (the field's label when the sheet's own is unknown). */
export type ImportCellError = ImportCellErrorT;
/** A name that matches several records in scope (two 王芳): every row it stands in, and whom it may mean. */
export type Ambiguity = AmbiguityT;
/** The user's pick for an ambiguous name: applies to every cell of `field` holding `text`. */
export type Resolution = ResolutionT;

export interface CheckInput {
  campaignId: number | null;
  /**
   * The record the ledger is imported into when it is not a campaign (attendance: the study session), from the
   * multipart field `target.name`; null when the definition has no `target`.
   */
  targetId: number | null;
  records: LedgerRecord[];
  resolutions: Resolution[];
  /** Records checked so far (the preview's progress); call it now and then, not per cell. */
  onProgress(checked: number): void;
}

export interface CheckResult<Checked> {
  rows: Checked[];
  errors: ImportCellError[];
  ambiguities: Ambiguity[];
}

export interface LedgerDefinition<Checked = unknown> {
  key: LedgerKey;
  /** '整改台账' */
  label: string;
  fields: LedgerField[];
  /** Roles that may import; checked before a byte of the file is read. */
  mayImport(actor: Actor): boolean;
  /** Whether the ledger needs a campaign (multipart field `campaignId`; people does not). */
  needsCampaign: boolean;
  /**
   * A record other than a campaign the import goes into (attendance: `{ name: 'sessionId', label: '学习活动' }`),
   * sent as a multipart id field, required before the file is read and handed to `check` as `targetId`.
   */
  target?: {
    name: string;
    label: string;
    /** Throws (404 naming the record, 403 out of scope) unless the caller may import into this one. */
    require(ctx: Ctx, id: number): Promise<void>;
  };
  /** Checks every record inside the caller's scope; never writes. Ambiguous names come back as ambiguities. */
  check(ctx: Ctx, input: CheckInput): Promise<CheckResult<Checked>>;
  /** Writes the checked rows in the caller's transaction (ctx.db is the transaction), audited. */
  write(ctx: Ctx, campaignId: number | null, rows: Checked[]): Promise<{ created: number; updated: number }>;
}
