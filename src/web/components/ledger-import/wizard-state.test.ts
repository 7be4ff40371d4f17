import { describe, expect, it } from 'vitest';
import type { ImportPreview } from './api/preview-type.ts';
import {
  columnLetter,
  errorOfCell,
  mappedTwice,
  missingRequired,
  progressOf,
  resumable,
  rowsText,
  stepOf,
} from './wizard-state.ts';

const fields = [
  { key: 'title', label: '问题描述', required: true },
  { key: 'org', label: '责任单位', required: true },
  { key: 'owner', label: '责任人', required: false },
];
const sheet = (columns: Array<[number, string, string | null]>, name = '表1'): ImportPreview['sheets'][number] => ({
  name,
  headerRows: [3, 4],
  problem: null,
  unitHint: null,
  columns: columns.map(([column, header, field]) => ({ column, header, field })),
});

describe('the wizard step follows the preview', () => {
  it('uploads first, checks while reading, checking, ready or invalid, and shows the import once confirmed', () => {
    expect(stepOf(undefined, false)).toBe(0);
    for (const status of ['reading', 'checking', 'ready', 'invalid'] as const)
      expect(stepOf({ status }, false)).toBe(1);
    expect(stepOf({ status: 'writing' }, false)).toBe(2);
    expect(stepOf({ status: 'done' }, false)).toBe(2);
  });

  it('keeps a confirmed preview whose write found errors on the import step, an unconfirmed one on the check', () => {
    expect(stepOf({ status: 'invalid' }, true)).toBe(2);
    expect(stepOf({ status: 'failed' }, true)).toBe(2);
    expect(stepOf({ status: 'failed' }, false)).toBe(1);
    expect(stepOf({ status: 'checking' }, true)).toBe(1);
  });
});

describe('progress', () => {
  const at = (status: ImportPreview['status'], rowsRead: number, rowsChecked: number, rowsTotal: number | null) =>
    progressOf({ status, progress: { rowsRead, rowsChecked, rowsTotal }, recordCount: 0 });

  it('counts rows read against the total, and only pulses while the total is unknown', () => {
    expect(at('reading', 250, 0, 1000)).toEqual({ percent: 25, text: '已读取 250 / 1000 行' });
    expect(at('reading', 250, 0, null)).toEqual({ percent: null, text: '已读取 250 行' });
  });

  it('counts rows checked, never past 100, and has no bar once the server stops working', () => {
    expect(at('checking', 999, 999, 1000)?.percent).toBe(99);
    expect(at('checking', 1000, 1200, 1000)?.percent).toBe(100);
    expect(at('writing', 1000, 1000, 1000)?.percent).toBeNull();
    expect(at('ready', 1000, 1000, 1000)).toBeNull();
    expect(at('done', 1000, 1000, 1000)).toBeNull();
  });
});

describe('the mapping of a sheet', () => {
  it('names the required fields no column is mapped to', () => {
    const s = sheet([
      [1, '序号', null],
      [2, '存在问题', 'title'],
      [3, '具体责任人', 'owner'],
    ]);
    expect(missingRequired(fields, s).map((f) => f.label)).toEqual(['责任单位']);
    expect(missingRequired(fields, { ...s, headerRows: null })).toEqual([]);
  });

  it('names a field two columns are mapped to', () => {
    const s = sheet([
      [1, '问题表现', 'title'],
      [2, '存在问题', 'title'],
      [3, '责任单位', 'org'],
    ]);
    expect(mappedTwice(fields, s).map((f) => f.key)).toEqual(['title']);
  });
});

describe('cell errors', () => {
  it('finds a cell error named by the file header, the field label or the key, and none of another column', () => {
    const owner = fields[2];
    expect(errorOfCell([{ column: '具体责任人', message: '不在名册中' }], owner, ['具体责任人'])).toBe('不在名册中');
    expect(
      errorOfCell(
        [
          { column: '责任人', message: 'a' },
          { column: 'owner', message: 'b' },
        ],
        owner,
        [],
      ),
    ).toBe('a；b');
    expect(errorOfCell([{ column: '责任单位', message: 'x' }], owner, ['具体责任人'])).toBeUndefined();
    expect(errorOfCell([{ column: '具体责任人', message: 'y' }], owner, ['责任主体 具体责任人'])).toBe('y');
  });
});

describe('small words', () => {
  it('names columns as Excel does and rows briefly', () => {
    expect([1, 26, 27, 52, 703].map(columnLetter)).toEqual(['A', 'Z', 'AA', 'AZ', 'AAA']);
    expect(rowsText([5, 9])).toBe('第 5、9 行');
    expect(rowsText([1, 2, 3, 4, 5, 6, 7])).toBe('第 1、2、3、4、5 等 7 行');
  });

  it('resumes the newest unfinished preview of the campaign, never a done or failed one', () => {
    const p = (id: number, status: ImportPreview['status'], campaignId: number | null, updatedAt: string) => ({
      id,
      status,
      campaignId,
      updatedAt,
    });
    const list = [
      p(1, 'invalid', 1, '2026-01-01T08:00:00Z'),
      p(2, 'done', 1, '2026-01-02T08:00:00Z'),
      p(3, 'ready', 1, '2026-01-01T09:00:00Z'),
      p(4, 'ready', 2, '2026-01-03T09:00:00Z'),
      p(5, 'failed', 1, '2026-01-04T09:00:00Z'),
    ];
    expect(resumable(list, 1)?.id).toBe(3);
    expect(resumable(list, undefined)?.id).toBe(4);
    expect(resumable(list.slice(1, 2), 1)).toBeUndefined();
  });
});
