import { addDays } from '../dates.ts';
import { personWords, type Reader, SELF } from '../reader.ts';
import { type Activity, sentOn } from './activity.ts';

export const GOAL_KINDS = ['applications', 'networking_conversations', 'learning_hours', 'custom'] as const;
export type GoalKind = (typeof GOAL_KINDS)[number];

/** Each kind of goal in words, for a goal with no label of its own. */
export const GOAL_KIND_LABELS: Record<GoalKind, string> = {
  applications: 'Applications sent',
  networking_conversations: 'Networking conversations',
  learning_hours: 'Hours of learning',
  custom: 'Something else',
};

/** A goal's title: its own label, else its kind in words. */
export function goalTitle(goal: { kind: GoalKind; label?: string | null }): string {
  return goal.label ?? GOAL_KIND_LABELS[goal.kind];
}

/** A weekly goal about an action you control, never about an outcome you don't. */
export interface WeeklyGoal {
  id: string;
  kind: GoalKind;
  target: number;
  /** "applications", "conversations", "hours" or "minutes"; a custom goal may use any word. */
  unit: string;
  /** A custom goal's own words, e.g. "mock interviews". */
  label?: string;
  /**
   * Monday of the one week this goal is for: a step to do that week (a check-in accepted from a
   * coach), counted and shown in that week only. Absent: the goal carries over from week to week.
   */
  weekStart?: string;
}

/** The goals that belong to the week starting `weekStart`: every standing goal and that week's own. */
export function goalsOfWeek<G extends Pick<WeeklyGoal, 'weekStart'>>(
  goals: readonly G[],
  weekStart: string,
): G[] {
  return goals.filter((g) => g.weekStart === undefined || g.weekStart === weekStart);
}

export interface GoalProgress {
  goalId: string;
  kind: GoalKind;
  /** The goal's title (`goalTitle`): its own words, else its kind; shown beside the message. */
  title: string;
  /** A step for one week only (an accepted check-in): its title says what, its message only how far. */
  step: boolean;
  target: number;
  done: number;
  unit: string;
  met: boolean;
  /** done ÷ target, capped at 1, for a progress bar. */
  ratio: number;
  /** One kind sentence for the week. */
  message: string;
}

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

function amountFor(goal: WeeklyGoal, activity: Activity, from: string, to: string): number {
  const inWeek = (on: string | null | undefined) => on != null && on >= from && on <= to;
  const asUnit = (minutes: number) => (goal.unit === 'minutes' ? minutes : minutes / 60);
  switch (goal.kind) {
    case 'applications':
      return (activity.applications ?? []).filter((a) => inWeek(a.appliedOn ?? sentOn(a.events))).length;
    case 'networking_conversations': {
      const logs = (activity.networking ?? []).filter((l) => inWeek(l.on));
      if (goal.unit === 'hours' || goal.unit === 'minutes')
        return asUnit(logs.reduce((s, l) => s + (l.minutes ?? 0), 0));
      return logs.reduce((s, l) => s + (l.conversations ?? 1), 0);
    }
    case 'learning_hours':
      return asUnit((activity.learning ?? []).filter((l) => inWeek(l.on)).reduce((s, l) => s + l.minutes, 0));
    case 'custom':
      return (activity.custom ?? [])
        .filter((c) => c.goalId === goal.id && inWeek(c.on))
        .reduce((s, c) => s + c.amount, 0);
  }
}

/** How a goal's amount is named: a standing goal's own words ("mock interviews"), else its unit. */
function unitOf(goal: WeeklyGoal): string {
  return goal.weekStart === undefined ? (goal.label ?? goal.unit) : goal.unit;
}

/** A one-week step (its words are its title, never a unit): done or not yet, that week. */
function stepMessage(goal: WeeklyGoal, done: number, weekIsOver: boolean, reader: Reader): string {
  const self = reader.kind === 'self';
  if (done >= goal.target) {
    const times = goal.target > 1 ? ` (${fmt(done)} of ${fmt(goal.target)} ${goal.unit})` : '';
    return `Done this week${times}.${self ? ' Well done.' : ''}`;
  }
  const sofar = done > 0 ? ` (${fmt(done)} of ${fmt(goal.target)} ${goal.unit})` : '';
  if (!weekIsOver) return `Not done yet this week${sofar}.`;
  return `Not done that week${sofar}. Quieter weeks happen.`;
}

function messageFor(
  goal: WeeklyGoal,
  done: number,
  weekIsOver: boolean,
  weekIsAhead: boolean,
  reader: Reader,
): string {
  // A week still to come has nothing logged yet: say what is planned, not "0 so far".
  if (weekIsAhead && done === 0)
    return goal.weekStart !== undefined
      ? 'Planned; the week has not started yet.'
      : `${fmt(goal.target)} ${unitOf(goal)} planned; the week has not started yet.`;
  if (goal.weekStart !== undefined) return stepMessage(goal, done, weekIsOver, reader);
  const unit = unitOf(goal);
  const of = `${fmt(done)} of ${fmt(goal.target)} ${unit}`;
  const self = reader.kind === 'self';
  const w = personWords(reader);
  // "Well done" is said to the seeker; a coach reads the fact and says it in their own words.
  const wellDone = self ? ' Well done.' : '';
  if (done >= goal.target) {
    return done > goal.target
      ? `${fmt(done)} ${unit}, past ${w.their} goal of ${fmt(goal.target)}.${wellDone}`
      : `Goal met: ${of}.${wellDone}`;
  }
  if (!weekIsOver) return `${of} so far this week.`;
  if (done === 0)
    return self
      ? `No ${unit} logged this week. Quieter weeks happen; pick a goal for next week that fits the time you have.`
      : `No ${unit} logged this week. Quieter weeks happen; next week's goal can fit the time ${w.they} have.`;
  return `${of} this week. Each one counts; next week's goal can be adjusted to what the week allows.`;
}

/**
 * Progress on each weekly goal for the week starting `weekStart`, counted from what was logged
 * (applications from their histories, networking and learning logs). Pass `today` while the
 * week is still running so that unfinished goals read "so far" rather than missed.
 */
export function goalProgress(
  goals: readonly WeeklyGoal[],
  activity: Activity,
  weekStart: string,
  today?: string,
  /** Who reads the messages: the seeker (the default), or a coach reading about them. */
  reader: Reader = SELF,
): GoalProgress[] {
  const weekEnd = addDays(weekStart, 6);
  const weekIsOver = today === undefined || today > weekEnd;
  const weekIsAhead = today !== undefined && today < weekStart;
  return goals.map((goal) => {
    const done = Math.round(amountFor(goal, activity, weekStart, weekEnd) * 10) / 10;
    return {
      goalId: goal.id,
      kind: goal.kind,
      title: goalTitle(goal),
      step: goal.weekStart !== undefined,
      target: goal.target,
      done,
      unit: unitOf(goal),
      met: done >= goal.target,
      ratio: goal.target > 0 ? Math.min(1, done / goal.target) : 1,
      message: messageFor(goal, done, weekIsOver, weekIsAhead, reader),
    };
  });
}
