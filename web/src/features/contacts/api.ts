import type { ContactCreateInput, ContactRole, InteractionInput } from '@core/contacts/input.ts';
import type { ContactDetailView, ContactLinkView, ContactView } from '@core/contacts/schemas.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from '../recovery/api.ts';

/** Contacts' wire shapes come from the core's schemas (what the contact routes declare). */
export type {
  ContactDetailView as ContactDetail,
  ContactView as Contact,
  InteractionView as Interaction,
} from '@core/contacts/schemas.ts';

/** The editable fields; empty strings are sent as-is and the server turns them into "none". */
export type ContactInput = Record<keyof ContactCreateInput, string>;

const base = '/api/v1/contacts';
const enc = encodeURIComponent;
export const VCARD_URL = '/api/v1/contacts.vcf';

export const contactKeys = {
  list: (applicationId?: string) => ['contacts', 'list', applicationId ?? 'all'] as const,
  detail: (id: string) => ['contacts', 'detail', id] as const,
};

export function useContacts(applicationId?: string) {
  const q = applicationId ? `?applicationId=${enc(applicationId)}` : '';
  return useQuery({
    queryKey: contactKeys.list(applicationId),
    queryFn: () => request<{ items: ContactView[] }>('GET', `${base}${q}`).then((r) => r.items),
  });
}

export function useContact(id: string | null) {
  return useQuery({
    queryKey: contactKeys.detail(id ?? ''),
    queryFn: () => request<ContactDetailView>('GET', `${base}/${enc(id ?? '')}`),
    enabled: id !== null,
  });
}

function useRefreshContacts() {
  const qc = useQueryClient();
  return () =>
    Promise.all([
      qc.invalidateQueries({ queryKey: ['contacts'] }),
      qc.invalidateQueries({ queryKey: ['today'] }),
    ]);
}

export function useSaveContact() {
  const refresh = useRefreshContacts();
  return useMutation({
    mutationFn: ({ id, input }: { id: string | null; input: ContactInput }) =>
      id
        ? request<ContactView>('PATCH', `${base}/${enc(id)}`, input)
        : request<ContactView>('POST', base, input),
    onSuccess: refresh,
  });
}

export function useDeleteContact() {
  const refresh = useRefreshContacts();
  return useMutation({
    mutationFn: (id: string) => request<void>('DELETE', `${base}/${enc(id)}`),
    onSuccess: refresh,
  });
}

export function useLinkContact() {
  const refresh = useRefreshContacts();
  return useMutation({
    mutationFn: ({ id, applicationId, role }: { id: string; applicationId: string; role?: ContactRole }) =>
      request<ContactLinkView>('POST', `${base}/${enc(id)}/links`, { applicationId, role: role ?? 'other' }),
    onSuccess: refresh,
  });
}

export function useSetCadence() {
  const refresh = useRefreshContacts();
  return useMutation({
    mutationFn: ({
      id,
      applicationId,
      stop,
    }: {
      id: string;
      applicationId?: string | null;
      stop?: boolean;
    }) =>
      request<ContactDetailView>(
        'POST',
        `${base}/${enc(id)}/cadence`,
        stop ? { stop: true } : { applicationId: applicationId ?? null },
      ),
    onSuccess: refresh,
  });
}

export function useLogInteraction() {
  const refresh = useRefreshContacts();
  return useMutation({
    mutationFn: ({ id, kind, note }: { id: string; kind: InteractionInput['kind']; note?: string }) =>
      request<ContactDetailView>('POST', `${base}/${enc(id)}/interactions`, {
        kind,
        ...(note ? { note } : {}),
      }),
    onSuccess: refresh,
  });
}
