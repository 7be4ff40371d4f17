/**
 * The preview's shape as LEDGER-CONTRACT.md §2 fixes it, until ledger-flow's `src/shared/views/imports.ts`
 * lands (then this file only re-exports the shared Static type).
 */
export type ImportStatus = 'reading' | 'checking' | 'ready' | 'invalid' | 'writing' | 'done' | 'failed';

export interface Ambiguity {
  field: string;
  column: string;
  text: string;
  rows: number[];
  candidates: Array<{ id: number; label: string }>;
}

export interface Resolution {
  field: string;
  text: string;
  id: number;
}

export interface ImportPreview {
  id: number;
  ledger: string;
  campaignId: number | null;
  fileName: string;
  status: ImportStatus;
  progress: { rowsRead: number; rowsChecked: number; rowsTotal: number | null };
  fields: Array<{ key: string; label: string; required: boolean }>;
  sheets: Array<{
    name: string;
    headerRows: [number, number] | null;
    problem: string | null;
    unitHint: string | null;
    columns: Array<{ column: number; header: string; field: string | null }>;
  }>;
  recordCount: number;
  skipped: { blank: number; total: number };
  records: Array<{
    sheet: string;
    row: number;
    values: Record<string, string>;
    errors: Array<{ column: string; message: string }>;
  }>;
  errors: Array<{ sheet?: string; row: number; column: string; message: string }>;
  errorCount: number;
  ambiguities: Ambiguity[];
  result: { created: number; updated: number } | null;
  message: string | null;
  createdAt: string;
  updatedAt: string;
}
