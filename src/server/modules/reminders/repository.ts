import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

/** Every campaign's own rule (a handful of rows: one per campaign that changed the defaults). */
export function allRules(db: Kysely<Database>) {
  return db.selectFrom('reminderRules').selectAll().execute();
}

export function ruleOf(db: Kysely<Database>, campaignId: number) {
  return db.selectFrom('reminderRules').selectAll().where('campaignId', '=', campaignId).executeTakeFirst();
}

export type RuleRow = NonNullable<Awaited<ReturnType<typeof ruleOf>>>;
