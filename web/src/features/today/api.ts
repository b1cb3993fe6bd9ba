import type { CompleteAction, TodayView } from '@core/today/schemas.ts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { request, useInvalidateDue } from '../recovery/api.ts';

/** The Today view's wire shapes come from the core's schemas (what GET /api/v1/today declares). */
export type { CompleteAction, TodayItem, TodayView } from '@core/today/schemas.ts';

export const CALENDAR_URL = '/api/v1/calendar.ics';

export function useToday() {
  return useQuery({
    queryKey: ['today'],
    queryFn: () => request<TodayView>('GET', '/api/v1/today'),
    refetchInterval: 5 * 60_000,
  });
}

/** Runs an item's own "complete" request, exactly as the server described it. */
export function useCompleteItem() {
  const invalidate = useInvalidateDue();
  return useMutation({
    mutationFn: (action: CompleteAction) => request<unknown>(action.method, action.url, action.body),
    onSuccess: invalidate,
  });
}
