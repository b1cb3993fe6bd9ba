/**
 * Reading a connections export into contacts: LinkedIn's `Connections.csv` (a few "Notes:" lines,
 * then First Name, Last Name, URL, Email Address, Company, Position, Connected On) or any contacts
 * CSV whose headers say name, email, company and title in some words. Pure: rows in, a plan out;
 * the service reads the file and writes the plan in one transaction.
 */
import { normaliseCompanyName } from '../company-name.ts';
import { validateContact } from '../contacts/contact.ts';
import { isReboundError } from '../errors.ts';
import { normaliseHeader } from '../import/header-aliases.ts';
import { detectDateOrder, parseLooseDate } from '../import/loose-date.ts';

export const CONTACT_COLUMNS = [
  'firstName',
  'lastName',
  'name',
  'email',
  'linkedinUrl',
  'company',
  'role',
  'phone',
  'connectedOn',
] as const;
export type ContactColumn = (typeof CONTACT_COLUMNS)[number];

/** Header words per column, already normalised (see `normaliseHeader`). */
const ALIASES: Record<ContactColumn, readonly string[]> = {
  firstName: ['first name', 'firstname', 'given name', 'forename'],
  lastName: ['last name', 'lastname', 'surname', 'family name'],
  name: ['name', 'full name', 'fullname', 'contact', 'contact name', 'display name', 'person'],
  email: ['email address', 'email', 'e mail', 'e mail address', 'mail', 'work email', 'email 1 value'],
  linkedinUrl: ['url', 'linkedin', 'linkedin url', 'profile url', 'linkedin profile', 'profile'],
  company: ['company', 'organization', 'organisation', 'employer', 'company name', 'organization 1 name'],
  role: ['position', 'title', 'job title', 'role', 'organization 1 title', 'occupation'],
  phone: ['phone', 'phone number', 'mobile', 'telephone', 'phone 1 value'],
  connectedOn: ['connected on', 'connected', 'met on', 'since', 'date added'],
};

export type ContactMapping = Partial<Record<ContactColumn, number>>;

/** Which column holds what, by exact header words; null when the headers name no person. */
export function guessContactMapping(headers: readonly string[]): ContactMapping | null {
  const normalised = headers.map(normaliseHeader);
  const mapping: ContactMapping = {};
  const taken = new Set<number>();
  for (const column of CONTACT_COLUMNS) {
    const index = normalised.findIndex((h, i) => !taken.has(i) && ALIASES[column].includes(h));
    if (index >= 0) {
      mapping[column] = index;
      taken.add(index);
    }
  }
  const named = mapping.name !== undefined || mapping.firstName !== undefined;
  const more =
    mapping.company !== undefined || mapping.email !== undefined || mapping.linkedinUrl !== undefined;
  return named && more ? mapping : null;
}

export interface RawRecord {
  /** The line a person finds the record on. */
  line: number;
  cells: readonly string[];
}

/**
 * The header of a contacts file: the first record that names a person and one more thing about
 * them. LinkedIn puts a few lines of notes above it; anything above the header is skipped.
 */
export function findContactHeader(
  records: readonly RawRecord[],
): { index: number; mapping: ContactMapping } | null {
  const limit = Math.min(records.length, 20);
  for (let i = 0; i < limit; i++) {
    const mapping = guessContactMapping(records[i]!.cells);
    if (mapping) return { index: i, mapping };
  }
  return null;
}

/** One person read from the file. */
export interface ImportedContact {
  line: number;
  name: string;
  company: string | null;
  role: string | null;
  email: string | null;
  linkedinUrl: string | null;
  phone: string | null;
  connectedOn: string | null;
}

export interface ContactLineError {
  line: number;
  message: string;
}

const cell = (cells: readonly string[], index: number | undefined): string =>
  index === undefined ? '' : (cells[index] ?? '').trim();

/** Reads the person on one line, or says in words what is wrong with it. */
export function readContactRecord(
  record: RawRecord,
  mapping: ContactMapping,
  dateOrder: 'mdy' | 'dmy' = 'mdy',
): ImportedContact | ContactLineError {
  const c = record.cells;
  const name =
    cell(c, mapping.name) ||
    [cell(c, mapping.firstName), cell(c, mapping.lastName)].filter(Boolean).join(' ');
  const connectedText = cell(c, mapping.connectedOn);
  const connectedOn = connectedText ? parseLooseDate(connectedText, dateOrder) : null;
  if (connectedText && connectedOn === null)
    return { line: record.line, message: `connected on "${connectedText}" is not a date` };
  try {
    const valid = validateContact({
      id: '',
      name,
      company: cell(c, mapping.company),
      role: cell(c, mapping.role),
      email: cell(c, mapping.email),
      linkedinUrl: cell(c, mapping.linkedinUrl),
      phone: cell(c, mapping.phone),
    });
    return {
      line: record.line,
      name: valid.name,
      company: valid.company,
      role: valid.role,
      email: valid.email,
      linkedinUrl: valid.linkedinUrl,
      phone: valid.phone,
      connectedOn,
    };
  } catch (error) {
    if (!isReboundError(error)) throw error;
    const first = error.details[0];
    const message =
      first?.path === 'name'
        ? 'no name (the name columns are empty)'
        : first?.message.startsWith('add an email')
          ? 'no email, LinkedIn URL or phone to reach them'
          : `${first?.path ?? 'row'}: ${first?.message ?? error.message}`;
    return { line: record.line, message };
  }
}

/** What a contact is compared by: the same keys for the file's people and the ones already kept. */
export interface ContactKeys {
  name: string;
  company: string | null;
  email: string | null;
  linkedinUrl: string | null;
}

/** "https://www.linkedin.com/in/Ana-Ruiz/?x=1" → "linkedin.com/in/ana-ruiz". */
export function linkedinKey(url: string): string {
  const bare = url
    .trim()
    .toLowerCase()
    .replace(/^[a-z]+:\/\//, '')
    .replace(/^(www\.|[a-z]{2}\.)/, '');
  return bare.replace(/[?#].*$/, '').replace(/\/+$/, '');
}

/** A person's name for comparison: case, accents, punctuation and order of spaces ignored. */
export function personKey(name: string, company: string | null): string {
  const who = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .join(' ');
  return `${who}|${company ? normaliseCompanyName(company) : ''}`;
}

/**
 * The keys one person is known by, strongest first: email, else LinkedIn address, else name and
 * company. Two people are the same when their first keys of the same kind match.
 */
export function dedupeKeys(c: ContactKeys): string[] {
  const keys: string[] = [];
  if (c.email) keys.push(`email:${c.email.toLowerCase()}`);
  if (c.linkedinUrl) keys.push(`url:${linkedinKey(c.linkedinUrl)}`);
  keys.push(`name:${personKey(c.name, c.company)}`);
  return keys;
}

export interface ContactMerge {
  /** The contact already kept. */
  contactId: string;
  contact: ImportedContact;
}

export interface ContactImportPlan {
  /** New people, as contacts marked "connection". */
  create: ImportedContact[];
  /** People already kept (by email, LinkedIn address or name and company): marked as connections, blanks filled. */
  merge: ContactMerge[];
  /** Lines that repeat a person read earlier in the same file. */
  repeatedInFile: number[];
  errors: ContactLineError[];
  /** Lines read (the header and the lines above it left out). */
  rows: number;
}

/**
 * Plans the import of a contacts file: finds the header under any preamble, reads each line,
 * and sorts the people into new ones and ones already kept. A file with no recognisable header
 * is one error naming what was looked for.
 */
export function planContactImport(
  records: readonly RawRecord[],
  existing: readonly (ContactKeys & { id: string })[],
): ContactImportPlan {
  const header = findContactHeader(records);
  if (!header) {
    return {
      create: [],
      merge: [],
      repeatedInFile: [],
      rows: 0,
      errors: [
        {
          line: records[0]?.line ?? 1,
          message:
            'no header naming people: expected columns like First Name, Last Name (or Name) with Company, Email Address or URL',
        },
      ],
    };
  }
  const body = records.slice(header.index + 1);
  const connectedColumn = header.mapping.connectedOn;
  const order = detectDateOrder(body.map((r) => cell(r.cells, connectedColumn)).filter(Boolean));
  const known = new Map<string, string>();
  for (const c of existing) for (const key of dedupeKeys(c)) if (!known.has(key)) known.set(key, c.id);
  const seen = new Set<string>();
  const plan: ContactImportPlan = { create: [], merge: [], repeatedInFile: [], errors: [], rows: 0 };
  for (const record of body) {
    if (record.cells.every((v) => v.trim() === '')) continue;
    plan.rows++;
    const read = readContactRecord(record, header.mapping, order);
    if ('message' in read) {
      plan.errors.push(read);
      continue;
    }
    const keys = dedupeKeys(read);
    if (keys.some((k) => seen.has(k))) {
      plan.repeatedInFile.push(read.line);
      continue;
    }
    for (const k of keys) seen.add(k);
    const match = keys.map((k) => known.get(k)).find((id) => id !== undefined);
    if (match) plan.merge.push({ contactId: match, contact: read });
    else plan.create.push(read);
  }
  return plan;
}
