import type { Generated } from 'kysely';

export interface OrgUnitTable {
  id: Generated<number>;
  parentId: number | null;
  name: string;
  type: string;
  /** Materialized path of ids, e.g. "/1/5/23/"; compared byte-wise so a subtree is one index range. */
  path: string;
  depth: number;
  sortOrder: Generated<number>;
  secretaryId: number | null;
  namePinyin: string;
  nameInitials: string;
  active: Generated<number>;
  version: Generated<number>;
  createdAt: string;
  updatedAt: string;
  /** The key the unit was last counted under in the 三会一课 tally (study/meeting-tally.ts, migration 0141). */
  tally: string | null;
}

export interface OrgTables {
  orgUnits: OrgUnitTable;
}
