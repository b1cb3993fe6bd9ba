import type { WritingInput } from '@core/writing/input.ts';
import type { ReframeView, WritingSessionView, WritingView } from '@core/writing/schemas.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, request } from '../../api/client.ts';

/** The writing after a no (private) and the reframe card; wire shapes from the core's schemas. */
export type { ReframeView, WritingSessionView, WritingView };

const path = (applicationId: string) => `/api/v1/writing/${encodeURIComponent(applicationId)}`;

export function useWriting(applicationId: string) {
  return useQuery({
    queryKey: ['writing', applicationId],
    queryFn: () => request<WritingView>('GET', path(applicationId)),
    retry: (count, error) => !(error instanceof ApiError && error.status === 404) && count < 2,
  });
}

function useRefresh(applicationId: string) {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['writing', applicationId] });
}

export function useWrite(applicationId: string) {
  const refresh = useRefresh(applicationId);
  return useMutation({
    mutationFn: (input: WritingInput) =>
      request<WritingSessionView & { continued: boolean }>('POST', path(applicationId), input),
    onSuccess: refresh,
  });
}

export function useDeleteWriting(applicationId: string) {
  const refresh = useRefresh(applicationId);
  return useMutation({
    mutationFn: () => request<{ deleted: number }>('DELETE', path(applicationId)),
    onSuccess: refresh,
  });
}

export function useDeleteWritingSession(applicationId: string) {
  const refresh = useRefresh(applicationId);
  return useMutation({
    mutationFn: (id: string) => request<void>('DELETE', `/api/v1/writing/sessions/${encodeURIComponent(id)}`),
    onSuccess: refresh,
  });
}

export function useReframe() {
  return useQuery({ queryKey: ['reframe'], queryFn: () => request<ReframeView>('GET', '/api/v1/reframe') });
}
