import type { LogChannel, PlanInput, TimeLogInput } from '@core/channels/input.ts';
import type { ChannelPlan, PlanChannel, PlanVsActualRow } from '@core/channels/plan.ts';
import type { Reallocation } from '@core/channels/reallocation.ts';
import type { ChannelYield } from '@core/channels/yield.ts';
import type { InsightsPayload } from '@core/insights/compute.ts';
import type { InsightsQuery } from '@core/insights/input.ts';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from '../../api/client.ts';
import { errorMessage } from '../../api/hooks.ts';

/** The wire shapes of the insights and channels routes (the server presents the core's payload as is). */
export type Insights = InsightsPayload;

export interface ChannelSettings {
  plan: ChannelPlan;
  hoursPerWeek: number;
  isDefaultPlan: boolean;
}

export interface ChannelsView extends ChannelSettings {
  weekStart: string;
  weekEnd: string;
  planVsActual: {
    rows: PlanVsActualRow[];
    otherHours: number;
    learningHours: number;
    totalActualHours: number;
  };
  yields: ChannelYield[];
  suggestion: Reallocation;
}

export interface TimeLog {
  id: string;
  channel: LogChannel;
  minutes: number;
  loggedOn: string;
  note: string | null;
  createdAt: string;
}

export type { ChannelPlan, PlanChannel };

/** Shared by the week feature too: GET/POST/PUT/PATCH/DELETE under /api/v1 with the app's error model. */
export const apiRequest = request;

function search(params: Record<string, string | undefined>): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : '';
}

const base = '/api/v1';

export function useInsights(query: InsightsQuery) {
  return useQuery({
    queryKey: ['insights', query],
    queryFn: () => request<Insights>('GET', `${base}/insights${search(query)}`),
    placeholderData: keepPreviousData,
  });
}

export function useChannels(week?: string) {
  return useQuery({
    queryKey: ['channels', week ?? 'current'],
    queryFn: () => request<ChannelsView>('GET', `${base}/channels${search({ week })}`),
  });
}

export function useWeekTimeLogs(week?: string) {
  return useQuery({
    queryKey: ['time-logs', week ?? 'current'],
    queryFn: () =>
      request<{ weekStart: string; weekEnd: string; items: TimeLog[] }>(
        'GET',
        `${base}/time-logs${search({ week })}`,
      ),
  });
}

/** Everything that reads time logs or the plan: channels, insights, goals and the review. */
function invalidateChannelData(qc: ReturnType<typeof useQueryClient>) {
  return Promise.all(
    ['channels', 'time-logs', 'insights', 'goals', 'review', 'wins'].map((k) =>
      qc.invalidateQueries({ queryKey: [k] }),
    ),
  );
}

export function useSetPlan() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: PlanInput) => request<ChannelSettings>('PUT', `${base}/channels/plan`, input),
    onSuccess: () => invalidateChannelData(qc),
  });
}

export function useAddTimeLog() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: TimeLogInput) => request<TimeLog>('POST', `${base}/time-logs`, input),
    onSuccess: () => invalidateChannelData(qc),
  });
}

export function useDeleteTimeLog() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => request<void>('DELETE', `${base}/time-logs/${encodeURIComponent(id)}`),
    onSuccess: () => invalidateChannelData(qc),
    onError: (error) =>
      notifications.show({ color: 'red', title: 'That log is still there', message: errorMessage(error) }),
  });
}
