import type { ContactCreateInput, ContactRole, InteractionInput } from '@core/contacts/input.ts';
import type { ContactDetailView, ContactLinkView, ContactView } from '@core/contacts/schemas.ts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { request } from '../recovery/api.ts';

/** Contacts' wire shapes come from the core's schemas (what the contact routes declare). */
export type {
  ContactDetailView as ContactDetail,
  ContactLinkView as ContactLink,
  ContactView as Contact,
  InteractionView as Interaction,
} from '@core/contacts/schemas.ts';

export type ContactDraftKind = 'thank_you' | 'connection_request';
type Contact = ContactView;
type ContactLink = ContactLinkView;
type ContactDetail = ContactDetailView;

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

/** One person in an application's process (see `GET /applications/:id/people`). */
export interface Person {
  linkId: string;
  role: ContactRole;
  roundId: string | null;
  linkedAt: string;
  contact: Contact;
}

export function usePeople(applicationId: string) {
  return useQuery({
    queryKey: ['contacts', 'people', applicationId],
    queryFn: () =>
      request<{ items: Person[] }>('GET', `/api/v1/applications/${enc(applicationId)}/people`).then(
        (r) => r.items,
      ),
  });
}

/** Linking or unlinking can change who a drafted feedback request goes to: refresh that too. */
function useRefreshPeople() {
  const qc = useQueryClient();
  const refresh = useRefreshContacts();
  return () => Promise.all([refresh(), qc.invalidateQueries({ queryKey: ['recovery'] })]);
}

export function useAddPerson(applicationId: string) {
  const refresh = useRefreshPeople();
  return useMutation({
    mutationFn: ({ contactId, role }: { contactId: string; role: ContactRole }) =>
      request<ContactLink>('POST', `/api/v1/applications/${enc(applicationId)}/people`, { contactId, role }),
    onSuccess: refresh,
  });
}

export function useUnlinkPerson() {
  const refresh = useRefreshPeople();
  return useMutation({
    mutationFn: (linkId: string) => request<void>('DELETE', `/api/v1/contact-links/${enc(linkId)}`),
    onSuccess: refresh,
  });
}

/** Keeps the user's words for a thank-you or connection note (`null`: back to the suggested words). */
export function useSaveContactDraft(contactId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: ({ kind, body }: { kind: ContactDraftKind; body: string | null }) =>
      request<{ contactId: string; drafts: ContactDetail['drafts'] }>(
        'PUT',
        `${base}/${enc(contactId)}/drafts/${kind}`,
        { body },
      ),
    onSuccess: () => qc.invalidateQueries({ queryKey: contactKeys.detail(contactId) }),
  });
}
