/**
 * Form rules for dates, with the field named in Chinese: an impossible date typed in (2030-02-30) is an error on
 * the field rather than a silent clear, a record of what happened cannot be dated after today, a range cannot
 * end before it starts. Used with components/strict-date-picker.tsx, which hands typed text to the form.
 */
import dayjs, { type Dayjs } from 'dayjs';
import type { FormRule } from 'antd';
import { todayText } from './today.ts';

const TYPED = Symbol('typed');
type Typed = Dayjs & { [TYPED]?: string };

/** An invalid Dayjs carrying the text the user typed (for the error message). */
export function typedDate(text: string): Dayjs {
  return Object.assign(dayjs(Number.NaN), { [TYPED]: text });
}

export interface DateRuleOptions {
  required?: boolean;
  /** A record of something that happened: not after today. */
  happened?: boolean;
  /** Not before this date (YYYY-MM-DD), e.g. the absence a make-up follows. */
  notBefore?: string;
  notBeforeLabel?: string;
}

export function dateRules(label: string, options: DateRuleOptions = {}): FormRule[] {
  return [
    ...(options.required ? [{ required: true, message: `请选择${label}` }] : []),
    {
      validator: async (_rule, d?: Typed | null) => {
        if (!d) return;
        if (!d.isValid())
          throw new Error(
            `“${label}”${d[TYPED] ? `“${d[TYPED]}”` : ''}不是有效日期，请按 YYYY-MM-DD 填写或从日历中选择`,
          );
        const day = d.format('YYYY-MM-DD');
        if (options.happened && day > todayText()) throw new Error(`“${label}”不能晚于今天：记录的是已经发生的事`);
        if (options.notBefore && day < options.notBefore)
          throw new Error(`“${label}”不能早于${options.notBeforeLabel ?? options.notBefore}`);
      },
    },
  ];
}

/** For a [start, end] range field: both real dates, the end not before the start (never swapped). */
export function rangeRules(startLabel: string, endLabel: string, required = true): FormRule[] {
  return [
    ...(required ? [{ required: true, message: `请选择${startLabel}和${endLabel}` }] : []),
    {
      validator: async (_rule, range?: [Dayjs | null, Dayjs | null] | null) => {
        if (!range?.[0] || !range[1]) return;
        if (!range[0].isValid() || !range[1].isValid()) throw new Error(`请填写有效的${startLabel}和${endLabel}`);
        if (range[1].isBefore(range[0], 'day')) throw new Error(`“${endLabel}”不能早于“${startLabel}”`);
      },
    },
  ];
}

/** The confirmation a date outside the campaign asks for, or null when it is inside (or the campaign unknown). */
export function outsideCampaign(
  date: string,
  campaign: { startDate: string; endDate: string } | undefined,
  what: string,
): { title: string; content: string; okText: string; cancelText: string } | null {
  if (!campaign || (date >= campaign.startDate && date <= campaign.endDate)) return null;
  return {
    title: '日期不在本次主题教育期间',
    content: `主题教育为 ${campaign.startDate} 至 ${campaign.endDate}，${what}为 ${date}。确定按此日期记录吗？`,
    okText: '仍然记录',
    cancelText: '返回修改',
  };
}
