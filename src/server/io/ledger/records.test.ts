import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectLayout } from './layout.ts';
import { toRecords } from './records.ts';
import { RECTIFICATION_FIELDS } from './rectification-fields.ts';
import type { MergeRange, RawRow, RawSheet, SheetLayout } from './types.ts';

const HEADER = ['序号', '问题描述', '问题来源', '整改措施', '责任单位', '整改时限'];

/** How a ledger writes the rows of one problem after its first: merged, left empty, or repeated. */
type Style = 'merged' | 'empty' | 'repeated';

interface Problem {
  measures: number;
  style: Style;
  /** A blank row after the problem. */
  blankAfter: boolean;
}

/** A sheet of the given problems under a one-row header, each written in its style. */
function sheetOf(problems: Problem[], withTotal: boolean): RawSheet {
  const rows: RawRow[] = [{ row: 1, cells: [undefined, ...HEADER] }];
  const merges: MergeRange[] = [];
  let r = 2;
  problems.forEach((p, i) => {
    const top = r;
    for (let m = 0; m < p.measures; m++) {
      const first = m === 0 || p.style === 'repeated';
      const mine = first ? [String(i + 1), `问题${i + 1}`, '自查'] : [undefined, undefined, undefined];
      rows.push({ row: r++, cells: [undefined, ...mine, `措施${i + 1}-${m + 1}`, `单位${m}`, '年底前'] });
    }
    if (p.style === 'merged' && p.measures > 1)
      for (const col of [1, 2, 3]) merges.push({ top, left: col, bottom: r - 1, right: col });
    if (p.blankAfter) r++;
  });
  if (withTotal) rows.push({ row: r, cells: [undefined, '合计', `共${problems.length}项`] });
  return { name: 's', rows, merges };
}

const problem = fc.record({
  measures: fc.integer({ min: 1, max: 4 }),
  style: fc.constantFrom<Style>('merged', 'empty', 'repeated'),
  blankAfter: fc.boolean(),
});

describe('grouping rows into records', () => {
  it('reads one record per problem with its measures in order, whatever the style, blank rows and totals counted', () => {
    fc.assert(
      fc.property(fc.array(problem, { minLength: 1, maxLength: 12 }), fc.boolean(), (problems, withTotal) => {
        const sheet = sheetOf(problems, withTotal);
        const layout = detectLayout(sheet, RECTIFICATION_FIELDS) as SheetLayout;
        expect(layout.headerRows).toEqual([1, 1]);
        const { records, skipped } = toRecords(sheet, layout, RECTIFICATION_FIELDS);
        expect(
          records.map((rec) => [
            rec.values.no?.text,
            rec.values.title?.text,
            rec.rows.map((x) => x.values.measure.text),
          ]),
        ).toEqual(
          problems.map((p, i) => [
            String(i + 1),
            `问题${i + 1}`,
            Array.from({ length: p.measures }, (_, m) => `措施${i + 1}-${m + 1}`),
          ]),
        );
        // A blank row after the last problem is no row of the sheet (nothing follows it) unless a total does.
        const blanks = problems.filter((p, i) => p.blankAfter && (i < problems.length - 1 || withTotal)).length;
        expect(skipped).toEqual({ blank: blanks, total: withTotal ? 1 : 0 });
        for (const rec of records) expect(rec.firstRow).toBe(rec.rows[0].row);
      }),
    );
  });

  it('never throws and never uses a row twice, whatever the cells and merges', () => {
    const text = fc.constantFrom(undefined, '', '1', '问题', '措施', '合计', '一、方面', '备注：无', '序号');
    const row = fc.array(text, { minLength: 1, maxLength: 7 });
    const merge = fc
      .record({ top: fc.integer({ min: 1, max: 30 }), left: fc.integer({ min: 1, max: 7 }) })
      .chain(({ top, left }) =>
        fc
          .record({ h: fc.integer({ min: 0, max: 5 }), w: fc.integer({ min: 0, max: 3 }) })
          .map(({ h, w }) => ({ top, left, bottom: top + h, right: left + w })),
      );
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), fc.array(merge, { maxLength: 10 }), (rows, candidates) => {
        // Disjoint, as the reader hands them over.
        const merges = candidates.filter(
          (m, i) =>
            !candidates
              .slice(0, i)
              .some((o) => o.left <= m.right && m.left <= o.right && o.top <= m.bottom && m.top <= o.bottom),
        );
        const sheet: RawSheet = {
          name: 's',
          merges,
          rows: [
            { row: 1, cells: [undefined, ...HEADER] },
            ...rows.map((cells, i) => ({ row: i + 2, cells: [undefined, ...cells.map((c) => c || undefined)] })),
          ],
        };
        const layout = detectLayout(sheet, RECTIFICATION_FIELDS) as SheetLayout;
        const { records, skipped } = toRecords(sheet, layout, RECTIFICATION_FIELDS);
        const used = records.flatMap((rec) => rec.rows.map((x) => x.row));
        expect(new Set(used).size).toBe(used.length);
        expect(used).toEqual([...used].sort((a, b) => a - b));
        expect(used.every((r) => r > 1)).toBe(true);
        expect(used.length + skipped.blank + skipped.total).toBeLessThanOrEqual(rows.length);
      }),
    );
  });
});
