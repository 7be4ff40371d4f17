/**
 * Names in an imported ledger (units, people, categories) turned into records: every distinct name is looked
 * up once, in batches, by the owning module's query; a name that fits one record is it, a name that fits
 * several is an Ambiguity the user resolves in the preview (unless a Resolution already picked one), a name
 * that fits none is the definition's own error. Shared by every ledger definition.
 */
import { inBatches } from '../db/in-batches.ts';
import type { LedgerCell, LedgerRecord } from '../io/ledger/types.ts';
import type { AmbiguityT, ImportCellErrorT, ResolutionT } from '../../shared/views/imports.ts';

/** The trimmed text of a record-level cell ('' when the column is absent). */
export const cellText = (values: Record<string, LedgerCell>, key: string): string => values[key]?.text.trim() ?? '';

/** Every record-level text of `key`, distinct and non-empty. */
export function textsOf(records: LedgerRecord[], key: string): string[] {
  return [...new Set(records.map((r) => cellText(r.values, key)).filter(Boolean))];
}

/** Names split where offices list several in one cell: 、，,；;/ and line breaks. */
export function splitNames(text: string): string[] {
  return text
    .split(/[、，,；;/\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

/** Records by name, each distinct name looked up once (IN lists in batches, see db/in-batches.ts). */
export async function byNames<T extends { name: string }>(
  names: Iterable<string>,
  lookup: (batch: string[]) => Promise<T[]>,
): Promise<Map<string, T[]>> {
  const distinct = [...new Set(names)].filter(Boolean);
  return Map.groupBy(await inBatches(distinct, lookup), (r) => r.name);
}

export type Match<T> = { kind: 'none' } | { kind: 'one'; match: T } | { kind: 'ambiguous' };

/** Matches the names of one field; collects the ambiguous ones with every row they stand in. */
export class NameMatcher<T extends { id: number; label: string }> {
  private readonly picks = new Map<string, number>();
  private readonly open = new Map<string, AmbiguityT>();
  private readonly field: string;
  private readonly column: string;
  private readonly named: Map<string, T[]>;

  /** `field`/`column`: the field key and the header the ambiguities name; `named`: candidates by name. */
  constructor(field: string, column: string, resolutions: ResolutionT[], named: Map<string, T[]>) {
    this.field = field;
    this.column = column;
    this.named = named;
    for (const r of resolutions) if (r.field === field) this.picks.set(r.text, r.id);
  }

  match(text: string, row: number): Match<T> {
    const found = this.named.get(text) ?? [];
    if (found.length === 1) return { kind: 'one', match: found[0] };
    if (!found.length) return { kind: 'none' };
    const picked = found.find((c) => c.id === this.picks.get(text));
    if (picked) return { kind: 'one', match: picked };
    const open = this.open.get(text);
    if (open) {
      if (!open.rows.includes(row)) open.rows.push(row);
    } else {
      const candidates = found.map((c) => ({ id: c.id, label: c.label }));
      this.open.set(text, { field: this.field, column: this.column, text, rows: [row], candidates });
    }
    return { kind: 'ambiguous' };
  }

  get ambiguities(): AmbiguityT[] {
    return [...this.open.values()];
  }
}

/** Bad cells of one import, each naming its sheet, row and column. */
export class CellErrorList {
  readonly errors: ImportCellErrorT[] = [];
  add(sheet: string, row: number, column: string, message: string): void {
    this.errors.push({ sheet, row, column, message });
  }
}

/** Every 500 records of a long check: reports progress and lets other requests run before going on. */
export async function checkpoint(checked: number, onProgress: (checked: number) => void): Promise<void> {
  if (checked % 500) return;
  onProgress(checked);
  await new Promise<void>((resolve) => setImmediate(resolve));
}
