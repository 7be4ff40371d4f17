import { useRef } from 'react';
import { DatePicker, type DatePickerProps } from 'antd';
import type { GetProps } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import customParseFormat from 'dayjs/plugin/customParseFormat.js';
import { typedDate } from '../lib/date-rules.ts';

dayjs.extend(customParseFormat);

const FORMAT = 'YYYY-MM-DD';

/**
 * A DatePicker that never drops what was typed. Ant Design's picker quietly puts the old value back when the
 * text is not a date it accepts (2030-02-30, or a date it disables), so a form saved what the user did not
 * mean. Here the typed text stays in the box and reaches the form as the value: an impossible date as an
 * invalid Dayjs that remembers the text, a disabled one as that date, so `dateRules` names the field's error.
 */
export function StrictDatePicker({ value, onChange, onBlur, ...rest }: DatePickerProps) {
  const holder = useRef<HTMLSpanElement>(null);
  const current = value as Dayjs | null | undefined;
  return (
    <span ref={holder} style={{ display: 'inline-block' }}>
      <DatePicker
        {...rest}
        format={FORMAT}
        preserveInvalidOnBlur
        value={current?.isValid() ? current : null}
        onChange={onChange}
        onBlur={(event, info) => {
          const text = holder.current?.querySelector('input')?.value.trim() ?? '';
          const shown = current?.isValid() ? current.format(FORMAT) : '';
          if (text && text !== shown) {
            const parsed = dayjs(text, FORMAT, true);
            (onChange as ((d: Dayjs, s: string) => void) | undefined)?.(
              parsed.isValid() ? parsed : typedDate(text),
              text,
            );
          }
          onBlur?.(event, info);
        }}
      />
    </span>
  );
}

type RangeProps = GetProps<typeof DatePicker.RangePicker>;

/** A RangePicker that keeps the order typed (no silent swap), so `rangeRules` can say the end is before the start. */
export function OrderedRangePicker(props: RangeProps) {
  return <DatePicker.RangePicker {...props} order={false} />;
}
