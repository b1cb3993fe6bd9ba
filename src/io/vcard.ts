/**
 * Exports contacts as vCard 4.0 (RFC 6350), one card each, so the people met during a search can
 * go into any address book. Text values are escaped and long lines folded as the RFC requires.
 */
import type { Contact } from '../core/contacts/contact.ts';

/**
 * Escapes a TEXT value: backslash, comma and line breaks always; semicolons only inside
 * structured values (N, ORG), where they separate components. RFC 6350's grammar has no `\;`
 * in plain text, and strict readers keep the backslash there.
 */
export function escapeVcardText(value: string, structured = false): string {
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
  return structured ? escaped.replace(/;/g, '\\;') : escaped;
}

/** Folds a content line at 75 octets without splitting a UTF-8 character. */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** Family and given name, guessed from the last space ("Ada King Lovelace" → Lovelace; Ada King). */
function structuredName(name: string): string {
  const at = name.lastIndexOf(' ');
  if (at === -1) return `${escapeVcardText(name, true)};;;;`;
  return `${escapeVcardText(name.slice(at + 1), true)};${escapeVcardText(name.slice(0, at), true)};;;`;
}

/** One vCard for a contact, lines joined with CRLF. */
export function buildVcard(contact: Contact): string {
  const lines = [
    'BEGIN:VCARD',
    'VERSION:4.0',
    'PRODID:-//Rebound//Rebound//EN',
    `UID:urn:rebound:contact:${encodeURIComponent(contact.id)}`,
    `FN:${escapeVcardText(contact.name)}`,
    `N:${structuredName(contact.name)}`,
  ];
  if (contact.company) lines.push(`ORG:${escapeVcardText(contact.company, true)}`);
  if (contact.role) lines.push(`TITLE:${escapeVcardText(contact.role)}`);
  if (contact.email) lines.push(`EMAIL;TYPE=work:${escapeVcardText(contact.email)}`);
  if (contact.phone) lines.push(`TEL;VALUE=text:${escapeVcardText(contact.phone)}`);
  if (contact.linkedinUrl) lines.push(`URL:${contact.linkedinUrl}`);
  if (contact.notes) lines.push(`NOTE:${escapeVcardText(contact.notes)}`);
  lines.push('END:VCARD');
  return lines.map(foldLine).join('\r\n');
}

/** All contacts as one .vcf text (cards back to back, CRLF line ends). */
export function buildVcards(contacts: readonly Contact[]): string {
  return contacts.map((c) => `${buildVcard(c)}\r\n`).join('');
}
