/**
 * The people met along the way: recruiters, interviewers, hiring managers. A contact needs a
 * name and at least one way to reach them, so a planned "keep in touch" can actually happen.
 */
import { type ErrorDetail, ReboundError } from '../errors.ts';

export interface Contact {
  id: string;
  name: string;
  /** Their job title, e.g. "Engineering manager". */
  role: string | null;
  company: string | null;
  email: string | null;
  linkedinUrl: string | null;
  phone: string | null;
  /** How the user knows them ("ran my technical round"). */
  notes: string | null;
}

export type ContactInput = Partial<Omit<Contact, 'id'>> & { id: string };

const EMAIL_RE = /^[^\s@<>()",;]+@[^\s@<>()",;]+\.[^\s@<>()",;.]{2,}$/;
const PHONE_RE = /^\+?[0-9 ().-]{6,24}$/;

function clean(value: string | null | undefined): string | null {
  const t = value?.trim();
  return t ? t : null;
}

function checkLinkedin(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(/^[a-z]+:\/\//i.test(url) ? url : `https://${url}`);
  } catch {
    return 'not a web address';
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return 'expected an https:// address';
  const host = parsed.hostname.toLowerCase();
  if (host !== 'linkedin.com' && !host.endsWith('.linkedin.com')) return 'expected a linkedin.com address';
  if (parsed.pathname.length <= 1) return 'expected a profile address, like https://www.linkedin.com/in/name';
  return null;
}

/**
 * Checks and tidies a contact: the name is required, at least one of email, LinkedIn URL or
 * phone must be given, and each one given must look right. A LinkedIn address without a
 * scheme gets `https://`. Errors name the field.
 */
export function validateContact(input: ContactInput): Contact {
  const details: ErrorDetail[] = [];
  const name = clean(input.name);
  const email = clean(input.email);
  let linkedinUrl = clean(input.linkedinUrl);
  const phone = clean(input.phone);
  if (!name) details.push({ path: 'name', message: 'required' });
  else if (name.length > 200) details.push({ path: 'name', message: 'keep it under 200 characters' });
  if (email && !EMAIL_RE.test(email))
    details.push({ path: 'email', message: `"${email}" does not look like an email address` });
  if (linkedinUrl) {
    const problem = checkLinkedin(linkedinUrl);
    if (problem) details.push({ path: 'linkedinUrl', message: problem });
    else if (!/^[a-z]+:\/\//i.test(linkedinUrl)) linkedinUrl = `https://${linkedinUrl}`;
  }
  if (phone && (!PHONE_RE.test(phone) || phone.replace(/\D/g, '').length < 6)) {
    details.push({ path: 'phone', message: `"${phone}" does not look like a phone number` });
  }
  if (!email && !linkedinUrl && !phone) {
    details.push({
      path: 'email',
      message: 'add an email, a LinkedIn URL or a phone number so you can reach them',
    });
  }
  if (details.length > 0) {
    const first = details[0]!;
    throw new ReboundError('invalid_input', `${first.path}: ${first.message}`, details);
  }
  return {
    id: input.id,
    name: name!,
    role: clean(input.role),
    company: clean(input.company),
    email,
    linkedinUrl,
    phone,
    notes: clean(input.notes),
  };
}
