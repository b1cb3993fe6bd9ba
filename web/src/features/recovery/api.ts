import type {
  ActionItemPatch,
  FeedbackPatchBody,
  PostMortemInputBody,
  RecoveryStep,
} from '@core/recovery/input.ts';
import type {
  ActionItemView,
  FeedbackRequestView,
  JournalEntryView,
  PostMortemView,
  RecoveryMeta,
  RejectionView,
} from '@core/recovery/schemas.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, request } from '../../api/client.ts';

/** The recovery loop's wire shapes come from the core's schemas (what the server declares and sends). */
export type {
  ActionItemView as ActionItem,
  FeedbackRequestView as FeedbackRequest,
  RecoveryMeta,
  RejectionView as Rejection,
} from '@core/recovery/schemas.ts';
export { request };

type Rejection = RejectionView;
type FeedbackRequest = FeedbackRequestView;

const base = '/api/v1';
const enc = encodeURIComponent;

export const recoveryKeys = {
  rejection: (applicationId: string) => ['recovery', 'rejection', applicationId] as const,
  feedback: (id: string) => ['recovery', 'feedback', id] as const,
  postMortem: (applicationId: string) => ['recovery', 'post-mortem', applicationId] as const,
  meta: ['recovery', 'meta'] as const,
};

/** Everything that shows due work; refreshed after any step of the loop moves. */
export function useInvalidateDue() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['today'] }),
      qc.invalidateQueries({ queryKey: ['recovery'] }),
      qc.invalidateQueries({ queryKey: ['contacts'] }),
      qc.invalidateQueries({ queryKey: ['applications'] }),
    ]);
}

export function useRejection(applicationId: string) {
  return useQuery({
    queryKey: recoveryKeys.rejection(applicationId),
    queryFn: () => request<RejectionView>('GET', `${base}/applications/${enc(applicationId)}/rejection`),
    retry: (count, error) => !(error instanceof ApiError && error.status === 404) && count < 1,
  });
}

export function useRecoveryMeta() {
  return useQuery({
    queryKey: recoveryKeys.meta,
    queryFn: () => request<RecoveryMeta>('GET', `${base}/recovery/meta`),
    staleTime: 5 * 60_000,
  });
}

export function useFeedbackRequest(id: string | null) {
  return useQuery({
    queryKey: recoveryKeys.feedback(id ?? ''),
    queryFn: () => request<FeedbackRequestView>('GET', `${base}/feedback-requests/${enc(id ?? '')}`),
    enabled: id !== null,
  });
}

export function usePostMortem(applicationId: string) {
  return useQuery({
    queryKey: recoveryKeys.postMortem(applicationId),
    queryFn: () => request<PostMortemView>('GET', `${base}/applications/${enc(applicationId)}/post-mortem`),
  });
}

export function useUpdatePause() {
  const invalidate = useInvalidateDue();
  return useMutation({
    mutationFn: ({ id, hours }: { id: string; hours: number | 'skip' }) =>
      request<RejectionView>('PATCH', `${base}/rejections/${enc(id)}`, { coolOffHours: hours }),
    onSuccess: invalidate,
  });
}

/** Remembers, on the server, the step of the guided flow the user reached. */
export function useSaveRecoveryStep(applicationId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, step }: { id: string; step: RecoveryStep }) =>
      request<Rejection>('PATCH', `${base}/rejections/${enc(id)}`, { step }),
    onSuccess: (updated) => qc.setQueryData(recoveryKeys.rejection(applicationId), updated),
  });
}

export function useAddJournal() {
  const invalidate = useInvalidateDue();
  return useMutation({
    mutationFn: ({ rejectionId, text, mood }: { rejectionId: string; text: string; mood: number | null }) =>
      request<JournalEntryView>('POST', `${base}/rejections/${enc(rejectionId)}/journal`, { text, mood }),
    onSuccess: invalidate,
  });
}

export function useUpdateFeedback() {
  const invalidate = useInvalidateDue();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: FeedbackPatchBody }) =>
      request<FeedbackRequestView>('PATCH', `${base}/feedback-requests/${enc(id)}`, patch),
    onSuccess: invalidate,
  });
}

/** Chooses who a drafted request goes to; the server renders the draft for them and sends it back. */
export function useSetFeedbackContact() {
  const qc = useQueryClient();
  const invalidate = useInvalidateDue();
  return useMutation({
    mutationFn: ({ id, contactId }: { id: string; contactId: string | null }) =>
      request<FeedbackRequestView>('PATCH', `${base}/feedback-requests/${enc(id)}`, { contactId }),
    onSuccess: (updated) => {
      qc.setQueryData(recoveryKeys.feedback(updated.id), updated);
      return invalidate();
    },
  });
}

/** Keeps the user's own subject and words for a drafted request (`null`: back to the suggested ones). */
export function useEditFeedbackDraft() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, subject, body }: { id: string; subject: string | null; body: string | null }) =>
      request<FeedbackRequest>('PATCH', `${base}/feedback-requests/${enc(id)}`, { subject, body }),
    onSuccess: (updated) => qc.setQueryData(recoveryKeys.feedback(updated.id), updated),
  });
}

export function useSavePostMortem(applicationId: string) {
  const invalidate = useInvalidateDue();
  return useMutation({
    mutationFn: (items: PostMortemInputBody['items']) =>
      request<PostMortemView>('PUT', `${base}/applications/${enc(applicationId)}/post-mortem`, { items }),
    onSuccess: invalidate,
  });
}

/** Adds action items by hand (or accepted from a model's draft), one per text, due in a week. */
export function useCreateActionItems() {
  const invalidate = useInvalidateDue();
  return useMutation({
    mutationFn: async ({
      applicationId,
      texts,
      dueOn,
    }: {
      applicationId: string;
      texts: string[];
      dueOn: string;
    }) => {
      const made: ActionItemView[] = [];
      for (const text of texts) {
        made.push(
          await request<ActionItemView>('POST', `${base}/action-items`, { applicationId, text, dueOn }),
        );
      }
      return made;
    },
    onSuccess: invalidate,
  });
}

export function useUpdateActionItem() {
  const invalidate = useInvalidateDue();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: ActionItemPatch }) =>
      request<ActionItemView>('PATCH', `${base}/action-items/${enc(id)}`, patch),
    onSuccess: invalidate,
  });
}
