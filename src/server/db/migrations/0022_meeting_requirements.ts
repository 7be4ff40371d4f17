import type { Kysely } from 'kysely';
import { withId } from './helpers.ts';

/** 三会一课: how often each kind of unit must hold each meeting, per quarter (editable by the office). */
export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('meeting_requirements'))
    .addColumn('org_type', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('per_quarter', 'integer', (c) => c.notNull())
    .addUniqueConstraint('meeting_requirements_unique', ['org_type', 'kind'])
    .execute();
  // The customary rule for a 党支部: 支部党员大会 quarterly, 支委会 and 党小组会 monthly, 党课 quarterly.
  await db
    .insertInto('meeting_requirements')
    .values([
      { org_type: 'branch', kind: 'members_meeting', per_quarter: 1 },
      { org_type: 'branch', kind: 'committee_meeting', per_quarter: 3 },
      { org_type: 'branch', kind: 'group_meeting', per_quarter: 3 },
      { org_type: 'branch', kind: 'party_lecture', per_quarter: 1 },
    ])
    .execute();
}

export async function down(): Promise<void> {
  throw new Error('irreversible');
}
