import { MOOD_SCALE, moodWord } from '@core/wellbeing/mood.ts';
import dayjs from 'dayjs';

/** "Thu 12 Nov, 09:00" for an ISO instant, in the browser's time zone. */
export function formatWhen(iso: string | null | undefined): string {
  if (!iso) return '—';
  return dayjs(iso).format('ddd D MMM, HH:mm');
}

/** "Thu 12 Nov" for an ISO instant or a YYYY-MM-DD day. */
export function formatDay(value: string | null | undefined): string {
  if (!value) return '—';
  return dayjs(value).format('ddd D MMM');
}

/** The shared mood scale (src/core/wellbeing/mood.ts) as choices for a segmented control. */
export const MOODS = MOOD_SCALE.map((m) => ({ value: String(m.value), label: m.word }));

export const moodLabel = (mood: number | null): string | null => moodWord(mood);
