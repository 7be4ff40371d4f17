import { pinyinKeys } from '../../lib/pinyin.ts';

export interface PersonFields {
  name?: string;
  gender?: string | null;
  position?: string;
  isPartyMember?: boolean;
  leadershipLevel?: string | null;
  phone?: string | null;
}

/** The table's columns for the fields given (name with its pinyin search keys). */
export function columnsOf(input: PersonFields) {
  const values: Record<string, unknown> = {};
  if (input.name !== undefined) Object.assign(values, { name: input.name.trim() }, pinyinKeys(input.name.trim()));
  if (input.gender !== undefined) values.gender = input.gender;
  if (input.position !== undefined) values.position = input.position.trim();
  if (input.isPartyMember !== undefined) values.isPartyMember = input.isPartyMember ? 1 : 0;
  if (input.leadershipLevel !== undefined) values.leadershipLevel = input.leadershipLevel;
  if (input.phone !== undefined) values.phone = input.phone || null;
  return values;
}
