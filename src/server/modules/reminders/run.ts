/**
 * One reminder run. Every (source, item, step, recipient) is claimed by a unique row written in the same
 * transaction as the message, so however many nodes run at once, and however often a run is repeated or
 * cut short, each reminder is sent exactly once: a second writer of the same claim waits for the first
 * and then writes nothing; a node that dies mid-run rolls back only what it had not committed.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { nowIso } from '../../clock.ts';
import type { ReminderItem, ReminderSource } from '../../lib/todo-source.ts';
import { calendarOverrides } from '../problems/public.ts';
import { notify, enqueueRobots } from '../notifications/public.ts';
import { allRules } from './repository.ts';
import { DEFAULT_RULE, dueSteps, horizon, STEP_LABELS, type ReminderRule, type Step } from './plan.ts';

/** Claims for a unit's group robots use this recipient id. */
const ROBOTS = 0;
const BATCH = 500;

export interface RunOptions {
  today: string;
  sources: ReminderSource[];
  /** Called after each recipient's reminders are committed (tests use it to cut a run short). */
  afterRecipient?: (userId: number) => void | Promise<void>;
}

export interface RunResult {
  /** Reminders newly sent to people (one per item, step and recipient). */
  sent: number;
  /** Messages written (one digest per recipient and run). */
  messages: number;
  robotMessages: number;
}

interface Due {
  source: ReminderSource;
  item: ReminderItem;
  step: Step;
}

async function rulesByCampaign(db: Kysely<Database>): Promise<Map<number, ReminderRule & { enabled: boolean }>> {
  const rows = await allRules(db);
  return new Map(rows.map((r) => [r.campaignId, { ...r, enabled: r.enabled === 1 }]));
}

function recipientsOf(item: ReminderItem, step: Step): Array<number | null> {
  if (step === 'before') return [item.ownerPersonId];
  if (step === 'overdue') return [item.ownerPersonId, ...item.leaderPersonIds];
  if (step === 'chief') return [item.chiefPersonId];
  return [item.upChiefPersonId];
}

/** Finds what is due today, then sends each recipient's new reminders as one digest message. */
export async function runReminders(db: Kysely<Database>, opts: RunOptions): Promise<RunResult> {
  const cal = await calendarOverrides(db);
  const rules = await rulesByCampaign(db);
  const until = horizon(opts.today, [...rules.values()], cal);
  const due: Due[] = [];
  for (const source of opts.sources) {
    let afterId = 0;
    for (;;) {
      const items = await source.dueBy(db, until, afterId, BATCH);
      for (const item of items) {
        const rule = rules.get(item.campaignId) ?? { ...DEFAULT_RULE, enabled: true };
        if (!rule.enabled) continue;
        for (const step of dueSteps(item.deadline, opts.today, rule, cal)) due.push({ source, item, step });
      }
      if (items.length < BATCH) break;
      afterId = items.at(-1)!.id;
    }
  }
  const personIds = [...new Set(due.flatMap((d) => recipientsOf(d.item, d.step)).filter((p) => p !== null))];
  const accounts = personIds.length
    ? await db
        .selectFrom('users')
        .select(['id', 'personId'])
        .where('personId', 'in', personIds)
        .where('active', '=', 1)
        .execute()
    : [];
  const byUser = new Map<number, Due[]>();
  for (const d of due)
    for (const p of recipientsOf(d.item, d.step))
      for (const a of accounts.filter((x) => x.personId === p)) byUser.set(a.id, [...(byUser.get(a.id) ?? []), d]);

  const result: RunResult = { sent: 0, messages: 0, robotMessages: 0 };
  for (const [userId, list] of [...byUser].sort((a, b) => a[0] - b[0])) {
    const fresh = await db.transaction().execute(async (trx) => {
      const claimed = await claim(trx, userId, list, opts.today);
      if (claimed.length) await notify(trx, digestOf(claimed), { userIds: [userId] });
      return claimed.length;
    });
    result.sent += fresh;
    if (fresh) result.messages++;
    await opts.afterRecipient?.(userId);
  }
  for (const d of due) {
    const sentToRobots = await db.transaction().execute(async (trx) => {
      if (!(await claim(trx, ROBOTS, [d], opts.today)).length) return 0;
      return enqueueRobots(trx, { ...messageOf(d), orgPath: d.item.orgPath });
    });
    result.robotMessages += sentToRobots;
  }
  return result;
}

/** Writes the claims; returns the reminders this call claimed (the others were sent before). */
async function claim(trx: Kysely<Database>, userId: number, list: Due[], today: string): Promise<Due[]> {
  const out: Due[] = [];
  for (const d of list) {
    const row = await trx
      .insertInto('reminderClaims')
      .values({ source: d.source.source, itemId: d.item.id, step: d.step, userId, date: today, createdAt: nowIso() })
      .onConflict((oc) => oc.columns(['source', 'itemId', 'step', 'userId']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (row) out.push(d);
  }
  return out;
}

function messageOf(d: Due) {
  const label = STEP_LABELS[d.step];
  return {
    event: 'reminder' as const,
    title: `${d.source.noun}${label}：${d.item.title}`,
    body: `${d.item.orgName}，时限 ${d.item.deadline}。`,
    link: d.item.link,
  };
}

/** A day's reminders for one person as one message (a daily digest instead of a flood). */
function digestOf(list: Due[]) {
  if (list.length === 1) return { ...messageOf(list[0]), orgPath: null };
  const lines = list.map(
    (d) => `- 【${STEP_LABELS[d.step]}】${d.item.title}（${d.item.orgName}，时限 ${d.item.deadline}）`,
  );
  return {
    event: 'reminder' as const,
    title: `时限提醒：${list.length} 项${list[0].source.noun}临期或逾期`,
    body: lines.join('\n'),
    // Several items: the 工作台 opens on 我的待办, where each of them is one row.
    link: '/',
    orgPath: null,
  };
}
