/**
 * Drafting the feedback request: a short, specific email the user can send while the process is
 * still fresh in the interviewer's mind. Rebound never sends it; it offers a mailto: link and an
 * .eml file the user opens in their own mail program.
 */
import type { RoundKind, Stage } from '../applications/application.ts';
import { DEFAULT_COOL_OFF_HOURS } from './cool-off.ts';
import { type FeedbackQuestion, selectFeedbackQuestions } from './feedback-questions.ts';
import { parseTemplate, renderTemplate } from './render-template.ts';
import { FEEDBACK_REQUEST_TEMPLATE } from './templates.ts';
import { toInstant } from './zoned-time.ts';

export interface FeedbackContact {
  name: string | null;
  role?: string | null;
  email: string | null;
}

export interface FeedbackRequestInput {
  company: string;
  role: string;
  stageReached: Stage;
  /** The interview rounds that happened; only the kind is used. */
  rounds: readonly { kind: RoundKind }[];
  contact?: FeedbackContact | null;
  userName?: string | null;
  /** ISO instant the news arrived. */
  rejectedAt: string;
}

export interface FeedbackDraft {
  subject: string;
  body: string;
  /** The contact's email address, when known. */
  to: string | null;
  toName: string | null;
  /** When to send it: the end of the default pause (48 hours after the news), while it is still fresh. */
  dueAt: string;
  questions: FeedbackQuestion[];
  /** Placeholders that had no value; the UI can ask for them before sending. */
  missing: string[];
}

const FALLBACK_SUBJECT = 'Thank you, and a short question';

/**
 * Drafts the feedback request from the application's facts and the (editable) template. The
 * questions depend on how far the application got and which rounds happened.
 */
export function draftFeedbackRequest(
  input: FeedbackRequestInput,
  template: string = FEEDBACK_REQUEST_TEMPLATE,
): FeedbackDraft {
  const rejectedAt = toInstant(input.rejectedAt, 'rejectedAt');
  const questions = selectFeedbackQuestions(
    input.stageReached,
    input.rounds.map((r) => r.kind),
  );
  const vars = {
    company: input.company,
    role: input.role,
    contactName: input.contact?.name,
    contactRole: input.contact?.role,
    userName: input.userName,
    questions: questions.map((q, i) => `${i + 1}. ${q.text}`).join('\n'),
  };
  const parsed = parseTemplate(template);
  const subject = renderTemplate(parsed.subject ?? FALLBACK_SUBJECT, vars);
  const body = renderTemplate(parsed.body, vars);
  const missing = [...new Set([...subject.missing, ...body.missing])];
  return {
    subject: subject.text || FALLBACK_SUBJECT,
    body: body.text,
    to: input.contact?.email?.trim() || null,
    toName: input.contact?.name?.trim() || null,
    dueAt: new Date(rejectedAt.getTime() + DEFAULT_COOL_OFF_HOURS * 3_600_000).toISOString(),
    questions,
    missing,
  };
}

/**
 * True for an address no person reads (`no-reply@`, `do_not_reply@`, `noreply-jobs@`): a feedback
 * request sent there goes nowhere, so the recruiter or an interviewer is the one to ask.
 */
export function isAutomaticSender(address: string | null | undefined): boolean {
  const local =
    address
      ?.split('@')[0]
      ?.toLowerCase()
      .replace(/[-_.+\s]/g, '') ?? '';
  return /noreply|donotreply|mailerdaemon/.test(local);
}

/** The draft as a `mailto:` link (RFC 6068): spaces as %20, line breaks as %0D%0A. */
export function mailtoUrl(draft: Pick<FeedbackDraft, 'to' | 'subject' | 'body'>): string {
  const enc = (s: string) => encodeURIComponent(s.replace(/\r?\n/g, '\r\n'));
  const to = draft.to ? encodeURIComponent(draft.to).replace(/%40/g, '@') : '';
  return `mailto:${to}?subject=${enc(draft.subject)}&body=${enc(draft.body)}`;
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function rfc5322Date(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${p(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

function bytesToBase64(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

/** RFC 2047 encoded words (UTF-8, base64) for non-ASCII header text; plain text otherwise. */
function encodeHeaderText(text: string): string {
  const clean = text.replace(/[\r\n]+/g, ' ');
  if (/^[\x20-\x7e]*$/.test(clean)) return clean;
  const encoder = new TextEncoder();
  const words: string[] = [];
  let chunk = '';
  for (const ch of clean) {
    if (encoder.encode(chunk + ch).length > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${bytesToBase64(encoder.encode(w))}?=`).join('\r\n ');
}

/** Quoted-printable (RFC 2045) body: UTF-8 bytes, CRLF line ends, soft breaks under 76 characters. */
function quotedPrintable(text: string): string {
  const encoder = new TextEncoder();
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => {
      const bytes = encoder.encode(line);
      let out = '';
      let width = 0;
      bytes.forEach((b, i) => {
        const last = i === bytes.length - 1;
        const plain = (b >= 33 && b <= 126 && b !== 61) || ((b === 32 || b === 9) && !last);
        const token = plain ? String.fromCharCode(b) : `=${b.toString(16).toUpperCase().padStart(2, '0')}`;
        if (width + token.length > 75) {
          out += '=\r\n';
          width = 0;
        }
        out += token;
        width += token.length;
      });
      return out;
    })
    .join('\r\n');
}

function address(name: string | null, email: string): string {
  if (!name) return `<${email}>`;
  const safe = /^[\x20-\x7e]*$/.test(name) ? `"${name.replace(/["\\]/g, '\\$&')}"` : encodeHeaderText(name);
  return `${safe} <${email}>`;
}

/**
 * The draft as an RFC 5322 message (an .eml file) marked as unsent, so mail programs open it
 * ready to edit and send. `now` stamps the Date header.
 */
export function emlText(
  draft: Pick<FeedbackDraft, 'to' | 'toName' | 'subject' | 'body'>,
  now: string | Date,
  from?: { name: string | null; email: string } | null,
): string {
  const headers = [
    `Date: ${rfc5322Date(toInstant(now, 'now'))}`,
    ...(from ? [`From: ${address(from.name, from.email)}`] : []),
    ...(draft.to ? [`To: ${address(draft.toName, draft.to)}`] : []),
    `Subject: ${encodeHeaderText(draft.subject)}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: quoted-printable',
    'X-Unsent: 1',
  ];
  return `${headers.join('\r\n')}\r\n\r\n${quotedPrintable(draft.body)}\r\n`;
}
