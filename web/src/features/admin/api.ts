import type { InvitationCreateInput } from '@core/accounts/input.ts';
import type {
  AdminSettingsView,
  AdminUserView,
  InvitationCreatedView,
  InvitationView,
} from '@core/accounts/schemas.ts';
import type { Role } from '@core/accounts/scopes.ts';
import type { CohortMemberInput } from '@core/sharing/input.ts';
import type { CohortInsights, CohortMemberView, CohortView } from '@core/sharing/schemas.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from '../../api/client.ts';
import { optional } from '../account/session.tsx';

/** The admin's reads and writes; each read is null while the server has no such route. */

export function useInvitations() {
  return useQuery({
    queryKey: ['invitations'],
    queryFn: () => optional(() => request<{ items: InvitationView[] }>('GET', '/api/v1/invitations')),
  });
}

export function useCreateInvitation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: InvitationCreateInput) =>
      request<InvitationCreatedView>('POST', '/api/v1/invitations', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['invitations'] }),
  });
}

export function useRevokeInvitation() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => request('DELETE', `/api/v1/invitations/${encodeURIComponent(id)}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['invitations'] }),
  });
}

export function useAdminSettings() {
  return useQuery({
    queryKey: ['admin', 'settings'],
    queryFn: () => optional(() => request<AdminSettingsView>('GET', '/api/v1/admin/settings')),
  });
}

export function useSetOpenSignup() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (openSignup: boolean) =>
      request<AdminSettingsView>('PATCH', '/api/v1/admin/settings', { openSignup }),
    // The switch flips at once and flips back if the server says no.
    onMutate: (openSignup) => {
      const before = qc.getQueryData<AdminSettingsView | null>(['admin', 'settings']);
      if (before) qc.setQueryData(['admin', 'settings'], { ...before, openSignup });
      return { before };
    },
    onError: (_e, _v, context) => {
      if (context?.before) qc.setQueryData(['admin', 'settings'], context.before);
    },
    onSuccess: (saved) => qc.setQueryData(['admin', 'settings'], saved),
  });
}

export function useUsers() {
  return useQuery({
    queryKey: ['admin', 'users'],
    queryFn: () => optional(() => request<{ items: AdminUserView[] }>('GET', '/api/v1/admin/users')),
  });
}

export function useSetRole() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ id, role }: { id: string; role: Role }) =>
      request<AdminUserView>('PATCH', `/api/v1/admin/users/${encodeURIComponent(id)}`, { role }),
    onSettled: () => qc.invalidateQueries({ queryKey: ['admin', 'users'] }),
  });
}

export function useCohorts() {
  return useQuery({
    queryKey: ['cohorts'],
    queryFn: () => optional(() => request<{ items: CohortView[] }>('GET', '/api/v1/cohorts')),
  });
}

export function useCreateCohort() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string }) => request<CohortView>('POST', '/api/v1/cohorts', input),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['cohorts'] }),
  });
}

export function useAddCohortMember(cohortId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CohortMemberInput) =>
      request<CohortMemberView>('POST', `/api/v1/cohorts/${encodeURIComponent(cohortId)}/members`, input),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['cohorts'] }),
  });
}

export function useCohortInsights(cohortId: string) {
  return useQuery({
    queryKey: ['cohorts', cohortId, 'insights'],
    queryFn: () =>
      optional(() =>
        request<CohortInsights>('GET', `/api/v1/cohorts/${encodeURIComponent(cohortId)}/insights`),
      ),
  });
}

export const cohortCsvUrl = (cohortId: string) =>
  `/api/v1/cohorts/${encodeURIComponent(cohortId)}/insights.csv`;
