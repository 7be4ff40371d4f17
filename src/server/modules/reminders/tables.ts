import type { Generated } from 'kysely';

export interface ReminderTables {
  /** One row per reminder sent: (source, item, step, recipient) is unique, written with the message itself. */
  reminderClaims: {
    id: Generated<number>;
    source: string;
    itemId: number;
    step: string;
    userId: number;
    date: string;
    createdAt: string;
  };
  /** A campaign's reminder rule in working days; campaigns without a row use the defaults. */
  reminderRules: {
    id: Generated<number>;
    campaignId: number;
    enabled: Generated<number>;
    beforeDays: number;
    chiefAfterDays: number;
    upAfterDays: number;
    version: Generated<number>;
    createdAt: string;
    updatedAt: string;
  };
}
