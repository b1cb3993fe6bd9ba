import type { WeeklyReview } from '@core/insights/schemas.ts';
import type { BreakInput, GoalInput, GoalUpdate, JournalInput, WinInput } from '@core/wellbeing/input.ts';
import type {
  GoalsWeekView,
  GoalView,
  JournalDayEntry,
  PlannedBreakView,
  WellbeingWire,
  WinView,
} from '@core/wellbeing/schemas.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest as request } from '../insights/api.ts';

/** Wire shapes of the goals, wins, journal, wellbeing and review routes come from the core's schemas. */
export type { GoalWithProgress as Goal, WellbeingWire as Wellbeing } from '@core/wellbeing/schemas.ts';

const base = '/api/v1';
const q = (params: Record<string, string | undefined>) => {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : '';
};

export function useGoals(week?: string) {
  return useQuery({
    queryKey: ['goals', week ?? 'current'],
    queryFn: () => request<GoalsWeekView>('GET', `${base}/goals${q({ week })}`),
  });
}

export function useWins(from?: string, to?: string) {
  return useQuery({
    queryKey: ['wins', from, to],
    queryFn: () => request<{ items: WinView[] }>('GET', `${base}/wins${q({ from, to })}`),
  });
}

export function useJournal(from?: string, to?: string) {
  return useQuery({
    queryKey: ['journal', from, to],
    queryFn: () => request<{ items: JournalDayEntry[] }>('GET', `${base}/journal${q({ from, to })}`),
  });
}

export function useWellbeing() {
  return useQuery({
    queryKey: ['wellbeing'],
    queryFn: () => request<WellbeingWire>('GET', `${base}/wellbeing`),
  });
}

export function useReview(week?: string) {
  return useQuery({
    queryKey: ['review', week ?? 'current'],
    queryFn: () => request<WeeklyReview>('GET', `${base}/review${q({ week })}`),
  });
}

/** After any change on this page, everything that counts it is read again. */
function useInvalidate() {
  const qc = useQueryClient();
  return () =>
    Promise.all(
      ['goals', 'wins', 'journal', 'wellbeing', 'review'].map((k) => qc.invalidateQueries({ queryKey: [k] })),
    );
}

export function useCreateGoal() {
  const refresh = useInvalidate();
  return useMutation({
    mutationFn: (input: GoalInput) => request<GoalView>('POST', `${base}/goals`, input),
    onSuccess: refresh,
  });
}

export function useUpdateGoal() {
  const refresh = useInvalidate();
  return useMutation({
    mutationFn: ({ id, input }: { id: string; input: GoalUpdate }) =>
      request<GoalView>('PATCH', `${base}/goals/${encodeURIComponent(id)}`, input),
    onSuccess: refresh,
  });
}

export function useDeleteGoal() {
  const refresh = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => request<void>('DELETE', `${base}/goals/${encodeURIComponent(id)}`),
    onSuccess: refresh,
  });
}

export function useAddGoalProgress() {
  const refresh = useInvalidate();
  return useMutation({
    mutationFn: ({ id, amount }: { id: string; amount: number }) =>
      request<unknown>('POST', `${base}/goals/${encodeURIComponent(id)}/progress`, { amount }),
    onSuccess: refresh,
  });
}

export function useAddWin() {
  const refresh = useInvalidate();
  return useMutation({
    mutationFn: (input: WinInput) => request<WinView>('POST', `${base}/wins`, input),
    onSuccess: refresh,
  });
}

export function useDeleteWin() {
  const refresh = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => request<void>('DELETE', `${base}/wins/${encodeURIComponent(id)}`),
    onSuccess: refresh,
  });
}

export function useAddJournalEntry() {
  const refresh = useInvalidate();
  return useMutation({
    mutationFn: (input: JournalInput) => request<JournalDayEntry>('POST', `${base}/journal`, input),
    onSuccess: refresh,
  });
}

export function useAddBreak() {
  const refresh = useInvalidate();
  return useMutation({
    mutationFn: (input: BreakInput) => request<PlannedBreakView>('POST', `${base}/breaks`, input),
    onSuccess: refresh,
  });
}

export function useDeleteBreak() {
  const refresh = useInvalidate();
  return useMutation({
    mutationFn: (id: string) => request<void>('DELETE', `${base}/breaks/${encodeURIComponent(id)}`),
    onSuccess: refresh,
  });
}

export function useSetRoutine() {
  const refresh = useInvalidate();
  return useMutation({
    mutationFn: (routine: string) =>
      request<{ routine: string }>('PUT', `${base}/wellbeing/routine`, { routine }),
    onSuccess: refresh,
  });
}
