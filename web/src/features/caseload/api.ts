import type { ApplicationDetail, ApplicationList } from '@core/applications/schemas.ts';
import type { ContactView } from '@core/contacts/schemas.ts';
import type { Insights } from '@core/insights/schemas.ts';
import type { RejectionView } from '@core/recovery/schemas.ts';
import type { CoachNoteInput, ProposalInput } from '@core/sharing/input.ts';
import type { CaseloadEntry, CoachNoteView, ProposalView } from '@core/sharing/schemas.ts';
import type { GoalsWeekView, WinView } from '@core/wellbeing/schemas.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, request } from '../../api/client.ts';
import { type Me, optional, useSession } from '../account/session.tsx';

/** The coach's caseload, most urgent first; `signals` is false while the server has no caseload route. */
export function useCaseload() {
  const me = useSession();
  return useQuery({
    queryKey: ['caseload'],
    queryFn: async (): Promise<{ entries: CaseloadEntry[]; signals: boolean }> => {
      const entries = await optional(() => request<CaseloadEntry[]>('GET', '/api/v1/caseload'));
      if (entries) return { entries, signals: true };
      return { entries: fromMe(me), signals: false };
    },
  });
}

/** Without the caseload route: the seekers who share with me, from GET me, without signals. */
function fromMe(me: Me | null): CaseloadEntry[] {
  return (me?.sharedWithMe ?? []).map((s) => ({
    workspaceId: s.workspaceId,
    shareId: s.shareId,
    name: s.name,
    email: s.email,
    scopes: s.scopes,
    endsOn: s.endsOn,
    lastActivityAt: null,
    attention: [],
  }));
}

/**
 * Reads of a seeker's workspace, as a coach: each request names the workspace in the
 * `Rebound-Workspace` header (the fetch client sets it), and the server answers only reads within
 * what the seeker shares, logging each in the seeker's view log.
 */
export function seekerApi(workspace: string) {
  const get = <T>(path: string) => request<T>('GET', `/api/v1${path}`, undefined, { workspace });
  return {
    applications: () => get<ApplicationList>('/applications?status=all&sort=updated&order=desc&limit=500'),
    application: (id: string) => get<ApplicationDetail>(`/applications/${encodeURIComponent(id)}`),
    insights: () => get<Insights>('/insights'),
    goals: () => get<GoalsWeekView>('/goals'),
    wins: () => get<{ items: WinView[] }>('/wins'),
    contacts: () => get<{ items: ContactView[] }>('/contacts'),
    rejections: () => get<{ items: RejectionView[] }>('/rejections'),
  };
}

/** A read of a seeker's workspace, cached apart from the coach's own data. */
export function useSeekerRead<T>(workspace: string, what: string, read: () => Promise<T>, enabled = true) {
  return useQuery({ queryKey: ['seeker', workspace, what], queryFn: read, enabled, retry: false });
}

/** True when the server says the seeker no longer shares their workspace with the caller. */
export function isShareEnded(error: unknown): boolean {
  return (
    error instanceof ApiError &&
    error.status === 403 &&
    error.details.some((d) => d.path === 'headers.rebound-workspace')
  );
}

/**
 * Why a workspace is not shared with the caller: 'ended' when a share of theirs ended, else
 * 'never' (never shared, or no such workspace). Asked of a coach-only read that logs nothing.
 */
export function useWhyNotShared(workspace: string) {
  return useQuery({
    queryKey: ['caseload', workspace, 'why-not-shared'],
    queryFn: async (): Promise<'ended' | 'never'> => {
      try {
        await request('GET', `${ws(workspace)}/notes`);
      } catch (error) {
        if (error instanceof ApiError && error.details.some((d) => d.message === 'no longer shared with you'))
          return 'ended';
      }
      return 'never';
    },
    retry: false,
  });
}

const ws = (workspace: string) => `/api/v1/caseload/${encodeURIComponent(workspace)}`;

export function useCoachNotes(workspace: string) {
  return useQuery({
    queryKey: ['caseload', workspace, 'notes'],
    queryFn: () => optional(() => request<{ items: CoachNoteView[] }>('GET', `${ws(workspace)}/notes`)),
  });
}

export function useAddCoachNote(workspace: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CoachNoteInput) => request<CoachNoteView>('POST', `${ws(workspace)}/notes`, input),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['caseload', workspace, 'notes'] }),
  });
}

export function useDeleteCoachNote(workspace: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => request('DELETE', `/api/v1/coach-notes/${encodeURIComponent(id)}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['caseload', workspace, 'notes'] }),
  });
}

export function useCoachProposals(workspace: string) {
  return useQuery({
    queryKey: ['caseload', workspace, 'proposals'],
    queryFn: () => optional(() => request<{ items: ProposalView[] }>('GET', `${ws(workspace)}/proposals`)),
  });
}

export function useAddProposal(workspace: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ProposalInput) => request<ProposalView>('POST', `${ws(workspace)}/proposals`, input),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['caseload', workspace, 'proposals'] }),
  });
}
