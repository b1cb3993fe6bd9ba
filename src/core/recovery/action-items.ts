/**
 * Turning a look back into a few small, dated tasks. Only the steps rated `weak` become tasks;
 * each gets concrete wording and a weekday due date within the coming week.
 */
import type { RoundKind } from '../applications/application.ts';
import { addDays, isIsoDate } from '../dates.ts';
import { ReboundError } from '../errors.ts';
import type { PostMortemItemKind, RatedPostMortemItem } from './post-mortem.ts';
import { nextWorkingDay, previousWorkingDay } from './zoned-time.ts';

export interface ActionItem {
  /** `<item key>:action`; stable, so re-running does not duplicate tasks. */
  id: string;
  /** The post-mortem item it came from. */
  itemKey: string;
  text: string;
  /** A weekday, YYYY-MM-DD. */
  dueOn: string;
}

const KIND_ACTIONS: Record<Exclude<PostMortemItemKind, 'interview_round'>, string> = {
  jd_match: 'List the three requirements that mattered most and find roles where you meet at least two',
  resume: 'Rewrite the top third of your resume for the next role, using the words from its job description',
  cover_letter: 'Draft a short cover-letter opening that says why that company, and ask a friend to read it',
  screening_call: 'Practise a one-minute introduction out loud and note your salary range and start date',
  follow_up: 'Write a thank-you note template you can send within a day of each conversation',
  offer_talks: 'Write down what matters most in an offer and practise asking for it with someone you trust',
};

const ROUND_ACTIONS: Record<RoundKind, string> = {
  phone: 'Practise answering common phone-interview questions out loud, keeping each answer short',
  technical:
    'Work through two practice problems like the hardest one from this round, talking through your approach',
  behavioural:
    'Practise behavioural answers with a mentor or friend, using a clear situation–action–result shape',
  take_home: 'Redo the part of the take-home you were least happy with and note what you would change',
  onsite: 'Run a mock onsite with a friend, including the breaks and the questions you ask them',
  panel: 'Practise answering to several people: look for a friend or two to play the panel',
  final: 'Write down how you would explain why you, for this team, and practise it once a day this week',
};

/** The longest stretch of the user's own note that leads a task; the rest stays on the look back. */
const FOCUS_LIMIT = 120;

/**
 * The task's words. When the user wrote what went wrong ("Kafka partitioning"), the task is about
 * that, in their words, with the general advice after it; otherwise the advice alone.
 */
function actionText(item: RatedPostMortemItem): string {
  let base: string =
    item.kind === 'interview_round' ? ROUND_ACTIONS[item.roundKind ?? 'phone'] : KIND_ACTIONS[item.kind];
  const focus = focusOf(item.note);
  if (focus) base = `Work on ${focus}: ${base.charAt(0).toLowerCase()}${base.slice(1)}`;
  return item.kind === 'interview_round' && item.roundNumber ? `${base} (round ${item.roundNumber})` : base;
}

function focusOf(note: string | null | undefined): string | null {
  const line = note
    ?.trim()
    .split(/\r?\n/)[0]
    ?.trim()
    .replace(/[.!;:,]+$/, '');
  if (!line) return null;
  return line.length > FOCUS_LIMIT ? `${line.slice(0, FOCUS_LIMIT - 1).trimEnd()}…` : line;
}

/**
 * One task for each item rated `weak`: the first due two days after `today`, then one more
 * working day apart, never on a weekend and never more than a week out (late ones share the
 * last weekday of that week).
 */
export function actionItemsFromPostMortem(
  items: readonly RatedPostMortemItem[],
  today: string,
): ActionItem[] {
  if (!isIsoDate(today)) {
    throw new ReboundError('invalid_input', `today: not a YYYY-MM-DD date: ${today}`, [
      { path: 'today', message: 'expected YYYY-MM-DD' },
    ]);
  }
  const latest = previousWorkingDay(addDays(today, 7));
  let due = nextWorkingDay(addDays(today, 2));
  const out: ActionItem[] = [];
  for (const item of items) {
    if (item.rating !== 'weak') continue;
    out.push({
      id: `${item.key}:action`,
      itemKey: item.key,
      text: actionText(item),
      dueOn: due < latest ? due : latest,
    });
    due = nextWorkingDay(addDays(due, 1));
  }
  return out;
}
