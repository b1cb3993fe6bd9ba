import type { ContactView } from '../../core/contacts/schemas.ts';
import type { ContactLink, ContactRecord } from '../../store/contacts-repository.ts';

/** Wire shapes of contacts; the API and the CLI's --json print these. */

export function presentContact(c: ContactRecord): ContactView {
  return {
    id: c.id,
    name: c.name,
    company: c.company,
    role: c.role,
    email: c.email,
    linkedinUrl: c.linkedinUrl,
    phone: c.phone,
    howMet: c.howMet,
    notes: c.notes,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

/** A person linked to an application, with their role in the process. */
export function presentPerson(p: { link: ContactLink; contact: ContactRecord }) {
  return {
    linkId: p.link.id,
    role: p.link.role,
    roundId: p.link.roundId,
    linkedAt: p.link.createdAt,
    contact: presentContact(p.contact),
  };
}

export function presentContactLink(l: ContactLink) {
  return {
    id: l.id,
    contactId: l.contactId,
    applicationId: l.applicationId,
    roundId: l.roundId,
    role: l.role,
    createdAt: l.createdAt,
  };
}
