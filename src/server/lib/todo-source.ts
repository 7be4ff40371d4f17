/**
 * The contracts through which modules contribute to 我的待办 and to deadline reminders without the to-do
 * and reminder modules knowing their tables: each module exports its sources from its public.ts and one line
 * in modules/todos/sources.ts (or modules/reminders/sources.ts) registers them.
 */
import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { Actor } from '../auth/actor.ts';
import type { Database } from '../db/schema.ts';

/** One row of 我的待办: the record, why it waits, and the page that opens it with the action ready. */
export interface TodoItem {
  kind: string;
  id: number;
  title: string;
  orgName: string | null;
  /** The date it is due (or was submitted, for reviews). */
  date: string | null;
  overdue: boolean;
  /** A web path, e.g. "/problems?open=12&action=approve". */
  link: string;
}

/** What waits for one caller in one kind: both numbers come from the same SQL, so the count is the list's total. */
export interface TodoQuery {
  count(): Promise<number>;
  list(limit: number, offset: number): Promise<TodoItem[]>;
}

export interface TodoSource {
  kind: string;
  /** Chinese name shown on the to-do list and its filter, e.g. "销号申请". */
  label: string;
  /** The web menu entry whose badge counts this kind (a feature key in src/web/app/modules.tsx). */
  menu: string;
  /** The caller's waiting records, scoped and filtered in SQL; null when this kind never waits for them. */
  query(db: Kysely<Database>, actor: Actor, today: string): TodoQuery | null;
}

/**
 * Builds a TodoQuery from one filtered query: the count and the page share every predicate. `select` adds
 * the columns and the order; `toItem` turns a row into a to-do item.
 */
export function sqlTodo<TB extends keyof Database, R>(
  // biome-ignore lint/complexity/noBannedTypes: Kysely's own type for a query with nothing selected yet
  filtered: SelectQueryBuilder<Database, TB, {}>,
  // biome-ignore lint/complexity/noBannedTypes: as above
  select: (qb: SelectQueryBuilder<Database, TB, {}>) => SelectQueryBuilder<Database, TB, R>,
  toItem: (row: R) => TodoItem,
): TodoQuery {
  return {
    async count() {
      const row = await filtered.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      return Number((row as { n: number | string }).n);
    },
    async list(limit, offset) {
      const rows = await select(filtered).limit(limit).offset(offset).execute();
      return (rows as R[]).map(toItem);
    },
  };
}

/** Someone to remind about an item: an account by its person, and the role they are reminded in. */
export interface ReminderItem {
  /** Stable item id within the source (e.g. a measure id). */
  id: number;
  campaignId: number;
  title: string;
  deadline: string;
  orgPath: string;
  orgName: string;
  link: string;
  /** 责任人 (owner), 分管领导 (leader), 第一责任人 of the unit (chief), the upper unit's 第一责任人 (upChief). */
  ownerPersonId: number | null;
  leaderPersonIds: number[];
  chiefPersonId: number | null;
  upChiefPersonId: number | null;
}

/** A kind of item with a deadline that reminders watch (today: rectification measures). */
export interface ReminderSource {
  source: string;
  /** Chinese noun for a message, e.g. "整改措施". */
  noun: string;
  /** Open items whose deadline is on or before `until`, in id order, after `afterId` (pages of `limit`). */
  dueBy(db: Kysely<Database>, until: string, afterId: number, limit: number): Promise<ReminderItem[]>;
}
