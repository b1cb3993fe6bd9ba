import type { TodayEntry, TodayView } from './build-today.ts';

/**
 * The morning reminder e-mail of a hosted server: what is overdue and what is due today, in a
 * few plain lines, or null when there is nothing to say. It never nags: nothing is sent on an
 * empty day or while the person has paused their search (a cool-off after a rejection).
 */
export function reminderEmail(
  view: TodayView,
  person: { name: string; appUrl: string },
): { subject: string; text: string } | null {
  if (view.coolingOff) return null;
  const due = [...view.overdue, ...view.today];
  if (due.length === 0) return null;
  const shown = due.slice(0, 8);
  const line = (e: TodayEntry) => `- ${e.title}${view.overdue.includes(e) ? ` (was due ${e.dueOn})` : ''}`;
  const more = due.length - shown.length;
  const subject = due.length === 1 ? `Rebound: 1 thing for today` : `Rebound: ${due.length} things for today`;
  const text = [
    `Good morning ${person.name},`,
    '',
    'Here is what is waiting in Rebound today:',
    ...shown.map(line),
    ...(more > 0 ? [`…and ${more} more.`] : []),
    '',
    `Open Today: ${person.appUrl}`,
    '',
    'You get this because reminder e-mails are on in your settings; switch them off there at any time.',
  ].join('\n');
  return { subject, text };
}
