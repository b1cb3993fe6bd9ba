import type {
  completeActionSchema,
  todayGroupPageSchema,
  todayItemSchema,
  todayViewSchema,
} from '@core/today/schemas.ts';
import { useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { z } from 'zod';
import { request, useInvalidateDue } from '../recovery/api.ts';

/** The Today view's wire shapes, from the server's own schemas (src/core/today/schemas.ts). */
export type CompleteAction = z.infer<typeof completeActionSchema>;
export type TodayItem = z.infer<typeof todayItemSchema>;
export type TodayView = z.infer<typeof todayViewSchema>;
export type TodayGroupPage = z.infer<typeof todayGroupPageSchema>;
export type TodayGroup = TodayGroupPage['group'];

const PAGE = 50;

export const CALENDAR_URL = '/api/v1/calendar.ics';

export function useToday() {
  return useQuery({
    queryKey: ['today'],
    queryFn: () => request<TodayView>('GET', '/api/v1/today'),
    refetchInterval: 5 * 60_000,
  });
}

/**
 * One Today list beyond its first screen: nothing is fetched until `loadMore` is called, then a
 * page of PAGE items at a time, starting after the `first` items the first screen carried.
 */
export function useTodayGroup(group: TodayGroup, first: TodayItem[], total: number) {
  const [wanted, setWanted] = useState(false);
  const query = useInfiniteQuery({
    queryKey: ['today', 'group', group, first.length],
    queryFn: ({ pageParam }) =>
      request<TodayGroupPage>('GET', `/api/v1/today/groups/${group}?offset=${pageParam}&limit=${PAGE}`),
    initialPageParam: first.length,
    getNextPageParam: (last, pages) => {
      const next = first.length + pages.reduce((n, p) => n + p.items.length, 0);
      return next < last.total && last.items.length > 0 ? next : undefined;
    },
    enabled: wanted,
  });
  const more = query.data?.pages.flatMap((p) => p.items) ?? [];
  const known = query.data?.pages.at(-1)?.total ?? total;
  const items = [...first, ...more];
  return {
    items,
    total: known,
    remaining: Math.max(0, known - items.length),
    loading: query.isFetching,
    loadMore: () => (wanted ? void query.fetchNextPage() : setWanted(true)),
  };
}

/** Runs an item's own "complete" request, exactly as the server described it. */
export function useCompleteItem() {
  const invalidate = useInvalidateDue();
  return useMutation({
    mutationFn: (action: CompleteAction) => request<unknown>(action.method, action.url, action.body),
    onSuccess: invalidate,
  });
}
