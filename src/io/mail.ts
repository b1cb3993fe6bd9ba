/**
 * Reads e-mails the user exported (a single .eml, or an mbox from Thunderbird, Apple Mail or a
 * Google Takeout) into plain fields the classifier can read. Attachments are ignored; an
 * HTML-only message is turned into text.
 */
import PostalMime from 'postal-mime';
import { htmlToPlainText } from './job-page.ts';

export interface MailAddress {
  name: string;
  address: string;
}

export interface ParsedEmail {
  messageId: string | null;
  from: MailAddress | null;
  to: MailAddress[];
  subject: string;
  /** ISO 8601 instant from the Date header, or null when it is missing or unreadable. */
  date: string | null;
  /** The plain-text body (empty when the message has none). */
  text: string;
}

export interface MboxPart {
  /** 1-based position of the message in the mbox. */
  index: number;
  /** 1-based line of its `From ` separator. */
  line: number;
  /** The message bytes, separator line removed and `>From ` quoting undone. */
  raw: Uint8Array;
}

export interface MboxResult {
  messages: { index: number; line: number; email: ParsedEmail }[];
  errors: { index: number; line: number; error: string }[];
}

/** Thrown by `parseEmail` when the bytes are not an e-mail; the message says why. */
export class MailParseError extends Error {
  override name = 'MailParseError';
}

const HEADER_NAME = /^[!-9;-~]+$/;

/** Parses one RFC 822 message. Throws `MailParseError` when it has no mail headers at all. */
export async function parseEmail(bytes: Uint8Array | string): Promise<ParsedEmail> {
  let email: Awaited<ReturnType<typeof PostalMime.parse>>;
  try {
    email = await PostalMime.parse(bytes, { attachmentEncoding: 'arraybuffer' });
  } catch (error) {
    throw new MailParseError(`could not read the message: ${(error as Error).message}`);
  }
  const headers = email.headers ?? [];
  const known = headers.some((h) => /^(from|subject|date|message-id|to|received|return-path)$/.test(h.key));
  if (headers.length === 0 || !known || headers.some((h) => !HEADER_NAME.test(h.originalKey))) {
    throw new MailParseError(
      'no mail headers found (a message starts with lines like "From:" and "Subject:")',
    );
  }
  const from = email.from && 'address' in email.from && email.from.address ? email.from : null;
  return {
    messageId: email.messageId?.trim() || null,
    from: from ? { name: from.name ?? '', address: (from.address ?? '').toLowerCase() } : null,
    to: (email.to ?? [])
      .flatMap((a) => (a.group ? a.group : [a]))
      .map((a) => ({ name: a.name ?? '', address: (a.address ?? '').toLowerCase() })),
    subject: (email.subject ?? '').trim(),
    date: toIsoDate(email.date),
    text: bodyText(email.text, email.html),
  };
}

function bodyText(text: string | undefined, html: string | undefined): string {
  if (text && text.trim() !== '') return text.replace(/\r\n/g, '\n').trim();
  if (html && html.trim() !== '') return htmlToPlainText(html);
  return '';
}

function toIsoDate(value: string | undefined): string | null {
  if (!value) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

const FROM_LINE = /^From \S+.*\d{4}/;

/**
 * Splits an mbox into messages at its `From ` separator lines (a line starting "From ", a sender
 * and a year, as every mail program writes them). Bytes before the first separator are ignored.
 */
export function splitMbox(input: Uint8Array | string): MboxPart[] {
  const bytes =
    typeof input === 'string'
      ? Buffer.from(input, 'utf8')
      : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const starts: { offset: number; line: number }[] = [];
  let line = 1;
  let lineStart = 0;
  const consider = (offset: number) => {
    // "From " is 46 72 6f 6d 20; the full check only runs on lines that start with it.
    if (
      bytes[offset] === 0x46 &&
      bytes[offset + 4] === 0x20 &&
      bytes[offset + 1] === 0x72 &&
      bytes[offset + 2] === 0x6f &&
      bytes[offset + 3] === 0x6d
    ) {
      const end = bytes.indexOf(0x0a, offset);
      const text = bytes.toString(
        'latin1',
        offset,
        end === -1 ? Math.min(bytes.length, offset + 200) : Math.min(end, offset + 200),
      );
      if (FROM_LINE.test(text)) starts.push({ offset, line });
    }
  };
  consider(0);
  for (;;) {
    const nl = bytes.indexOf(0x0a, lineStart);
    if (nl === -1) break;
    line++;
    lineStart = nl + 1;
    if (lineStart < bytes.length) consider(lineStart);
  }
  return starts.map((start, i) => {
    const bodyStart = bytes.indexOf(0x0a, start.offset);
    const end = starts[i + 1]?.offset ?? bytes.length;
    const raw =
      bodyStart === -1 || bodyStart + 1 > end ? new Uint8Array(0) : bytes.subarray(bodyStart + 1, end);
    return { index: i + 1, line: start.line, raw: unquoteFrom(raw) };
  });
}

/** mboxrd quotes body lines starting "From " as ">From " (and ">From " as ">>From "); undo one level. */
function unquoteFrom(raw: Uint8Array): Uint8Array {
  const buf = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  if (buf.indexOf('\n>') === -1) return raw;
  const text = buf.toString('latin1').replace(/^>(>*From )/gm, '$1');
  return new Uint8Array(Buffer.from(text, 'latin1'));
}

/** Splits and parses an mbox; a message that cannot be read is reported by index and line while the rest parse. */
export async function parseMbox(input: Uint8Array | string): Promise<MboxResult> {
  const result: MboxResult = { messages: [], errors: [] };
  for (const part of splitMbox(input)) {
    try {
      result.messages.push({ index: part.index, line: part.line, email: await parseEmail(part.raw) });
    } catch (error) {
      result.errors.push({
        index: part.index,
        line: part.line,
        error: `message ${part.index} (line ${part.line}): ${(error as Error).message}`,
      });
    }
  }
  return result;
}
