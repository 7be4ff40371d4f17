import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldsByHeader, matchHeader, normaliseHeader } from './fields.ts';
import { detectLayout, layoutSignature } from './layout.ts';
import { RECTIFICATION_FIELDS } from './rectification-fields.ts';
import type { RawSheet, SheetLayout } from './types.ts';

const byHeader = fieldsByHeader(RECTIFICATION_FIELDS);
const sheetOf = (...rows: string[][]): RawSheet => ({
  name: 's',
  merges: [],
  rows: rows.map((cells, i) => ({ row: i + 1, cells: [undefined, ...cells.map((c) => c || undefined)] })),
});

describe('matching a header cell to a field', () => {
  it.each([
    ['问题描述', 'title'],
    [' 问题　描述 ', 'title'],
    ['问题\n表现', 'title'],
    ['存在问题：', 'title'],
    ['*整改措施', 'measure'],
    ['※整改时限', 'deadline'],
    ['整改时限（年月日）', 'deadline'],
    ['整改时限(年-月-日)', 'deadline'],
    ['完成时限', 'deadline'],
    ['时间节点', 'deadline'],
    ['分管领导', 'leader'],
    ['牵头单位', 'ownerOrg'],
    ['具体责任人', 'owner'],
    ['ＸＸ', null],
    ['备注', null],
  ])('%j → %s', (header, field) => expect(matchHeader(byHeader, header)).toBe(field));

  it('normalises idempotently, and ignores spaces, full-width forms and line breaks', () => {
    fc.assert(
      fc.property(fc.string(), (text) => {
        const once = normaliseHeader(text);
        expect(normaliseHeader(once)).toBe(once);
      }),
    );
    const padded = fc.constantFrom(...RECTIFICATION_FIELDS.flatMap((f) => [f.label, ...f.synonyms]));
    const noise = fc.constantFrom(' ', '\u3000', '\n', '\r\n', '*', '※', '：');
    fc.assert(
      fc.property(padded, noise, fc.nat(), (label, n, at) => {
        const i = at % (label.length + 1);
        expect(normaliseHeader(label.slice(0, i) + n + label.slice(i))).toBe(normaliseHeader(label));
      }),
    );
  });
});

describe('finding the header', () => {
  it('takes the row naming the most fields, past titles, a 填报单位 line and a date line', () => {
    const layout = detectLayout(
      sheetOf(
        ['某局整改台账'],
        ['单位名称：某局'],
        ['日期：2023年10月'],
        ['序号', '问题描述', '整改措施'],
        ['1', 'a', 'b'],
      ),
      RECTIFICATION_FIELDS,
    ) as SheetLayout;
    expect(layout.headerRows).toEqual([4, 4]);
    expect(layout.unitHint).toBe('某局');
  });

  it('reads a parent header left unmerged over the sub-headers right of it', () => {
    const layout = detectLayout(
      sheetOf(
        ['序号', '问题描述', '整改措施', '责任', '', '', '整改时限'],
        ['', '', '', '领导', '单位', '人', ''],
        ['1', 'a'],
      ),
      RECTIFICATION_FIELDS,
    ) as SheetLayout;
    expect(layout.headerRows).toEqual([1, 2]);
    expect(layout.columns.map((c) => [c.header, c.field])).toEqual([
      ['序号', 'no'],
      ['问题描述', 'title'],
      ['整改措施', 'measure'],
      ['责任/领导', 'leader'],
      ['责任/单位', 'ownerOrg'],
      ['责任/人', 'owner'],
      ['整改时限', 'deadline'],
    ]);
  });

  it('needs two fields named to call a row the header, and says so in Chinese when none does', () => {
    expect(detectLayout(sheetOf(['问题描述'], ['a']), RECTIFICATION_FIELDS)).toEqual({
      sheet: 's',
      problem: expect.stringContaining('没有找到表头'),
    });
  });

  it('signs layouts by their header texts: same headers alike, one header changed not', () => {
    const base = detectLayout(sheetOf(['序号', '问题描述', '整改措施']), RECTIFICATION_FIELDS) as SheetLayout;
    const spaced = detectLayout(sheetOf(['序 号', '问题\n描述', '整改措施']), RECTIFICATION_FIELDS) as SheetLayout;
    const other = detectLayout(sheetOf(['序号', '存在问题', '整改措施']), RECTIFICATION_FIELDS) as SheetLayout;
    expect(layoutSignature(spaced)).toBe(layoutSignature(base));
    expect(layoutSignature(other)).not.toBe(layoutSignature(base));
  });

  it('lets a remembered mapping name the header row when the automatic match alone finds too little', () => {
    const sheet = sheetOf(['编　号', '情况', '办法'], ['1', 'a', 'b']);
    expect(detectLayout(sheet, RECTIFICATION_FIELDS)).toHaveProperty('problem');
    const layout = detectLayout(sheet, RECTIFICATION_FIELDS, { 情况: 'title', 办法: 'measure' }) as SheetLayout;
    expect(layout.columns.map((c) => c.field)).toEqual(['no', 'title', 'measure']);
  });
});
