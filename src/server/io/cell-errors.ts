import { type CellError, importRejectedListed } from '../errors.ts';

/** Errors listed per column; past that a column's errors are only counted (a bad 100,000-row file is not a 90 MB answer). */
export const ERRORS_PER_COLUMN = 20;

/** Collects an import's cell errors, keeping the first few of each column and counting the rest. */
export class CellErrors {
  private readonly first: CellError[] = [];
  private readonly byColumn = new Map<string, { count: number; firstUnlistedRow?: number }>();
  private total = 0;

  push(error: CellError): void {
    this.total++;
    const column = this.byColumn.get(error.column) ?? { count: 0 };
    this.byColumn.set(error.column, column);
    if (column.count++ < ERRORS_PER_COLUMN) this.first.push(error);
    else column.firstUnlistedRow ??= error.row;
  }

  get length(): number {
    return this.total;
  }

  /** The listed errors, then for each column cut short a line saying how many more it has. */
  listed(): CellError[] {
    const more: CellError[] = [];
    for (const [column, { count, firstUnlistedRow }] of this.byColumn) {
      if (count > ERRORS_PER_COLUMN)
        more.push({
          row: firstUnlistedRow ?? 0,
          column,
          message: `该列另有 ${count - ERRORS_PER_COLUMN} 处错误未列出（自第 ${firstUnlistedRow} 行起）`,
        });
    }
    return [...this.first, ...more];
  }

  /** The 422 of an import: the listed errors, and the total. */
  rejection() {
    return importRejectedListed(this.listed(), this.total);
  }
}
