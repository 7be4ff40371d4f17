import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDeadline } from './deadline-text.ts';
import type { DeadlineReading } from './types.ts';

const campaign = { startDate: '2023-09-01', endDate: '2024-01-31' };
const date = (d: string): DeadlineReading => ({ kind: 'date', date: d });

describe('reading a 整改时限 cell', () => {
  const table: Array<[string, DeadlineReading]> = [
    ['2023-12-31', date('2023-12-31')],
    ['2023/12/31', date('2023-12-31')],
    ['2023.12.31', date('2023-12-31')],
    ['2023年12月31日', date('2023-12-31')],
    ['2023 年 12 月 31 日前', date('2023-12-31')],
    ['２０２３年１２月３１日', date('2023-12-31')],
    ['20231231', date('2023-12-31')],
    ['12月31日前', date('2023-12-31')],
    ['3月31日前', date('2024-03-31')], // before the start in 2023: next year's
    ['12月31前', date('2023-12-31')],
    ['12.31前', date('2023-12-31')],
    ['2023-12-31 00:00:00', date('2023-12-31')],
    ['2023.12.31-2024.6.30', date('2024-06-30')],
    ['2023年12月底前', date('2023-12-31')],
    ['2024年2月底', date('2024-02-29')],
    ['12月底', date('2023-12-31')],
    ['十一月底前', date('2023-11-30')],
    ['2023.12', date('2023-12-31')],
    ['年底前', date('2023-12-31')],
    ['2024年底前', date('2024-12-31')],
    ['明年底前', date('2024-12-31')],
    ['一季度末', date('2024-03-31')],
    ['2024年第二季度末', date('2024-06-30')],
    ['二季度末', date('2024-06-30')],
    ['四季度', date('2023-12-31')],
    ['上半年', date('2024-06-30')],
    ['下半年', date('2023-12-31')],
    ['2023年10月至12月', date('2023-12-31')],
    ['2022-05-01', date('2022-05-01')], // a full date is taken as written, even before the start
    ['立行立改', { kind: 'immediate' }],
    ['即知即改', { kind: 'immediate' }],
    ['立即整改', { kind: 'immediate' }],
    ['立行立改，2023年11月底前完成', date('2023-11-30')],
    ['长期坚持', { kind: 'long_term' }],
    ['持续推进', { kind: 'long_term' }],
    ['常态化', { kind: 'long_term' }],
    ['长期', { kind: 'long_term' }],
    ['长期坚持（2024年6月底前见阶段成效）', { kind: 'long_term', date: '2024-06-30' }],
    ['见附件', { kind: 'unreadable', text: '见附件' }],
    ['3个月内', { kind: 'unreadable', text: '3个月内' }],
    ['一年内', { kind: 'unreadable', text: '一年内' }],
    ['半年内', { kind: 'unreadable', text: '半年内' }],
    ['年内', date('2023-12-31')],
    ['2023年2月30日', { kind: 'unreadable', text: '2023年2月30日' }],
    ['', { kind: 'unreadable', text: '' }],
  ];
  it.each(table)('%s', (text, expected) => expect(readDeadline(text, undefined, campaign)).toEqual(expected));

  it('takes an Excel date cell as its date', () => {
    expect(readDeadline('2023-10-08', '2023-10-08', campaign)).toEqual(date('2023-10-08'));
    expect(readDeadline('anything', '2022-01-01', campaign)).toEqual(date('2022-01-01'));
  });
});

const day = fc
  .date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const campaigns = day.map((startDate) => ({ startDate, endDate: startDate }));
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

describe('deadline reading properties', () => {
  it('reads a month as its last day (Feb of a leap year included)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1, max: 12 }), (y, m) => {
        const expected = `${y}-${String(m).padStart(2, '0')}-${lastDay(y, m)}`;
        for (const text of [`${y}年${m}月底前`, `${y}年${m}月`, `${y}.${m}`, `${y}年${m}月末`])
          expect(readDeadline(text, undefined, { startDate: `${y}-01-01`, endDate: `${y}-12-31` })).toEqual(
            date(expected),
          );
      }),
    );
  });

  it('never reads a date before the campaign start from text without a year', () => {
    const yearless = fc.oneof(
      fc.tuple(fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 })).map(([m, d]) => `${m}月${d}日前`),
      fc.integer({ min: 1, max: 12 }).map((m) => `${m}月底前`),
      fc.constantFrom('年底前', '一季度末', '二季度末', '三季度末', '四季度末', '上半年', '下半年', '年内'),
    );
    fc.assert(
      fc.property(yearless, campaigns, (text, c) => {
        const reading = readDeadline(text, undefined, c);
        expect(reading.kind).toBe('date');
        if (reading.kind === 'date') {
          expect(reading.date >= c.startDate).toBe(true);
          // …and not more than a year after it: the year is the campaign's or the next.
          expect(Number(reading.date.slice(0, 4)) - Number(c.startDate.slice(0, 4))).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it('reads a canonical ISO date as itself, and its reading again as the same', () => {
    fc.assert(
      fc.property(day, campaigns, (iso, c) => {
        const reading = readDeadline(iso, undefined, c);
        expect(reading).toEqual(date(iso));
        if (reading.kind === 'date') expect(readDeadline(reading.date, undefined, c)).toEqual(reading);
      }),
    );
  });
});
