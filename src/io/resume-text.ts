/**
 * Resume text: turns an uploaded resume (.txt, .md, .pdf, .docx) into plain text for skill
 * extraction. Each refusal says what to do instead, usually "paste the text".
 */
import { ReboundError } from '../core/errors.ts';
import { describeLimit, FILE_LIMITS, limitError, unzipWithinLimit, zlib } from './file-limits.ts';
import { decodeText } from './text-decode.ts';

export const RESUME_EXTENSIONS = ['.txt', '.md', '.pdf', '.docx'] as const;

function refuse(message: string, detail: string): never {
  throw new ReboundError('invalid_input', message, [{ path: 'file', message: detail }]);
}

function extensionOf(filename: string): string {
  const dot = filename.lastIndexOf('.');
  return dot === -1 ? '' : filename.slice(dot).toLowerCase();
}

/** True when bytes look like a binary file: a NUL byte, or many control bytes, near the start. */
function looksBinary(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 4096);
  let controls = 0;
  for (const b of head) {
    if (b === 0) return true;
    if (b < 32 && b !== 9 && b !== 10 && b !== 13 && b !== 12) controls++;
  }
  return head.length > 0 && controls / head.length > 0.1;
}

/** Tidies extracted text: unified newlines, no trailing spaces, at most one blank line in a row. */
function tidy(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

const STREAM = Buffer.from('stream', 'latin1');
const END_STREAM = Buffer.from('endstream', 'latin1');

/**
 * Refuses a PDF whose compressed streams inflate past FILE_LIMITS.pdfInflatedBytes, before
 * pdf.js inflates them: each Flate stream is inflated with what is left of the budget as its
 * ceiling (the sizes a PDF declares can lie), so a bomb costs at most the budget.
 */
function checkPdfStreams(bytes: Uint8Array): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let budget: number = FILE_LIMITS.pdfInflatedBytes;
  const tooBig = () =>
    limitError(
      'pdfInflatedBytes',
      `this PDF unpacks to more than ${describeLimit.mb(FILE_LIMITS.pdfInflatedBytes)}, the limit for a resume; paste the text instead`,
      'payload_too_large',
    );
  let at = 0;
  for (;;) {
    const keyword = buf.indexOf(STREAM, at);
    if (keyword === -1) return;
    if (keyword >= 3 && buf.toString('latin1', keyword - 3, keyword) === 'end') {
      at = keyword + STREAM.length;
      continue;
    }
    let start = keyword + STREAM.length;
    if (buf[start] === 0x0d) start++;
    if (buf[start] === 0x0a) start++;
    const end = buf.indexOf(END_STREAM, start);
    if (end === -1) return;
    const head = buf.toString('latin1', Math.max(0, keyword - 2048), keyword);
    const dictionary = head.slice(head.lastIndexOf(' obj'));
    if (/\/FlateDecode|\/Fl\b/.test(dictionary)) {
      try {
        const { constants, inflateSync } = zlib();
        const out = inflateSync(buf.subarray(start, end), {
          maxOutputLength: budget + 1,
          finishFlush: constants.Z_SYNC_FLUSH,
        });
        budget -= out.length;
      } catch (error) {
        // A broken stream is pdf.js's to judge; only the size matters here.
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooBig();
      }
      if (budget < 0) throw tooBig();
    }
    at = end + END_STREAM.length;
  }
}

async function readPdf(bytes: Uint8Array): Promise<string> {
  if (!(bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46)) {
    refuse('this file does not look like a PDF; paste the text instead', 'not a PDF');
  }
  checkPdfStreams(bytes);
  let text: string;
  // unpdf and mammoth are large: loaded only when such a file is read.
  const { extractText, getDocumentProxy } = await import('unpdf');
  let pages = 0;
  try {
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    pages = pdf.numPages;
    if (pages <= FILE_LIMITS.pdfPages) text = (await extractText(pdf, { mergePages: true })).text;
  } catch {
    refuse('this PDF could not be read; paste the text instead', 'unreadable PDF');
  }
  if (pages > FILE_LIMITS.pdfPages) {
    throw limitError(
      'pdfPages',
      `this PDF has ${describeLimit.count(pages)} pages; a resume is read up to ${FILE_LIMITS.pdfPages} pages, so paste the text instead`,
    );
  }
  text ??= '';
  if (text.trim() === '') refuse('this PDF has no text layer; paste the text instead', 'no text layer');
  return text;
}

async function readDocx(bytes: Uint8Array): Promise<string> {
  const { default: mammoth } = await import('mammoth');
  // mammoth unpacks the whole zip; a bomb is refused before it does.
  unzipWithinLimit(bytes, () => false, 'this Word file');
  try {
    const result = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    return result.value;
  } catch {
    return refuse(
      'this Word file could not be read; save it again as .docx or paste the text instead',
      'unreadable docx',
    );
  }
}

/**
 * Reads a resume file into plain text. Throws `invalid_input` for an unknown extension, an empty
 * or binary file, a PDF without a text layer (a scan) and a docx that is not a valid Word file.
 */
export async function readResumeText(buffer: Uint8Array, filename: string): Promise<string> {
  const ext = extensionOf(filename);
  if (!(RESUME_EXTENSIONS as readonly string[]).includes(ext)) {
    refuse(
      `cannot read "${filename}": use a .txt, .md, .pdf or .docx file, or paste the text`,
      'unknown extension',
    );
  }
  if (buffer.length === 0) refuse(`"${filename}" is empty`, 'empty file');
  let text: string;
  if (ext === '.pdf') text = await readPdf(buffer);
  else if (ext === '.docx') text = await readDocx(buffer);
  else {
    if (looksBinary(buffer))
      refuse(`"${filename}" is not a text file; paste the text instead`, 'binary content');
    text = decodeText(buffer).text;
  }
  const tidied = tidy(text);
  if (tidied === '') refuse(`"${filename}" has no text in it`, 'empty file');
  return tidied;
}
