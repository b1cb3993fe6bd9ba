import type { ShareCreateInput } from '@core/accounts/input.ts';
import type { ShareCreatedView, ShareView } from '@core/accounts/schemas.ts';
import type {
  CoachNoteView,
  CohortInvitationView,
  ProposalView,
  ShareViewEntry,
} from '@core/sharing/schemas.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from '../../api/client.ts';
import { optional } from '../account/session.tsx';

/** The seeker's side of sharing: shares, the view log, coaches' notes and proposals, cohorts. */

export function useShares() {
  return useQuery({
    queryKey: ['shares'],
    queryFn: () => request<{ items: ShareView[] }>('GET', '/api/v1/shares'),
  });
}

export function useCreateShare() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ShareCreateInput) => request<ShareCreatedView>('POST', '/api/v1/shares', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['shares'] }),
  });
}

export function useEndShare() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => request<ShareView>('DELETE', `/api/v1/shares/${encodeURIComponent(id)}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['shares'] }),
  });
}

/** Null while the server has no view log yet (the card stays hidden). */
export function useShareViews() {
  return useQuery({
    queryKey: ['shares', 'views'],
    queryFn: () => optional(() => request<{ items: ShareViewEntry[] }>('GET', '/api/v1/shares/views')),
  });
}

export function useCoachNotesForMe() {
  return useQuery({
    queryKey: ['coach-notes'],
    queryFn: () => optional(() => request<{ items: CoachNoteView[] }>('GET', '/api/v1/coach-notes')),
  });
}

export function useProposals() {
  return useQuery({
    queryKey: ['proposals'],
    queryFn: () => optional(() => request<{ items: ProposalView[] }>('GET', '/api/v1/proposals')),
  });
}

export function useAnswerProposal() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, accept, text }: { id: string; accept: boolean; text?: string }) =>
      request(
        'POST',
        `/api/v1/proposals/${encodeURIComponent(id)}/${accept ? 'accept' : 'decline'}`,
        accept && text !== undefined ? { text } : undefined,
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['proposals'] }),
  });
}

export function useCohortInvitations() {
  return useQuery({
    queryKey: ['cohort-invitations'],
    queryFn: () =>
      optional(() => request<{ items: CohortInvitationView[] }>('GET', '/api/v1/cohort-invitations')),
  });
}

export function useAnswerCohortInvitation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, accept }: { id: string; accept: boolean }) =>
      request(
        'POST',
        `/api/v1/cohort-invitations/${encodeURIComponent(id)}/${accept ? 'accept' : 'decline'}`,
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['cohort-invitations'] }),
  });
}
