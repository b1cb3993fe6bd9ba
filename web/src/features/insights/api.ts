import type { PlanInput, TimeLogInput } from '@core/channels/input.ts';
import type { ChannelPlan, PlanChannel } from '@core/channels/plan.ts';
import type {
  ChannelSettingsView,
  ChannelsViewWire,
  TimeLogView,
  TimeLogWeek,
} from '@core/channels/schemas.ts';
import type { InsightsQuery } from '@core/insights/input.ts';
import type { Insights } from '@core/insights/schemas.ts';
import { notifications } from '@mantine/notifications';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from '../../api/client.ts';
import { errorMessage } from '../../api/hooks.ts';

export type { ChannelsViewWire as ChannelsView } from '@core/channels/schemas.ts';
/** The wire shapes of the insights and channels routes come from the core's schemas. */
export type { Insights } from '@core/insights/schemas.ts';

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
    queryFn: () => request<ChannelsViewWire>('GET', `${base}/channels${search({ week })}`),
  });
}

export function useWeekTimeLogs(week?: string) {
  return useQuery({
    queryKey: ['time-logs', week ?? 'current'],
    queryFn: () => request<TimeLogWeek>('GET', `${base}/time-logs${search({ week })}`),
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
    mutationFn: (input: PlanInput) => request<ChannelSettingsView>('PUT', `${base}/channels/plan`, input),
    onSuccess: () => invalidateChannelData(qc),
  });
}

export function useAddTimeLog() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: TimeLogInput) => request<TimeLogView>('POST', `${base}/time-logs`, input),
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
