/**
 * The bad-files corpus: files built to hurt a reader (too wide, too long, zip and PDF bombs,
 * e-mail nested or split without end, HTML nested thousands deep). Generated on demand — none is
 * committed — in a short form for `npm test` and a large one for the soak run. Each case names
 * the route it is sent to and the limit the refusal must name.
 */
import { constants, crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

export interface BadFile {
  name: string;
  /** What the file does to a reader that has no limits. */
  what: string;
  route:
    | '/api/v1/imports/preview'
    | '/api/v1/imports/commit'
    | '/api/v1/mail/import'
    | '/api/v1/resume/import';
  filename: string;
  bytes: Buffer;
  /** The words the refusal must contain (the limit it names). */
  expect: RegExp;
}

interface ZipPart {
  name: string;
  /** Raw deflate data and the size it inflates to, or plain content to store deflated. */
  deflated?: { data: Buffer; size: number };
  content?: string | Buffer;
}

/** A zip file (deflated entries, central directory); sizes are the real ones. */
export function zip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const content = part.content === undefined ? undefined : Buffer.from(part.content);
    const data = part.deflated?.data ?? deflateRawSync(content!);
    const size = part.deflated?.size ?? content!.length;
    const crc = content ? crc32(content) : 0;
    const name = Buffer.from(part.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(size >>> 0, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    central.push(entry, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const fills = new Map<string, Promise<{ data: Buffer; size: number }>>();

/** Raw deflate of `size` bytes of `fill`, streamed (the input is never held whole); made once per size. */
export function deflatedFill(size: number, fill = ' '): Promise<{ data: Buffer; size: number }> {
  const key = `${size}:${fill}`;
  let made = fills.get(key);
  if (!made) {
    made = deflate(size, fill);
    fills.set(key, made);
  }
  return made;
}

async function deflate(size: number, fill: string): Promise<{ data: Buffer; size: number }> {
  const deflate = createDeflateRaw({ level: constants.Z_BEST_COMPRESSION });
  const chunks: Buffer[] = [];
  deflate.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  const block = Buffer.alloc(1024 * 1024, fill);
  for (let left = size; left > 0; left -= block.length) {
    const ok = deflate.write(left >= block.length ? block : block.subarray(0, left));
    if (!ok) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await done;
  return { data: Buffer.concat(chunks), size };
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>';

/** An .xlsx whose first sheet is `sheetXml` (inline strings, no styles needed). */
function xlsx(sheet: ZipPart): Buffer {
  return zip([
    { name: '[Content_Types].xml', content: CONTENT_TYPES },
    {
      name: 'xl/workbook.xml',
      content:
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="Sheet1" sheetId="1"/></sheets></workbook>',
    },
    sheet,
  ]);
}

const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;

/** Rows with a company and role, and one cell far out at column XFD (16,384). */
export function farColumnXlsx(rows: number): Buffer {
  const body: string[] = [`<row r="1">${inline('A1', 'Company')}${inline('B1', 'Role')}</row>`];
  for (let r = 2; r <= rows + 1; r++)
    body.push(
      `<row r="${r}">${inline(`A${r}`, `Acme ${r}`)}${inline(`B${r}`, 'Analyst')}${inline(`XFD${r}`, 'x')}</row>`,
    );
  return xlsx({
    name: 'xl/worksheets/sheet1.xml',
    content: `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body.join('')}</sheetData></worksheet>`,
  });
}

/** A PDF with one Flate stream that inflates to `size` bytes. */
export async function pdfBomb(size: number): Promise<Buffer> {
  const { data } = await deflatedFill(size, '0');
  // zlib framing (PDF Flate streams are zlib, not raw deflate): header, data, no checksum needed to count.
  const stream = Buffer.concat([Buffer.from([0x78, 0xda]), data]);
  return Buffer.concat([
    Buffer.from(
      `%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n3 0 obj\n<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>\nendobj\n4 0 obj\n<< /Length ${stream.length} /Filter /FlateDecode >>\nstream\n`,
      'latin1',
    ),
    stream,
    Buffer.from('\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n', 'latin1'),
  ]);
}

/** A multipart message nested `depth` levels deep. */
export function nestedEml(depth: number): Buffer {
  let body = 'Content-Type: text/plain\n\nWe would like to invite you to an interview.\n';
  for (let i = depth; i > 0; i--) {
    body = `Content-Type: multipart/mixed; boundary="b${i}"\n\n--b${i}\n${body}\n--b${i}--\n`;
  }
  return Buffer.from(`From: careers@acme.example\nSubject: Interview\nMIME-Version: 1.0\n${body}`);
}

/** A multipart message with `parts` parts side by side. */
export function manyPartsEml(parts: number): Buffer {
  const each = Array.from({ length: parts }, (_, i) => `--b\nContent-Type: text/plain\n\npart ${i}\n`).join(
    '',
  );
  return Buffer.from(
    `From: careers@acme.example\nSubject: Parts\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="b"\n\n${each}--b--\n`,
  );
}

/** An mbox with `count` tiny messages. */
export function longMbox(count: number): Buffer {
  const one = (i: number) =>
    `From a@b.example Mon Mar  4 09:12:00 2024\nFrom: a@b.example\nSubject: ${i}\nMessage-ID: <${i}@b>\n\nhi\n\n`;
  return Buffer.from(Array.from({ length: count }, (_, i) => one(i)).join(''));
}

/** HTML nested `depth` elements deep (8,000 levels is 88 KB). */
export function deepHtml(depth: number): string {
  return `<html><body><h1>Analyst</h1>${'<div>'.repeat(depth)}Responsibilities and requirements of the role${'</div>'.repeat(depth)}</body></html>`;
}

const MB = 1024 * 1024;

/** A plain tracker export with `rows` rows, each a different application. */
export function trackerCsv(rows: number): Buffer {
  const lines = ['Company,Job Title,Date Applied,Status,Notes'];
  for (let i = 0; i < rows; i++)
    lines.push(
      `Company ${i},Analyst ${i % 7},2026-05-${String(1 + (i % 28)).padStart(2, '0')},Applied,row ${i}`,
    );
  return Buffer.from(`${lines.join('\n')}\n`);
}

/**
 * A real resume .docx grown to `size` bytes by an incompressible picture-sized part, as a resume
 * with a photo is: just under the 8 MB limit it must be accepted, not refused as "body too large".
 */
export function paddedDocx(resume: Map<string, Buffer>, size: number): Buffer {
  const parts: ZipPart[] = [...resume].map(([name, content]) => ({ name, content }));
  const base = zip(parts).length;
  let seed = 1;
  const noise = Buffer.alloc(Math.max(0, size - base - 200));
  for (let i = 0; i < noise.length; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    noise[i] = seed >>> 24;
  }
  parts.push({ name: 'word/media/photo.bin', content: noise });
  return zip(parts);
}

/**
 * Every case, small enough for `npm test` (`large: false`: each just past its limit) or at the
 * sizes the issue measured (`large: true`: a 1 GB xlsx bomb, a 500 MB PDF, 300k rows).
 */
export async function badFiles({ large }: { large: boolean }): Promise<BadFile[]> {
  const csvRows = large ? 300_000 : 200_001;
  const rows = Array.from({ length: csvRows }, (_, i) => `Acme ${i},Analyst`).join('\n');
  return [
    {
      name: 'xlsx with a cell at column XFD',
      what: 'a 30 KB workbook whose reader walked 32 million empty cells (5 GB, the server died)',
      route: '/api/v1/imports/preview',
      filename: 'far-column.xlsx',
      bytes: farColumnXlsx(large ? 2_000 : 100),
      expect: /column 16,384.*limit is 500 columns/,
    },
    {
      name: 'xlsx bomb',
      what: large ? 'a sheet that unpacks to 1 GB' : 'a sheet that unpacks past the 200 MB limit',
      route: '/api/v1/imports/commit',
      filename: 'bomb.xlsx',
      bytes: xlsx({
        name: 'xl/worksheets/sheet1.xml',
        deflated: await deflatedFill(large ? 1024 * MB : 201 * MB),
      }),
      expect: /unpacks to more than 200 MB/,
    },
    {
      name: 'CSV with 100,000 columns',
      what: 'a 1 MB header row that froze the server for 7.8 s',
      route: '/api/v1/imports/preview',
      filename: 'wide.csv',
      bytes: Buffer.from(`${Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(',')}\nAcme,Analyst\n`),
      expect: /line 1 of the CSV file has (more than )?[\d,]+ columns; the limit is 500/,
    },
    {
      name: `CSV with ${csvRows.toLocaleString('en-US')} rows`,
      what: 'a long file that froze the server for 11 s and took 2 GB to commit',
      route: '/api/v1/imports/commit',
      filename: 'long.csv',
      bytes: Buffer.from(`Company,Role\n${rows}\n`),
      expect: /more than 200,000 rows/,
    },
    {
      name: 'CSV with a 150,000-character cell',
      what: 'one cell holding most of a file',
      route: '/api/v1/imports/commit',
      filename: 'big-cell.csv',
      bytes: Buffer.from(`Company,Role,Notes\nAcme,Analyst,${'x'.repeat(150_000)}\n`),
      expect: /150,000 characters; the limit is 100,000/,
    },
    {
      name: 'CSV with an unclosed quote',
      what: 'a quote that swallows the rest of the file into one cell',
      route: '/api/v1/imports/preview',
      filename: 'open-quote.csv',
      bytes: Buffer.from(`Company,Role\n"Acme,Analyst\n${'Beta,Engineer\n'.repeat(40_000)}`),
      expect: /unclosed quote/,
    },
    {
      name: 'PDF bomb',
      what: large
        ? 'a resume whose stream inflates to 500 MB (accepted after 26 s)'
        : 'a resume inflating past 64 MB',
      route: '/api/v1/resume/import',
      filename: 'resume.pdf',
      bytes: await pdfBomb(large ? 500 * MB : 65 * MB),
      expect: /unpacks to more than 64 MB/,
    },
    {
      name: 'docx bomb',
      what: 'a Word file unpacking past 200 MB',
      route: '/api/v1/resume/import',
      filename: 'resume.docx',
      bytes: zip([
        { name: '[Content_Types].xml', content: CONTENT_TYPES },
        { name: 'word/document.xml', deflated: await deflatedFill(201 * MB) },
      ]),
      expect: /unpacks to more than 200 MB/,
    },
    {
      name: 'e-mail nested 30 deep',
      what: 'multipart inside multipart, 30 levels',
      route: '/api/v1/mail/import',
      filename: 'nested.eml',
      bytes: nestedEml(30),
      expect: /nests its parts more than 20 deep/,
    },
    {
      name: 'e-mail with 300 parts',
      what: 'a message split into 300 parts',
      route: '/api/v1/mail/import',
      filename: 'parts.eml',
      bytes: manyPartsEml(300),
      expect: /more than 200 parts/,
    },
    {
      name: 'mbox with 50,001 messages',
      what: 'more messages than one import reads',
      route: '/api/v1/mail/import',
      filename: 'huge.mbox',
      bytes: longMbox(50_001),
      expect: /more than 50,000 messages/,
    },
  ];
}
