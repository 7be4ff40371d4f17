import type { Generated } from 'kysely';

export interface ImportTables {
  importPreviews: {
    id: Generated<number>;
    ownerUserId: number;
    ledger: string;
    campaignId: number | null;
    targetId: number | null;
    fileName: string;
    /** preview (the two-step wizard) · direct (the one-step route) */
    mode: string;
    /** shared/views/imports.ts IMPORT_STATUSES; lifecycle.ts says which moves are allowed. */
    status: string;
    rowsRead: Generated<number>;
    rowsChecked: Generated<number>;
    rowsTotal: number | null;
    /** JSON: the sheets as read and mapped (ImportSheetView[]). */
    sheets: Generated<string>;
    /** JSON: the user's column choices [{sheet, column, field|null}]. */
    mapping: Generated<string>;
    /** JSON: Resolution[]. */
    resolutions: Generated<string>;
    recordCount: Generated<number>;
    /** JSON {blank, total}. */
    skipped: Generated<string>;
    /** JSON: ImportCellError[], bounded (error_count has the full count). */
    errors: Generated<string>;
    errorCount: Generated<number>;
    /** JSON: Ambiguity[]. */
    ambiguities: Generated<string>;
    /** JSON {created, updated} once written. */
    result: string | null;
    message: string | null;
    idempotencyKey: string | null;
    createdAt: string;
    updatedAt: string;
  };
  /** The uploaded bytes of a preview, until it is done or failed (migration 0120 says why in the database). */
  importFiles: { previewId: number; content: Buffer };
  importMappings: {
    id: Generated<number>;
    ledger: string;
    signature: string;
    ownerKey: string;
    mapping: string;
    updatedAt: string;
  };
}
