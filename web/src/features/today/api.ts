import type { DueItemKind } from '@core/today/due-item.ts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { request, useInvalidateDue } from '../recovery/api.ts';

/** The Today view's wire shape (see presentToday in src/services/recovery/presenters.ts). */

export interface CompleteAction {
  method: 'POST' | 'PATCH' | 'PUT';
  url: string;
  body?: unknown;
  label: string;
}

export interface TodayItem {
  id: string;
  kind: DueItemKind;
  title: string;
  detail: string | null;
  dueAt: string;
  dueOn: string;
  endsAt: string | null;
  applicationId: string | null;
  contactId: string | null;
  refId: string | null;
  complete: CompleteAction | null;
}

export interface TodayView {
  /** Quiet applications: Today lists the most silent few of them. */
  quiet?: { shown: number; total: number };
  date: string;
  coolingOff: boolean;
  coolOffEndsAt: string | null;
  overdue: TodayItem[];
  today: TodayItem[];
  upcoming: TodayItem[];
  held: TodayItem[];
  laterCount: number;
}

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
