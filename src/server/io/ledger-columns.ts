/**
 * Ledger columns as the definitions of importable ledgers declare them, and a ledger's blank import template:
 * a title row, then one header per field (the canonical labels the importer maps first). Shared by every
 * importable ledger.
 */
import type { LedgerField } from './ledger/types.ts';
import type { SheetSpec } from './sheet-spec.ts';
import { renderSheet } from './xlsx-sheet.ts';

interface Flags {
  required?: boolean;
  /** A person's or unit's name (padding inside it is taken out). */
  name?: boolean;
}

/** A column with one value per record. */
export const recordField = (key: string, label: string, synonyms: string[], flags: Flags = {}): LedgerField => ({
  key,
  label,
  synonyms,
  required: flags.required ?? false,
  level: 'record',
  ...(flags.name ? { name: true } : {}),
});

/** A column with one value per row of a record (a task's milestones, a problem's measures). */
export const rowField = (key: string, label: string, synonyms: string[], flags: Flags = {}): LedgerField => ({
  ...recordField(key, label, synonyms, flags),
  level: 'row',
});

/** Columns that hold sentences get room; names and dates stay narrow. */
const WIDE = /内容|描述|目标|措施|标准|原因|地址|任务|诉求/;

export function templateSheet(title: string, sheetName: string, fields: LedgerField[]): SheetSpec<never> {
  return {
    title,
    sheetName,
    columns: fields.map((f) => ({ header: f.label, width: WIDE.test(f.label) ? 30 : 14, value: () => '' })),
  };
}

/** The blank template as an .xlsx. */
export const templateWorkbook = (title: string, sheetName: string, fields: LedgerField[]) =>
  renderSheet(templateSheet(title, sheetName, fields), []);
