import type { StepBody, StepMove } from '@core/week/input.ts';
import type { StepDraftList, WeekPlanView, WeekStepView } from '@core/week/schemas.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from '../../api/client.ts';

/** The weekly plan's wire shapes come from the core's schemas. */
export type { StepDraftView as StepDraft, WeekStepView as WeekStep } from '@core/week/schemas.ts';

const base = '/api/v1/week';
const weekQuery = (week?: string) => (week ? `?week=${encodeURIComponent(week)}` : '');

export function useWeekPlan(week?: string) {
  return useQuery({
    queryKey: ['week-plan', week ?? 'current'],
    queryFn: () => request<WeekPlanView>('GET', `${base}${weekQuery(week)}`),
  });
}

export function useStepSuggestions(week: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['week-suggestions', week ?? 'current'],
    queryFn: () => request<StepDraftList>('GET', `${base}/suggestions${weekQuery(week)}`),
    enabled,
  });
}

/** A step changes the plan, the review (plan against done) and Today. */
function useRefresh() {
  const qc = useQueryClient();
  return () =>
    Promise.all(
      ['week-plan', 'week-suggestions', 'review', 'today'].map((k) =>
        qc.invalidateQueries({ queryKey: [k] }),
      ),
    );
}

export function useAddStep() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: StepBody) => request<WeekStepView>('POST', `${base}/steps`, input),
    onSuccess: refresh,
  });
}

export type StepAction = 'done' | 'drop' | 'reopen';

export function useSettleStep() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: StepAction }) =>
      request<WeekStepView>('POST', `${base}/steps/${encodeURIComponent(id)}/${action}`),
    onSuccess: refresh,
  });
}

export function useMoveStep() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, to }: { id: string; to: StepMove }) =>
      request<WeekStepView>('POST', `${base}/steps/${encodeURIComponent(id)}/move`, to),
    onSuccess: refresh,
  });
}

export function useDeleteStep() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (id: string) => request<void>('DELETE', `${base}/steps/${encodeURIComponent(id)}`),
    onSuccess: refresh,
  });
}
