import { DateInput, type DateInputProps } from '@mantine/dates';
import { useState } from 'react';
import { useSettings } from '../api/hooks.ts';
import { todayIso } from '../lib/format.ts';
import { DATE_FORMAT, parseTypedDate } from '../lib/typed-date.ts';

export interface DateFieldProps extends Omit<DateInputProps, 'value' | 'onChange' | 'maxDate' | 'minDate'> {
  value: string | null;
  onChange: (value: string | null) => void;
  /** The server refuses days after today here (applied, rejected, logged…): the picker never offers them. */
  notInFuture?: boolean;
  /** The server refuses days before today here (a due date): the picker never offers them. */
  notInPast?: boolean;
  minDate?: string;
  maxDate?: string;
}

/**
 * Every date field in the app: shown as "3 Nov 2026", typed as that, as ISO, or in the locale's
 * own order (3/11/2026 in the UK); Escape closes the calendar without closing the dialog around it;
 * days the server would refuse are not offered.
 */
export function DateField({
  notInFuture,
  notInPast,
  minDate,
  maxDate,
  popoverProps,
  ...props
}: DateFieldProps) {
  const [calendarOpen, setCalendarOpen] = useState(false);
  // "Today" is the workspace's, in its time zone: the day the server checks against.
  const { data: settings } = useSettings();
  const today = workspaceToday(settings?.timeZone);
  return (
    <DateInput
      valueFormat={DATE_FORMAT}
      dateParser={(text) => parseTypedDate(text, navigator.language)}
      maxDate={notInFuture ? today : maxDate}
      minDate={notInPast ? today : minDate}
      {...props}
      // A dialog closes on Escape from a window listener that skips elements marked like this;
      // while the calendar is open, Escape belongs to the calendar alone.
      data-mantine-stop-propagation={calendarOpen ? 'true' : undefined}
      popoverProps={{
        ...popoverProps,
        onOpen: () => {
          setCalendarOpen(true);
          popoverProps?.onOpen?.();
        },
        onClose: () => {
          setCalendarOpen(false);
          popoverProps?.onClose?.();
        },
      }}
    />
  );
}

/** Today in the workspace's time zone (the browser's when the settings have not loaded). */
export function workspaceToday(timeZone: string | undefined): string {
  if (!timeZone) return todayIso();
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone }).format(new Date());
  } catch {
    return todayIso();
  }
}
