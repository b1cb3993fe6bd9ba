import type { AiEndpointInput, AiFeature } from '@core/ai/input.ts';
import type {
  aiCallListSchema,
  aiDraftSchema,
  aiEndpointViewSchema,
  ReplySummaryView,
} from '@core/ai/schemas.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { request } from '../../api/client.ts';

/** Your own model's wire shapes come from the server's response schemas. */
export type AiEndpointView = z.infer<typeof aiEndpointViewSchema>;
export type AiCallList = z.infer<typeof aiCallListSchema>;
export type AiDraft = z.infer<typeof aiDraftSchema>;
export type { AiFeature, ReplySummaryView };

const base = '/api/v1/ai';
const enc = encodeURIComponent;

export const aiKeys = {
  endpoint: ['ai', 'endpoint'] as const,
  calls: ['ai', 'calls'] as const,
  summary: (feedbackId: string) => ['ai', 'reply-summary', feedbackId] as const,
};

/** Which model is set up, if any (never the key). */
export function useAiEndpoint() {
  return useQuery({
    queryKey: aiKeys.endpoint,
    queryFn: () => request<AiEndpointView>('GET', `${base}/endpoint`),
    staleTime: 30_000,
  });
}

export function useSetAiEndpoint() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: AiEndpointInput) => request<AiEndpointView>('PUT', `${base}/endpoint`, input),
    onSuccess: (view) => qc.setQueryData(aiKeys.endpoint, view),
  });
}

export function useClearAiEndpoint() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => request<AiEndpointView>('DELETE', `${base}/endpoint`),
    onSuccess: (view) => qc.setQueryData(aiKeys.endpoint, view),
  });
}

/** The local log of calls: when, which feature, how many characters were sent. */
export function useAiCalls() {
  return useQuery({
    queryKey: aiKeys.calls,
    queryFn: () => request<AiCallList>('GET', `${base}/calls`),
  });
}

/** Sends exactly `text` (as the user saw and edited it) and returns the model's draft. */
export function useAskModel() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { feature: AiFeature; text: string }) =>
      request<AiDraft>('POST', `${base}/rewrite`, input),
    onSettled: () => qc.invalidateQueries({ queryKey: aiKeys.calls }),
  });
}

export function useReplySummary(feedbackId: string | null) {
  return useQuery({
    queryKey: aiKeys.summary(feedbackId ?? ''),
    queryFn: () => request<ReplySummaryView>('GET', `${base}/reply-summaries/${enc(feedbackId ?? '')}`),
    enabled: !!feedbackId,
  });
}

export function useSaveReplySummary(feedbackId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (summary: string | null) =>
      summary === null
        ? request<ReplySummaryView>('DELETE', `${base}/reply-summaries/${enc(feedbackId)}`)
        : request<ReplySummaryView>('PUT', `${base}/reply-summaries/${enc(feedbackId)}`, { summary }),
    onSuccess: (view) => qc.setQueryData(aiKeys.summary(feedbackId), view),
  });
}
