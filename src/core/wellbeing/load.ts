import { addDays } from '../dates.ts';

export interface LoadSignal {
  level: 'ok' | 'heavy';
  /** What was noticed, in plain words (empty when all is ok). */
  why: string;
  /** A gentle, optional next step (empty when all is ok). */
  suggestion: string;
  rejectionsLast7Days: number;
  /** Average mood (1..5) over the last 7 days and the 14 before, when logged. */
  recentMood: number | null;
  earlierMood: number | null;
}

const average = (xs: number[]) => (xs.length === 0 ? null : xs.reduce((s, v) => s + v, 0) / xs.length);

/**
 * Notices when the search is weighing heavily: several rejections in a week (3 or more) together
 * with a mood that dropped (a full point below the two weeks before) or is low (2 or less); or
 * 5 or more rejections in a week whatever the mood. Then suggests a planned break, gently. It
 * never scolds and never counts streaks.
 */
export function loadSignal(
  rejections: readonly { on: string }[],
  moods: readonly { on: string; mood: number }[],
  today: string,
): LoadSignal {
  const weekAgo = addDays(today, -6);
  const earlierFrom = addDays(today, -20);
  const recentRejections = rejections.filter((r) => r.on >= weekAgo && r.on <= today).length;
  const recentMood = average(moods.filter((m) => m.on >= weekAgo && m.on <= today).map((m) => m.mood));
  const earlierMood = average(moods.filter((m) => m.on >= earlierFrom && m.on < weekAgo).map((m) => m.mood));
  const moodDropped = recentMood !== null && earlierMood !== null && earlierMood - recentMood >= 1;
  const moodLow = recentMood !== null && recentMood <= 2;
  const base = { rejectionsLast7Days: recentRejections, recentMood, earlierMood };

  const heavy = (recentRejections >= 3 && (moodDropped || moodLow)) || recentRejections >= 5;
  if (!heavy) return { level: 'ok', why: '', suggestion: '', ...base };
  const moodPart = moodDropped || moodLow ? ', and your mood has been lower than usual' : '';
  return {
    level: 'heavy',
    why: `${recentRejections} rejections arrived in the last 7 days${moodPart}. That is a lot to take in at once, for anyone.`,
    suggestion:
      'Consider planning a short break: a day or two with no applications, on purpose. Your plan and your data will be here when you come back.',
    ...base,
  };
}
