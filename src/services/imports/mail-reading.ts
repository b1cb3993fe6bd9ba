/**
 * The pure part of a mail import: an .eml or mbox read into messages, each classified and
 * matched to an application. No database: it runs on import workers (see import-worker.ts),
 * each reading its share of an mbox, as well as in process for a single small file.
 */
import { ReboundError } from '../../core/errors.ts';
import { hash64 } from '../../core/import/dedupe-key.ts';
import { classifyEmail, type MailClassification } from '../../core/mail/classify-email.ts';
import {
  type KnownSender,
  type MatchableApplication,
  matchEmailToApplication,
} from '../../core/mail/match-email.ts';
import type { MailParseError, ParsedEmail } from '../../io/mail.ts';

export interface MailReadError {
  index: number;
  line: number;
  message: string;
}

/** One message as read, classified and matched: everything the import stores about it. */
export interface MailReading {
  index: number;
  key: string;
  subject: string;
  fromAddress: string | null;
  fromName: string | null;
  sentAt: string | null;
  excerpt: string;
  classification: MailClassification;
  match: { applicationId: string | null; score: number; reasons: string[] } | null;
}

/** A limit or unreadable-file failure of the mail reader as the error the faces show. */
function refusal(filename: string, error: MailParseError): ReboundError {
  return new ReboundError(
    error.limit && /messages|message is/.test(error.message) ? 'payload_too_large' : 'invalid_input',
    `${filename}: ${error.message}`,
    [{ path: 'file', message: error.limit ? `limit: ${error.limit}` : error.message }],
  );
}

function isMbox(bytes: Uint8Array, filename: string): boolean {
  if (/\.mbox$/i.test(filename)) return true;
  if (/\.eml$/i.test(filename)) return false;
  return Buffer.from(bytes.subarray(0, 5)).toString('latin1') === 'From ';
}

/** Reads an .eml or an mbox into messages; an unreadable .eml is an `invalid_input` error. */
export async function readMailFile(
  bytes: Uint8Array,
  filename: string,
  share: { shard: number; shards: number } = { shard: 0, shards: 1 },
): Promise<{ messages: { index: number; email: ParsedEmail }[]; errors: MailReadError[]; total: number }> {
  // The mail reader (postal-mime, the HTML reader) loads on the first mail file, not at start.
  const { MailParseError, parseEmail, splitMbox } = await import('../../io/mail.ts');
  if (isMbox(bytes, filename)) {
    let parts: ReturnType<typeof splitMbox>;
    try {
      parts = splitMbox(bytes);
    } catch (error) {
      if (error instanceof MailParseError) throw refusal(filename, error);
      throw error;
    }
    if (parts.length === 0) {
      throw new ReboundError(
        'invalid_input',
        `${filename}: no messages found (an mbox has lines starting "From " between messages)`,
        [{ path: 'file', message: 'no messages' }],
      );
    }
    const from = Math.floor((share.shard * parts.length) / share.shards);
    const to = Math.floor(((share.shard + 1) * parts.length) / share.shards);
    const messages: { index: number; email: ParsedEmail }[] = [];
    const errors: MailReadError[] = [];
    for (const part of parts.slice(from, to)) {
      try {
        messages.push({ index: part.index, email: await parseEmail(part.raw) });
      } catch (error) {
        errors.push({
          index: part.index,
          line: part.line,
          message: `message ${part.index} (line ${part.line}): ${(error as Error).message}`,
        });
      }
    }
    return { messages, errors, total: parts.length };
  }
  if (share.shard > 0) return { messages: [], errors: [], total: 1 };
  try {
    return { messages: [{ index: 1, email: await parseEmail(bytes) }], errors: [], total: 1 };
  } catch (error) {
    if (error instanceof MailParseError) throw refusal(filename, error);
    throw error;
  }
}

/** A stable key per message: its Message-ID, or its content when it has none. */
export function messageKey(email: ParsedEmail): string {
  if (email.messageId) return `mid_${hash64(email.messageId.toLowerCase())}`;
  return `sum_${hash64([email.from?.address ?? '', email.date ?? '', email.subject, email.text].join('\u001f'))}`;
}

/**
 * Reads this share of the file, classifying and matching each message (against the applications
 * and the senders the user confirmed before); `report` hears every 500.
 */
export async function readMailMessages(
  bytes: Uint8Array,
  filename: string,
  applications: MatchableApplication[],
  share: { shard: number; shards: number },
  report?: (done: number, total: number) => void,
  senders: readonly KnownSender[] = [],
): Promise<{ messages: MailReading[]; errors: MailReadError[]; total: number }> {
  const { messages, errors, total } = await readMailFile(bytes, filename, share);
  const out: MailReading[] = [];
  for (const { index, email } of messages) {
    const classification = classifyEmail(email);
    const match =
      classification.kind === 'other' ? null : matchEmailToApplication(email, applications, senders);
    out.push({
      index,
      key: messageKey(email),
      subject: email.subject,
      fromAddress: email.from?.address ?? null,
      fromName: email.from?.name || null,
      sentAt: email.date,
      excerpt: email.text.slice(0, 2_000),
      classification,
      match: match
        ? { applicationId: match.applicationId, score: match.score, reasons: match.reasons }
        : null,
    });
    if (out.length % 500 === 0) report?.(out.length, messages.length);
  }
  return { messages: out, errors, total };
}
