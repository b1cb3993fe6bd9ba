import type { StepDraftView, WeekPlanView, WeekStepView } from '../../core/week/schemas.ts';
import { describeStep } from '../../core/week/steps.ts';
import type { StepDraft } from '../../core/week/suggest.ts';
import type { StoredStep } from '../../store/week-repository.ts';
import type { WeekPlan } from './plan.ts';

export function presentStep(s: StoredStep): WeekStepView {
  return {
    id: s.id,
    weekStart: s.weekStart,
    day: s.day,
    time: s.time,
    where: s.where,
    what: s.what,
    minutes: s.minutes,
    channel: s.channel,
    status: s.status,
    movedFrom: s.movedFrom,
    settledAt: s.settledAt,
    createdAt: s.createdAt,
    text: describeStep(s),
  };
}

export function presentDraft(d: StepDraft): StepDraftView {
  return { ...d, text: describeStep(d) };
}

export function presentWeekPlan(p: WeekPlan): WeekPlanView {
  return { weekStart: p.weekStart, weekEnd: p.weekEnd, steps: p.steps.map(presentStep), review: p.review };
}
