/**
 * The limits every file reader checks while it reads, so that no upload — a spreadsheet with a
 * cell at column XFD, a zip bomb, a PDF that inflates to gigabytes, an HTML page nested 8,000
 * deep — can exhaust memory or time. Each refusal names the limit it hit.
 */
import { ReboundError } from '../core/errors.ts';

/** node:zlib, loaded by the first compressed file rather than with every server start. */
export const zlib = () => process.getBuiltinModule('node:zlib');

export const FILE_LIMITS = {
  /** Data rows in one spreadsheet (CSV or the first sheet of an .xlsx). */
  rows: 200_000,
  /** Columns in one spreadsheet row. */
  columns: 500,
  /** Cells in one spreadsheet, counting the empty ones before the last filled cell of each row. */
  cells: 4_000_000,
  /** Characters in one spreadsheet cell. */
  cellChars: 100_000,
  /** Bytes an .xlsx or .docx may unpack to (all its zip entries together). */
  unzippedBytes: 200 * 1024 * 1024,
  /** Entries in one .xlsx or .docx. */
  zipEntries: 2_000,
  /** Bytes the compressed streams of a PDF may inflate to. */
  pdfInflatedBytes: 64 * 1024 * 1024,
  /** Pages read from a PDF resume. */
  pdfPages: 100,
  /** Messages in one mbox. */
  mailMessages: 50_000,
  /** Bytes of one e-mail message. */
  mailMessageBytes: 25 * 1024 * 1024,
  /** MIME parts inside one message. */
  mailParts: 200,
  /** How deeply MIME parts may nest inside each other. */
  mailNesting: 20,
  /** How deeply HTML elements may nest before deeper ones are flattened into their text. */
  htmlDepth: 256,
} as const;

const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const count = (n: number) => n.toLocaleString('en-US');

/** A refusal naming the limit: `invalid_input` for shapes (rows, columns…), `payload_too_large` for sizes. */
export function limitError(
  limit: keyof typeof FILE_LIMITS,
  message: string,
  code: 'invalid_input' | 'payload_too_large' = 'invalid_input',
): ReboundError {
  return new ReboundError(code, message, [{ path: 'file', message: `limit: ${limit}` }]);
}

export const describeLimit = { mb, count };

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

/** The entries of a zip file from its central directory, or null when `bytes` is not a readable zip. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record is in the last 64 KB + 22 bytes.
  const from = Math.max(0, buf.length - 65_557);
  let eocd = -1;
  for (let i = buf.length - 22; i >= from; i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd === -1) return null;
  const total = buf.readUInt16LE(eocd + 10);
  let offset = buf.readUInt32LE(eocd + 16);
  if (total > FILE_LIMITS.zipEntries) {
    throw limitError(
      'zipEntries',
      `the file holds ${count(total)} packed parts; the limit is ${count(FILE_LIMITS.zipEntries)}`,
    );
  }
  const entries: ZipEntry[] = [];
  for (let i = 0; i < total; i++) {
    if (offset + 46 > buf.length || buf.readUInt32LE(offset) !== 0x02014b50) return null;
    const nameLength = buf.readUInt16LE(offset + 28);
    const extraLength = buf.readUInt16LE(offset + 30);
    const commentLength = buf.readUInt16LE(offset + 32);
    entries.push({
      method: buf.readUInt16LE(offset + 10),
      compressedSize: buf.readUInt32LE(offset + 20),
      uncompressedSize: buf.readUInt32LE(offset + 24),
      localHeaderOffset: buf.readUInt32LE(offset + 42),
      name: buf.toString('utf8', offset + 46, offset + 46 + nameLength),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Unpacks the entries `want` picks, refusing as soon as everything unpacked (all entries, wanted
 * or not, since a reader library will unpack them too) passes FILE_LIMITS.unzippedBytes. Sizes
 * are measured by inflating, not taken from the headers, which a bomb can fake. Returns the
 * wanted entries' contents; null when the zip cannot be read (the reader library then explains).
 */
export function unzipWithinLimit(
  bytes: Uint8Array,
  want: (name: string) => boolean = () => false,
  what = 'the file',
): Map<string, Buffer> | null {
  const entries = zipEntries(bytes);
  if (!entries) return null;
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Map<string, Buffer>();
  let budget: number = FILE_LIMITS.unzippedBytes;
  const tooBig = () =>
    limitError(
      'unzippedBytes',
      `${what} unpacks to more than ${mb(FILE_LIMITS.unzippedBytes)}; the limit is ${mb(FILE_LIMITS.unzippedBytes)}`,
      'payload_too_large',
    );
  for (const entry of entries) {
    const at = entry.localHeaderOffset;
    if (at + 30 > buf.length || buf.readUInt32LE(at) !== 0x04034b50) return null;
    const start = at + 30 + buf.readUInt16LE(at + 26) + buf.readUInt16LE(at + 28);
    const data = buf.subarray(start, Math.min(buf.length, start + entry.compressedSize));
    let content: Buffer;
    if (entry.method === 0) content = data;
    else if (entry.method === 8) {
      try {
        content = zlib().inflateRawSync(data, { maxOutputLength: Math.max(1, budget) });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw tooBig();
        return null;
      }
    } else return null;
    budget -= content.length;
    if (budget < 0) throw tooBig();
    if (want(entry.name)) out.set(entry.name, content);
  }
  return out;
}
