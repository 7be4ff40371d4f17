import { describe, expect, it } from 'vitest';
import { diffRows, formatValue } from './audit-labels.ts';

describe('audit before/after as users read it', () => {
  it('lists changed fields first, in Chinese, and hides bookkeeping columns', () => {
    const rows = diffRows(
      { id: 7, version: 1, name: '张三', phone: '13900000000', isPartyMember: true, updatedAt: 'x' },
      { id: 7, version: 2, name: '张三', phone: '13800000000', isPartyMember: false, updatedAt: 'y' },
    );
    expect(rows.map((r) => [r.label, r.before, r.after, r.changed])).toEqual([
      ['联系电话', '13900000000', '13800000000', true],
      ['中共党员', '是', '否', true],
      ['名称', '张三', '张三', false],
    ]);
  });

  it('treats a field an update did not record as unchanged, and every field of a creation as new', () => {
    expect(
      diffRows({ name: '甲', position: '科员' }, { position: '科长' }).map((r) => [r.key, r.after, r.changed]),
    ).toEqual([
      ['position', '科长', true],
      ['name', '甲', false],
    ]);
    expect(diffRows(null, { name: '乙' })).toEqual([
      { key: 'name', label: '名称', before: '—', after: '乙', changed: true },
    ]);
  });

  it('speaks enum values, lists and empties in Chinese', () => {
    expect(formatValue('type', 'branch')).toBe('党支部');
    expect(formatValue('role', 'officer')).toBe('党务干部');
    expect(
      formatValue('workLines', [
        { key: 'study', label: '理论学习' },
        { key: 'research', label: '调查研究' },
      ]),
    ).toBe('理论学习、调查研究');
    expect(formatValue('phone', null)).toBe('（空）');
    expect(formatValue('isPartyMember', 1)).toBe('是');
  });

  it('names a person by 姓名 and shows a unit by its name rather than its id', () => {
    expect(
      diffRows(null, { name: '丙', orgId: 3, orgName: '办公室党支部' }, 'person').map((r) => [r.label, r.after]),
    ).toEqual([
      ['姓名', '丙'],
      ['单位', '办公室党支部'],
    ]);
  });
});
