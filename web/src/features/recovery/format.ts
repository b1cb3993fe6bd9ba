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

export const MOODS = [
  { value: '1', label: 'Rough' },
  { value: '2', label: 'Low' },
  { value: '3', label: 'Okay' },
  { value: '4', label: 'Steady' },
  { value: '5', label: 'Good' },
] as const;

export function moodLabel(mood: number | null): string | null {
  return MOODS.find((m) => Number(m.value) === mood)?.label ?? null;
}
