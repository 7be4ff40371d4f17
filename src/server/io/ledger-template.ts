/**
 * A ledger's blank import template: a title row, then one header per field (the canonical labels the importer
 * maps first), widened for the columns people write most in. Shared by every importable ledger.
 */
import type { LedgerField } from './ledger/types.ts';
import type { SheetSpec } from './sheet-spec.ts';

/** Columns that hold sentences get room; names and dates stay narrow. */
const WIDE = /内容|描述|目标|措施|标准|原因|地址|任务|诉求/;

export function templateSheet(title: string, sheetName: string, fields: LedgerField[]): SheetSpec<never> {
  return {
    title,
    sheetName,
    columns: fields.map((f) => ({ header: f.label, width: WIDE.test(f.label) ? 30 : 14, value: () => '' })),
  };
}
