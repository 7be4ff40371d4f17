import type { Generated } from 'kysely';

export interface PersonTable {
  id: Generated<number>;
  orgId: number;
  /** Copy of the unit's path, kept in step on moves, so scoped person queries are one index range. */
  orgPath: string;
  name: string;
  namePinyin: string;
  nameInitials: string;
  gender: string | null;
  position: Generated<string>;
  isPartyMember: Generated<number>;
  leadershipLevel: string | null;
  phone: string | null;
  active: Generated<number>;
  version: Generated<number>;
  createdAt: string;
  updatedAt: string;
}

export interface PeopleTables {
  people: PersonTable;
}
