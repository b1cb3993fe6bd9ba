import type { ContactView } from '../../core/contacts/schemas.ts';
import type { ContactRecord } from '../../store/contacts-repository.ts';

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
