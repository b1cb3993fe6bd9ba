import { DateInput, type DateInputProps } from '@mantine/dates';
import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
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
   * A day typed outside the allowed range, or one that cannot be read, is not taken (the field
   * keeps its value). On leaving the field, on Enter and when the form is sent, the form is told
   * why ("must be today or later"), or null when what is typed is fine, to say it naming its
   * field; without this the field says it itself.
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
 *
 * The form around the field is never sent with a day other than the one in the box: while the box
 * shows a day the field did not take (refused, unreadable, or emptied where a day is needed), the
 * field keeps the form from being sent, however it is sent (Enter in any field, its button, a
 * script), says why and takes the focus. So no form needs a check of its own.
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
  // The text last typed in the box (null before any): decides whether leaving puts back the value.
  const [typed, setTyped] = useState<string | null>(null);
  const resent = useRef(false);
  // "Today" is the workspace's, in its time zone: the day the server checks against.
  const { data: settings } = useSettings();
  const today = workspaceToday(settings?.timeZone);
  const min = notInPast ? today : minDate;
  const max = notInFuture ? today : maxDate;
  const fallbackId = useId();
  const id = props.id ?? fallbackId;
  // What is wrong with the day in the box now comes before an error about the value sent before.
  const error = refused && !onRefusedDay ? ownSentence(refused) : props.error;
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
  /** The day the text in the box reads as, once the person is done (null for none or unreadable). */
  const dayOf = (text: string) => parseTypedDate(text, navigator.language);
  /** Whether the box shows the field's own value (what the form would send). */
  const showsValue = (text: string) => {
    if (text.trim() === '') return !props.value;
    const day = dayOf(text);
    return day !== null && day === props.value;
  };
  /**
   * Why the text in the box cannot be sent as the field's day, or null when it can (the field's
   * value, a day in range, or nothing where the field may be empty).
   */
  const problemWith = (text: string): string | null => {
    if (showsValue(text)) return null;
    if (text.trim() === '') return props.clearable ? null : 'is needed';
    const day = dayOf(text);
    if (day === null) return `must be written like ${formatDate(today)}`;
    return refusedDayReason(day, { min, max, today });
  };
  const refuse = (problem: string | null) => {
    setRefused(problem);
    onRefusedDay?.(problem);
  };
  // The form is sent without this field hearing of it when its button is clicked: the click
  // comes after the blur, whatever the blur did. So the field listens for the form being sent
  // and stops it (before the form's own handler) while the box shows a day it did not take.
  useEffect(() => {
    const input = document.getElementById(id);
    const form = input instanceof HTMLInputElement ? input.form : null;
    if (!input || !form) return;
    const guard = (event: SubmitEvent) => {
      const text = (input as HTMLInputElement).value;
      const problem = problemWith(text);
      if (problem === null && showsValue(text)) {
        resent.current = false;
        return;
      }
      event.preventDefault();
      event.stopImmediatePropagation();
      if (problem === null && !resent.current) {
        // A day readable only now (a two-digit year), sent without leaving the box: take it, and
        // send the form again once it holds that day.
        resent.current = true;
        props.onChange(dayOf(text));
        const submitter = event.submitter;
        setTimeout(() => form.isConnected && form.requestSubmit(submitter?.isConnected ? submitter : null));
        return;
      }
      refuse(problem ?? `must be written like ${formatDate(today)}`);
      input.focus();
    };
    form.addEventListener('submit', guard, true);
    return () => form.removeEventListener('submit', guard, true);
  });
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
      onInput={(event) => {
        setTyped(event.currentTarget.value);
        props.onInput?.(event);
      }}
      // Leaving the box writes out the field's value when the text typed reads as it. Otherwise
      // the text stays: a day only readable now is taken on leaving (and then written out), and a
      // day the field did not take stays in sight, with why, and the form is not sent while it does.
      fixOnBlur={typed === null || showsValue(typed)}
      onBlur={(event) => {
        const text = event.currentTarget.value;
        const problem = problemWith(text);
        // A day only readable now (a two-digit year) is taken on leaving, as with Enter.
        if (problem === null && !showsValue(text)) props.onChange(dayOf(text));
        // Left for the form's send button: the sending says why. The error line appearing now
        // would move the button from under the pointer, and the click would be lost.
        if (problem === null || !sendsForm(event.relatedTarget, event.currentTarget.form)) refuse(problem);
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
          const text = event.currentTarget.value;
          const problem = problemWith(text);
          if (problem === null) {
            if (!showsValue(text)) props.onChange(dayOf(text));
          } else {
            event.preventDefault();
            refuse(problem);
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

/** Whether focus went to a button that sends this form. */
function sendsForm(target: EventTarget | null, form: HTMLFormElement | null): boolean {
  return (
    form !== null &&
    (target instanceof HTMLButtonElement || target instanceof HTMLInputElement) &&
    target.type === 'submit' &&
    target.form === form
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
