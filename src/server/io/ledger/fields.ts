/**
 * What a ledger's columns mean, and how a header cell is compared with a field's label and synonyms: offices
 * type the same header with full-width or half-width spaces, a line break in the middle, a trailing colon, a
 * required-mark (* or ※) or a note in brackets (责任人（签字）), so headers are compared after normalising.
 */
import type { LedgerField } from './types.ts';

export type { LedgerField } from './types.ts';

/**
 * A header as compared: NFKC (full-width letters, digits, brackets and spaces become half-width), then every
 * space, line break, bracket, required-mark and colon taken out. Idempotent.
 */
export function normaliseHeader(text: string): string {
  return text.normalize('NFKC').replace(/[\s()[\]【】〔〕<>《》*※:：.,，、。;；'"“”‘’_-]+/g, '');
}

/** The header without a note in brackets (整改时限（年月日） → 整改时限), normalised; the same text when it has none. */
export function headerWithoutNote(text: string): string {
  return normaliseHeader(text.normalize('NFKC').replace(/[([【〔][^)\]】〕]*[)\]】〕]/g, ''));
}

/** Field keys by every normalised label and synonym; the first field listing a name wins. */
export function fieldsByHeader(fields: LedgerField[]): Map<string, string> {
  const byHeader = new Map<string, string>();
  for (const field of fields) {
    for (const name of [field.label, ...field.synonyms]) {
      const key = normaliseHeader(name);
      if (!byHeader.has(key)) byHeader.set(key, field.key);
    }
  }
  return byHeader;
}

/** The field a header cell names, or null: its normalised text first, then without its bracketed note. */
export function matchHeader(byHeader: Map<string, string>, header: string): string | null {
  return byHeader.get(normaliseHeader(header)) ?? byHeader.get(headerWithoutNote(header)) ?? null;
}
