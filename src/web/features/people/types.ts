import type { PersonViewT } from '../../../shared/views/people.ts';

export type Person = PersonViewT;

export const LEADERSHIP_LEVELS: Record<string, string> = {
  bureau: '厅局级',
  county: '县处级',
  township: '乡科级',
  other: '其他',
};
export const GENDERS: Record<string, string> = { male: '男', female: '女' };

/** Same rule as the server: 11-digit mobile or a landline with area code. */
export const PHONE_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;
export const PHONE_MESSAGE = '“联系电话”格式不正确：请输入 11 位手机号或带区号的固定电话';
