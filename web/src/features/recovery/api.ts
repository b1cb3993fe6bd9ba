import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Stage } from '../../../../src/core/applications/application.ts';
import type { JournalPrompt } from '../../../../src/core/recovery/cool-off.ts';
import type { FeedbackQuestion } from '../../../../src/core/recovery/feedback-questions.ts';
import type {
  FeedbackState,
  FeedbackTheme,
  FeedbackThemeTag,
} from '../../../../src/core/recovery/feedback-state.ts';
import type { RecoveryStep } from '../../../../src/core/recovery/input.ts';
import type { PostMortemItem, PostMortemRating } from '../../../../src/core/recovery/post-mortem.ts';
import { ApiError, request } from '../../api/client.ts';

export { request };

/** The recovery loop's wire shapes (see src/services/recovery/presenters.ts) and hooks. */

export interface JournalEntry {
  id: string;
  writtenAt: string;
  mood: number | null;
  text: string;
  tags: string[];
  rejectionId: string | null;
}

export interface Rejection {
  id: string;
  applicationId: string;
  company: string;
  role: string;
  stageReached: Stage;
  channel: string;
  rejectedAt: string;
  reasonGiven: string | null;
  reasonTags: string[];
  coolOff: { hours: number | null; skipped: boolean; endsAt: string | null };
  reopenedAt: string | null;
  /** The step the user reached; the flow resumes there. */
  step: RecoveryStep | null;
  feedbackRequestId: string | null;
  feedbackState: FeedbackState | null;
  feedbackDueAt: string | null;
  journal: JournalEntry[];
  createdAt: string;
}

export interface FeedbackRequest {
  id: string;
  rejectionId: string;
  applicationId: string;
  company: string;
  role: string;
  contactId: string | null;
  state: FeedbackState;
  dueAt: string;
  sentAt: string | null;
  followUpDueAt: string | null;
  answeredAt: string | null;
  answer: string | null;
  themes: FeedbackThemeTag[];
  draft: {
    subject: string;
    body: string;
    to: string | null;
    toName: string | null;
    questions: FeedbackQuestion[];
    missing: string[];
    /** The words are the user's own, kept from an edit. */
    edited: boolean;
  };
  mailto: string;
  /** The no-reply address the "no" came from, when it did: nobody reads it. */
  automaticSender: string | null;
  emlUrl: string;
}

export interface ActionItem {
  id: string;
  applicationId: string | null;
  source: string;
  sourceKey: string | null;
  text: string;
  dueOn: string;
  status: 'open' | 'done';
  doneAt: string | null;
}

export interface PostMortem {
  applicationId: string;
  company: string;
  role: string;
  furthestStage: Stage;
  items: Array<
    PostMortemItem & { rating: PostMortemRating | null; note: string | null; actionItemId: string | null }
  >;
  actionItems: ActionItem[];
}

export interface RecoveryMeta {
  feedbackThemes: FeedbackTheme[];
  journalPrompts: JournalPrompt[];
}

export type FeedbackPatch =
  | { state: 'sent'; contactId?: string | null }
  | { state: 'answered'; answer: string; themes?: FeedbackThemeTag[] }
  | { state: 'no_reply' }
  | { state: 'declined' };

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
    queryFn: () => request<Rejection>('GET', `${base}/applications/${enc(applicationId)}/rejection`),
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
    queryFn: () => request<FeedbackRequest>('GET', `${base}/feedback-requests/${enc(id ?? '')}`),
    enabled: id !== null,
  });
}

export function usePostMortem(applicationId: string) {
  return useQuery({
    queryKey: recoveryKeys.postMortem(applicationId),
    queryFn: () => request<PostMortem>('GET', `${base}/applications/${enc(applicationId)}/post-mortem`),
  });
}

export function useUpdatePause() {
  const invalidate = useInvalidateDue();
  return useMutation({
    mutationFn: ({ id, hours }: { id: string; hours: number | 'skip' }) =>
      request<Rejection>('PATCH', `${base}/rejections/${enc(id)}`, { coolOffHours: hours }),
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
      request<JournalEntry>('POST', `${base}/rejections/${enc(rejectionId)}/journal`, { text, mood }),
    onSuccess: invalidate,
  });
}

export function useUpdateFeedback() {
  const invalidate = useInvalidateDue();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: FeedbackPatch }) =>
      request<FeedbackRequest>('PATCH', `${base}/feedback-requests/${enc(id)}`, patch),
    onSuccess: invalidate,
  });
}

/** Chooses who a drafted request goes to; the server renders the draft for them and sends it back. */
export function useSetFeedbackContact() {
  const qc = useQueryClient();
  const invalidate = useInvalidateDue();
  return useMutation({
    mutationFn: ({ id, contactId }: { id: string; contactId: string | null }) =>
      request<FeedbackRequest>('PATCH', `${base}/feedback-requests/${enc(id)}`, { contactId }),
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
    mutationFn: (items: { key: string; rating: PostMortemRating; note: string | null }[]) =>
      request<PostMortem>('PUT', `${base}/applications/${enc(applicationId)}/post-mortem`, { items }),
    onSuccess: invalidate,
  });
}

export function useUpdateActionItem() {
  const invalidate = useInvalidateDue();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: { status?: 'open' | 'done'; dueOn?: string } }) =>
      request<ActionItem>('PATCH', `${base}/action-items/${enc(id)}`, patch),
    onSuccess: invalidate,
  });
}
