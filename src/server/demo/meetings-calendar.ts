import { addDays } from '../clock.ts';
import type { Random } from './prng.ts';

/** A 三会一课 meeting the demo records: its kind, a bucket (month or quarter) it belongs to, and its day. */
export interface CalendarMeeting {
  kind: string;
  mode: string;
  hours: number;
  topic: string;
  date: string;
}

/** The branch's cadence (the seeded meeting requirements): 支委会 and 党小组会 monthly, 党员大会 and 党课 quarterly. */
const CADENCE: Array<{ kind: string; every: 'month' | 'quarter'; mode: string; hours: number; topic: string }> = [
  {
    kind: 'committee_meeting',
    every: 'month',
    mode: 'exchange',
    hours: 1,
    topic: '支委会：研究部署本月党建和主题教育工作',
  },
  {
    kind: 'group_meeting',
    every: 'month',
    mode: 'exchange',
    hours: 1,
    topic: '党小组会：交流学习体会，开展批评和自我批评',
  },
  {
    kind: 'members_meeting',
    every: 'quarter',
    mode: 'exchange',
    hours: 2,
    topic: '支部党员大会：通报支部工作，讨论本季度重点任务',
  },
  { kind: 'party_lecture', every: 'quarter', mode: 'leader', hours: 2, topic: '书记讲党课：以学铸魂、以学促干' },
];

const monthStart = (d: string) => `${d.slice(0, 7)}-01`;
const quarterStart = (d: string) =>
  `${d.slice(0, 4)}-${String(Math.floor((Number(d.slice(5, 7)) - 1) / 3) * 3 + 1).padStart(2, '0')}-01`;
const nextMonth = (d: string) => {
  const y = Number(d.slice(0, 4));
  const m = Number(d.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
};
const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);

/**
 * The 三会一课 a branch holds from `from` to today in the seeds' cadence, beside the meetings it already has
 * (`held`: kind and date): each month without its 支委会 or 党小组会 gets one, each quarter without its 党员大会
 * or 党课 gets one, on a day of that month or quarter up to today. A branch `behind` held no 支委会 this quarter.
 */
export function meetingsToHold(
  random: Random,
  from: string,
  today: string,
  held: Array<{ kind: string; date: string }>,
  behind: boolean,
): CalendarMeeting[] {
  const out: CalendarMeeting[] = [];
  const thisQuarter = quarterStart(today);
  for (const c of CADENCE) {
    let bucket = c.every === 'month' ? monthStart(from) : quarterStart(from);
    while (bucket <= today) {
      const end = c.every === 'month' ? nextMonth(bucket) : nextMonth(nextMonth(nextMonth(bucket)));
      const last = [addDays(end, -1), today].sort()[0];
      const first = [bucket, from].sort()[1];
      const skip = behind && c.kind === 'committee_meeting' && bucket >= thisQuarter;
      const has = held.some((h) => h.kind === c.kind && h.date >= bucket && h.date < end);
      if (!skip && !has && first <= last) {
        const date = addDays(first, random.int(0, daysBetween(first, last)));
        out.push({ kind: c.kind, mode: c.mode, hours: c.hours, topic: c.topic, date });
        held.push({ kind: c.kind, date });
      }
      bucket = end;
    }
  }
  return out;
}

/** Where the demo's meeting record starts: the earlier of the campaign's first month and the current quarter. */
export function calendarStart(campaignStart: string, today: string): string {
  return [monthStart(campaignStart), quarterStart(today)].sort()[0];
}
