/**
 * Reads e-mails the user exported (a single .eml, or an mbox from Thunderbird, Apple Mail or a
 * Google Takeout) into plain fields the classifier can read. Attachments are ignored; an
 * HTML-only message is turned into text.
 */
import PostalMime from 'postal-mime';
import { describeLimit, FILE_LIMITS } from './file-limits.ts';
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
  /** Reply-To addresses (an ATS often sets the employer's own address here). */
  replyTo?: MailAddress[];
  /** Links of an HTML body (its text loses them); at most 40. */
  links?: string[];
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
  /** The FILE_LIMITS entry the message passed, when that is why it was refused. */
  limit: keyof typeof FILE_LIMITS | null = null;
}

function limitParseError(limit: keyof typeof FILE_LIMITS, message: string): MailParseError {
  const error = new MailParseError(message);
  error.limit = limit;
  return error;
}

const { count, mb } = describeLimit;
const CONTENT_TYPE_LINE = /^content-type:/gim;

/** Refuses a message past the size or part-count limits before any MIME parsing. */
function checkMessageLimits(bytes: Uint8Array | string): void {
  const size = typeof bytes === 'string' ? bytes.length : bytes.byteLength;
  if (size > FILE_LIMITS.mailMessageBytes) {
    throw limitParseError(
      'mailMessageBytes',
      `the message is ${mb(size)}; the limit for one message is ${mb(FILE_LIMITS.mailMessageBytes)}`,
    );
  }
  const text =
    typeof bytes === 'string'
      ? bytes
      : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  CONTENT_TYPE_LINE.lastIndex = 0;
  let parts = 0;
  while (CONTENT_TYPE_LINE.exec(text) !== null) {
    if (++parts > FILE_LIMITS.mailParts) {
      throw limitParseError(
        'mailParts',
        `the message has more than ${count(FILE_LIMITS.mailParts)} parts; the limit is ${count(FILE_LIMITS.mailParts)}`,
      );
    }
  }
}

const HEADER_NAME = /^[!-9;-~]+$/;

/**
 * Parses one RFC 822 message. Throws `MailParseError` when it has no mail headers at all, or
 * passes a limit (size, parts, nesting; `limit` names it). A plain single-part message is read
 * directly (see `parsePlainEmail`); anything else goes through postal-mime.
 */
export async function parseEmail(bytes: Uint8Array | string): Promise<ParsedEmail> {
  checkMessageLimits(bytes);
  const plain = parsePlainEmail(bytes);
  if (plain) return plain;
  let email: Awaited<ReturnType<typeof PostalMime.parse>>;
  try {
    email = await PostalMime.parse(bytes, {
      attachmentEncoding: 'arraybuffer',
      maxNestingDepth: FILE_LIMITS.mailNesting,
      maxHeadersSize: 512 * 1024,
    });
  } catch (error) {
    const message = (error as Error).message;
    if (/nesting depth/i.test(message)) {
      throw limitParseError(
        'mailNesting',
        `the message nests its parts more than ${FILE_LIMITS.mailNesting} deep; the limit is ${FILE_LIMITS.mailNesting}`,
      );
    }
    throw new MailParseError(`could not read the message: ${message}`);
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
    replyTo: (email.replyTo ?? [])
      .flatMap((a) => (a.group ? a.group : [a]))
      .filter((a) => a.address)
      .map((a) => ({ name: a.name ?? '', address: (a.address ?? '').toLowerCase() })),
    links: htmlLinks(email.html),
  };
}

const HREF = /\bhref\s*=\s*["']?(https?:\/\/[^"'\s>]+)/gi;

/** The http(s) links of an HTML body, first 40, for telling whose job page a mail points to. */
function htmlLinks(html: string | undefined): string[] {
  if (!html) return [];
  const out: string[] = [];
  for (const m of html.slice(0, 200_000).matchAll(HREF)) {
    if (out.length >= 40) break;
    out.push(m[1]!.replace(/&amp;/g, '&'));
  }
  return out;
}

const SIMPLE_TYPE = /^text\/plain\s*(?:;\s*charset\s*=\s*"?(?:utf-8|us-ascii)"?\s*;?\s*)?$/i;
const SIMPLE_ENCODING = /^(?:7bit|8bit)$/i;
const NAMED_ADDRESS = /^(?:"([^"\\]*)"|([^"<>,;:@()\\]*?))\s*<([^<>\s@",;:()\\]+@[^<>\s@",;:()\\]+)>$/;
const BARE_ADDRESS = /^([^<>\s@",;:()\\]+@[^<>\s@",;:()\\]+)$/;

/** `Name <a@b>`, `"Name" <a@b>` or `a@b`; undefined for anything a full parser must read. */
function simpleAddress(value: string): MailAddress | undefined {
  const v = value.trim();
  const bare = BARE_ADDRESS.exec(v);
  if (bare) return { name: '', address: bare[1]!.toLowerCase() };
  const named = NAMED_ADDRESS.exec(v);
  if (!named) return undefined;
  return { name: (named[1] ?? named[2] ?? '').trim(), address: named[3]!.toLowerCase() };
}

const utf8 = new TextDecoder('utf-8');

/**
 * The common case read without a MIME parser: one text/plain part in UTF-8 or ASCII, 7bit or
 * 8bit, ASCII headers with no encoded words and simple addresses (what most job-site mail and
 * every mbox the bench writes look like). postal-mime costs about half a millisecond a message
 * for the same result; returns null whenever the message is anything else, so it takes over.
 */
export function parsePlainEmail(input: Uint8Array | string): ParsedEmail | null {
  const bytes =
    typeof input === 'string'
      ? Buffer.from(input, 'utf8')
      : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  let split = bytes.indexOf('\n\n');
  let bodyAt = split + 2;
  const crlf = bytes.indexOf('\r\n\r\n');
  if (crlf !== -1 && (split === -1 || crlf < split)) {
    split = crlf;
    bodyAt = crlf + 4;
  }
  if (split === -1) return null;
  const head = bytes.toString('latin1', 0, split);
  if (/[^\t\r\n\x20-\x7e]/.test(head) || head.includes('=?')) return null;
  const fields = new Map<string, string>();
  let known = false;
  for (const line of head.replace(/\r?\n(?=[ \t])/g, '').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon <= 0) return null;
    const key = line.slice(0, colon);
    if (!HEADER_NAME.test(key)) return null;
    const name = key.toLowerCase();
    if (/^(from|subject|date|message-id|to|received|return-path)$/.test(name)) known = true;
    // Repeated headers, and anything about MIME structure, are left to the full parser.
    if (
      fields.has(name) &&
      /^(from|to|reply-to|subject|date|message-id|content-type|content-transfer-encoding)$/.test(name)
    )
      return null;
    fields.set(name, line.slice(colon + 1).trim());
  }
  if (!known) return null;
  if (fields.has('mime-version') && !fields.has('content-type')) return null;
  const type = fields.get('content-type');
  if (type !== undefined && !SIMPLE_TYPE.test(type)) return null;
  const encoding = fields.get('content-transfer-encoding');
  if (encoding !== undefined && !SIMPLE_ENCODING.test(encoding)) return null;
  const fromHeader = fields.get('from');
  const from = fromHeader === undefined || fromHeader === '' ? null : simpleAddress(fromHeader);
  if (from === undefined) return null;
  const replyHeader = fields.get('reply-to');
  const replyTo = replyHeader ? simpleAddress(replyHeader) : null;
  if (replyTo === undefined) return null;
  const to: MailAddress[] = [];
  for (const part of (fields.get('to') ?? '').split(',')) {
    if (part.trim() === '') continue;
    const address = simpleAddress(part);
    if (!address) return null;
    to.push(address);
  }
  return {
    messageId: fields.get('message-id') || null,
    from,
    to,
    subject: fields.get('subject') ?? '',
    date: toIsoDate(fields.get('date')),
    text: utf8.decode(bytes.subarray(bodyAt)).replace(/\r\n/g, '\n').trim(),
    replyTo: replyTo ? [replyTo] : [],
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
    if (starts.length > FILE_LIMITS.mailMessages) {
      throw limitParseError(
        'mailMessages',
        `the mbox holds more than ${count(FILE_LIMITS.mailMessages)} messages; the limit is ${count(FILE_LIMITS.mailMessages)} (export fewer, e.g. one folder or label)`,
      );
    }
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
