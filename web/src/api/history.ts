import type { RoundInputBody as RoundInput } from '@core/applications/input.ts';
import type { ApplicationDetail } from '@core/applications/schemas.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from './client.ts';

/**
 * Corrections to an application's history (edit or delete a round or a note) and the sample data
 * switch. Each correction answers with the application as it is now.
 */

const base = '/api/v1';
const app = (id: string) => `${base}/applications/${encodeURIComponent(id)}`;

function useDetailMutation<V>(id: string, fn: (v: V) => Promise<ApplicationDetail>) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: fn,
    onSuccess: (detail) => {
      qc.setQueryData(['application', id], detail);
      return qc.invalidateQueries({ queryKey: ['applications'] });
    },
  });
}

export function useUpdateRound(id: string) {
  return useDetailMutation(id, ({ roundId, input }: { roundId: string; input: Partial<RoundInput> }) =>
    request<ApplicationDetail>('PATCH', `${app(id)}/rounds/${encodeURIComponent(roundId)}`, input),
  );
}

export function useDeleteRound(id: string) {
  return useDetailMutation(id, (roundId: string) =>
    request<ApplicationDetail>('DELETE', `${app(id)}/rounds/${encodeURIComponent(roundId)}`),
  );
}

export function useUpdateNote(id: string) {
  return useDetailMutation(id, ({ eventId, text }: { eventId: string; text: string }) =>
    request<ApplicationDetail>('PATCH', `${app(id)}/notes/${encodeURIComponent(eventId)}`, { text }),
  );
}

export function useDeleteNote(id: string) {
  return useDetailMutation(id, (eventId: string) =>
    request<ApplicationDetail>('DELETE', `${app(id)}/notes/${encodeURIComponent(eventId)}`),
  );
}

const sampleKey = ['sample-data'] as const;

/** How many sample applications there are (0 once removed, or when none were loaded). */
export function useSampleData() {
  return useQuery({
    queryKey: sampleKey,
    queryFn: () => request<{ applications: number }>('GET', `${base}/sample-data`),
  });
}

export function useRemoveSampleData() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => request<{ removed: number }>('DELETE', `${base}/sample-data`),
    onSuccess: () => qc.invalidateQueries(),
  });
}
