import { DateInput, type DateInputProps } from '@mantine/dates';
import { useId, useLayoutEffect, useState } from 'react';
import { useSettings } from '../api/hooks.ts';
import { formatDate, todayIso } from '../lib/format.ts';
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
  /**
   * A day typed outside the allowed range is not taken (the field keeps its value). On leaving the
   * field the form is told why ("must be today or later"), or null when what is typed is fine, to
   * say it naming its field; without this the field says it itself.
   */
  onRefusedDay?: (reason: string | null) => void;
}

/** Why a typed day is refused, or null when it is allowed (or not a day). */
export function refusedDayReason(
  day: string | null,
  range: { min?: string; max?: string; today: string },
): string | null {
  if (day === null) return null;
  const { min, max, today } = range;
  if (min !== undefined && day < min)
    return min === today ? 'must be today or later' : `must be ${formatDate(min)} or later`;
  if (max !== undefined && day > max)
    return max === today ? 'cannot be after today' : `must be ${formatDate(max)} or earlier`;
  return null;
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
  onRefusedDay,
  ...props
}: DateFieldProps) {
  const [calendarOpen, setCalendarOpen] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  // "Today" is the workspace's, in its time zone: the day the server checks against.
  const { data: settings } = useSettings();
  const today = workspaceToday(settings?.timeZone);
  const min = notInPast ? today : minDate;
  const max = notInFuture ? today : maxDate;
  const fallbackId = useId();
  const id = props.id ?? fallbackId;
  const error = props.error ?? (refused && !onRefusedDay ? ownSentence(refused) : undefined);
  // The calendar opens under the box, where the error line is: it opens below that line instead,
  // so what is wrong stays in sight while the day is put right (a phone's narrow dialog included).
  const [errorDepth, setErrorDepth] = useState(0);
  useLayoutEffect(() => {
    const input = document.getElementById(id);
    const line = error ? document.getElementById(`${id}-error`) : null;
    setErrorDepth(
      input && line
        ? Math.max(0, line.getBoundingClientRect().bottom - input.getBoundingClientRect().bottom)
        : 0,
    );
  }, [error, id]);
  /**
   * Why the typed text cannot be sent as the field's day, or null when it can (a day in range, or
   * nothing where the field may be empty).
   */
  const enterProblem = (text: string): string | null => {
    if (text.trim() === '') return props.clearable ? null : 'is needed';
    const day = parseTypedDate(text, navigator.language);
    if (day === null) return `must be written like ${formatDate(today)}`;
    return refusedDayReason(day, { min, max, today });
  };
  return (
    <DateInput
      valueFormat={DATE_FORMAT}
      // Read at each key: a two-digit year is half of one ("24/11/20" on the way to 24/11/2026),
      // so it is taken only when the person is done, on Enter or on leaving the field.
      dateParser={(text) => parseTypedDate(text, navigator.language, { whileTyping: true })}
      maxDate={max}
      minDate={min}
      {...props}
      id={id}
      // The calendar does not take a day outside its range and puts back the value on leaving:
      // say why instead of dropping what was typed without a word.
      onBlur={(event) => {
        const day = parseTypedDate(event.currentTarget.value, navigator.language);
        const reason = refusedDayReason(day, { min, max, today });
        // A day only readable now (a two-digit year) is taken on leaving, as with Enter.
        if (day !== null && reason === null && day !== props.value) props.onChange(day);
        setRefused(reason);
        onRefusedDay?.(reason);
        props.onBlur?.(event);
      }}
      onChange={(value) => {
        setRefused(null);
        props.onChange(value);
      }}
      // Enter submits the form around the field at once, without the blur that settles what was
      // typed: a day the field did not take (refused, unreadable, or emptied where a day is
      // needed) would be sent as the value it had before. Commit the typed day, or say why not
      // and keep the form from being sent.
      onKeyDown={(event) => {
        if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
          const problem = enterProblem(event.currentTarget.value);
          if (problem === null) {
            const day = parseTypedDate(event.currentTarget.value, navigator.language);
            if (day !== props.value) props.onChange(day);
          } else {
            event.preventDefault();
            setRefused(problem);
            onRefusedDay?.(problem);
          }
        }
        props.onKeyDown?.(event);
      }}
      error={error}
      // A dialog closes on Escape from a window listener that skips elements marked like this;
      // while the calendar is open, Escape belongs to the calendar alone.
      data-mantine-stop-propagation={calendarOpen ? 'true' : undefined}
      popoverProps={{
        ...popoverProps,
        offset: (typeof popoverProps?.offset === 'number' ? popoverProps.offset : 8) + errorDepth,
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

/** A refusal said by the field itself: "This day cannot be after today.", "The day is needed." */
function ownSentence(reason: string): string {
  return /^(must be written|is needed)/.test(reason) ? `The day ${reason}.` : `This day ${reason}.`;
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
