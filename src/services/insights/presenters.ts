import type { ChannelSettingsView, ChannelsViewWire, TimeLogView } from '../../core/channels/schemas.ts';
import type { InsightsPayload } from '../../core/insights/index.ts';
import type { Insights } from '../../core/insights/schemas.ts';
import type {
  GoalsWeekView,
  GoalView,
  JournalDayEntry,
  PlannedBreakView,
  WellbeingWire,
  WinView,
} from '../../core/wellbeing/schemas.ts';
import type { StoredTimeLog } from '../../store/time-log-repository.ts';
import type { StoredBreak, StoredGoal } from '../../store/wellbeing-repository.ts';
import type { ChannelSettings, ChannelsView } from './channels.ts';
import type { GoalsWeek } from './goals.ts';
import type { ReferralInsights } from './insights.ts';
import type { JournalView } from './recovery-link.ts';
import type { WellbeingView } from './wellbeing.ts';
import type { ShownWin } from './wins.ts';

/** Wire shapes for insights, channels and wellbeing; every route and `--json` goes through these. */

export function presentInsights(payload: InsightsPayload & ReferralInsights): Insights {
  return payload;
}

export function presentTimeLog(log: StoredTimeLog): TimeLogView {
  return {
    id: log.id,
    channel: log.channel,
    minutes: log.minutes,
    loggedOn: log.loggedOn,
    note: log.note,
    createdAt: log.createdAt,
  };
}

export function presentChannelSettings(s: ChannelSettings): ChannelSettingsView {
  return { plan: s.plan, hoursPerWeek: s.hoursPerWeek, isDefaultPlan: s.isDefaultPlan };
}

export function presentChannels(view: ChannelsView): ChannelsViewWire {
  return {
    weekStart: view.weekStart,
    weekEnd: view.weekEnd,
    ...presentChannelSettings(view),
    planVsActual: view.planVsActual,
    yields: view.yields,
    suggestion: view.suggestion,
  };
}

export function presentGoal(goal: StoredGoal): GoalView {
  return {
    id: goal.id,
    kind: goal.kind,
    target: goal.target,
    unit: goal.unit,
    label: goal.label ?? null,
    weekStart: goal.weekStart ?? null,
    createdAt: goal.createdAt,
  };
}

export function presentGoalsWeek(week: GoalsWeek): GoalsWeekView {
  return {
    weekStart: week.weekStart,
    weekEnd: week.weekEnd,
    items: week.goals.map((g) => ({ ...presentGoal(g), progress: g.progress })),
  };
}

export function presentWin(win: ShownWin): WinView {
  return {
    id: win.id ?? null,
    on: win.on,
    kind: win.kind,
    text: win.text,
    applicationId: win.applicationId ?? null,
  };
}

export function presentJournalEntry(e: JournalView): JournalDayEntry {
  return {
    id: e.id,
    on: e.on,
    writtenAt: e.writtenAt,
    mood: e.mood,
    text: e.text,
    tags: e.tags,
    rejectionId: e.rejectionId,
  };
}

export function presentBreak(b: StoredBreak): PlannedBreakView {
  return { id: b.id, startsOn: b.startsOn, endsOn: b.endsOn, note: b.note };
}

export function presentWellbeing(view: WellbeingView): WellbeingWire {
  return {
    load: view.load,
    plannedBreaks: view.plannedBreaks.map(presentBreak),
    onBreakToday: view.onBreakToday,
    routine: view.routine,
  };
}
