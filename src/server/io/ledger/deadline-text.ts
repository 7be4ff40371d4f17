/**
 * A 整改时限 cell read as offices write it: full dates in any common form, a month (2023年12月底前 → its last
 * day), a quarter or half year, 年底前, dates without a year (the campaign's year, or the next when that would
 * fall before the campaign starts), and the words that are kinds of deadline rather than dates (立行立改 →
 * immediate, 长期坚持 → long-term). Nothing is guessed: text that names no date and no kind is unreadable.
 * Pure: no clock, only the campaign's dates.
 */
import type { DeadlineCampaign, DeadlineReading } from './types.ts';

const IMMEDIATE = /立行立改|即知即改|立即整改|立查立改|即查即改|马上就改|立即落实/;
const LONG_TERM = /长期坚持|持续推进|常态化|长期|持续整改|久久为功|持续开展/;

const CHINESE_NUMBERS: Record<string, number> = {
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
  十: 10,
  十一: 11,
  十二: 12,
};
const MONTH = '(\\d{1,2}|十[一二]?|[一二三四五六七八九])';
const QUARTER = '第?([一二三四1-4])季度';

const number = (text: string) => CHINESE_NUMBERS[text] ?? Number(text);
const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** YYYY-MM-DD when it is a real day, else undefined (2023-02-30). */
function isoDate(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > lastDay(year, month) || year < 1900 || year > 2200) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** A date as read from text: `yearless` when the year was supplied from the campaign, so it may roll forward. */
interface Found {
  year: number;
  month: number;
  /** undefined: the month's last day. */
  day?: number;
  yearless: boolean;
}

type Reader = { pattern: RegExp; read: (m: RegExpExecArray, year: number) => Found | undefined };

const full = (year: string, month: number, day?: number): Found => ({
  year: Number(year),
  month,
  day,
  yearless: false,
});
const quarterEnd = (q: string) => number(q) * 3;

/** Most specific first; each match is blanked out of the text before the next reader looks. */
const READERS: Reader[] = [
  { pattern: /(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?/g, read: (m) => full(m[1], +m[2], +m[3]) },
  { pattern: /(?<!\d)(\d{4})(\d{2})(\d{2})(?!\d)/g, read: (m) => full(m[1], +m[2], +m[3]) },
  { pattern: new RegExp(`(\\d{4})\\s*年?\\s*${QUARTER}`, 'g'), read: (m) => full(m[1], quarterEnd(m[2])) },
  { pattern: /(\d{4})\s*年?\s*(上|下)半年/g, read: (m) => full(m[1], m[2] === '上' ? 6 : 12) },
  { pattern: new RegExp(`(\\d{4})\\s*[-/.年]\\s*${MONTH}(?!\\d)\\s*月?`, 'g'), read: (m) => full(m[1], number(m[2])) },
  { pattern: /(\d{4})\s*年/g, read: (m) => full(m[1], 12) },
  {
    pattern: new RegExp(`${MONTH}\\s*月\\s*(\\d{1,2})(?!\\d)\\s*[日号]?`, 'g'),
    read: (m, year) => ({ year, month: number(m[1]), day: +m[2], yearless: true }),
  },
  { pattern: new RegExp(`${MONTH}\\s*月`, 'g'), read: (m, year) => ({ year, month: number(m[1]), yearless: true }) },
  {
    // 12.31 / 12/31 written without a year
    pattern: /(?<![\d./-])(\d{1,2})\s*[./]\s*(\d{1,2})(?![\d./-])/g,
    read: (m, year) => ({ year, month: +m[1], day: +m[2], yearless: true }),
  },
  { pattern: new RegExp(QUARTER, 'g'), read: (m, year) => ({ year, month: quarterEnd(m[1]), yearless: true }) },
  { pattern: /(上|下)半年/g, read: (m, year) => ({ year, month: m[1] === '上' ? 6 : 12, yearless: true }) },
  { pattern: /(明年)(?:年)?(?:底|末)/g, read: (_, year) => ({ year: year + 1, month: 12, yearless: false }) },
  {
    pattern: /(?<![\d一二两三四五六七八九十半])年(?:底|末|内)/g,
    read: (_, year) => ({ year, month: 12, yearless: true }),
  },
];

/** The dates the text names, as YYYY-MM-DD (yearless ones moved to the next year when before the start). */
function datesIn(text: string, campaign: DeadlineCampaign): string[] {
  const startYear = Number(campaign.startDate.slice(0, 4));
  const found: string[] = [];
  let rest = text;
  for (const { pattern, read } of READERS) {
    rest = rest.replace(pattern, (...args) => {
      const match = args.slice(0, -2) as unknown as RegExpExecArray;
      const date = read(match, startYear);
      if (!date) return ' ';
      const at = (year: number) => isoDate(year, date.month, date.day ?? lastDay(year, date.month));
      let iso = at(date.year);
      if (iso && date.yearless && iso < campaign.startDate) iso = at(date.year + 1);
      found.push(iso ?? 'invalid');
      return ' ';
    });
  }
  return found;
}

/**
 * The deadline a cell names. A date cell is its date. A kind word with a date beside it: long-term keeps the
 * date; immediate gives way to it (a date written is the deadline). Several dates: the latest (the end of a
 * span like 2023年10月至12月). A date that does not exist (2023年2月30日) makes the cell unreadable.
 */
export function readDeadline(text: string, cellDate: string | undefined, campaign: DeadlineCampaign): DeadlineReading {
  if (cellDate) return { kind: 'date', date: cellDate };
  const plain = text.normalize('NFKC').trim();
  const dates = datesIn(plain, campaign);
  if (dates.includes('invalid')) return { kind: 'unreadable', text };
  const latest = dates.sort().at(-1);
  if (LONG_TERM.test(plain)) return latest ? { kind: 'long_term', date: latest } : { kind: 'long_term' };
  if (latest) return { kind: 'date', date: latest };
  if (IMMEDIATE.test(plain)) return { kind: 'immediate' };
  return { kind: 'unreadable', text };
}
