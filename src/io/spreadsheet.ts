/**
 * Reads a tracker export (CSV/TSV or .xlsx) into a header row and data rows, each data row with
 * the line (CSV) or sheet row (xlsx) a person would find it on, so import errors can point there.
 */
import { isUtf8 } from 'node:buffer';
import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { ReboundError } from '../core/errors.ts';
import { describeLimit, FILE_LIMITS, limitError, unzipWithinLimit } from './file-limits.ts';
import { decodeText } from './text-decode.ts';

export const MAX_TABLE_BYTES = 50 * 1024 * 1024;

export interface TableRow {
  /** 1-based line the record starts on (CSV), or the sheet row number (xlsx). */
  line: number;
  cells: string[];
}

export interface Table {
  headers: string[];
  rows: TableRow[];
}

export type Delimiter = ',' | ';' | '\t';

/**
 * Reads `bytes` as a table. `.xlsx` (by file name, or by the zip signature) goes through exceljs,
 * anything else is decoded text parsed as CSV with the delimiter guessed from the header line.
 * Throws `payload_too_large` over 50 MB and `invalid_input` when the file cannot be read; every
 * limit of FILE_LIMITS (rows, columns, cells, cell size, unpacked size) is checked while reading,
 * and the error names the limit and where it was passed.
 */
export async function readTable(
  bytes: Uint8Array,
  filename: string,
  onRows?: (rowsSoFar: number) => void,
): Promise<Table> {
  if (bytes.byteLength > MAX_TABLE_BYTES) {
    throw new ReboundError(
      'payload_too_large',
      `${filename} is ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB; the limit for an import is 50 MB`,
    );
  }
  if (isXlsx(bytes, filename)) return readXlsx(bytes);
  const utf8 = validUtf8Body(bytes);
  if (utf8) return readCsv(utf8, onRows);
  return readCsv(decodeText(bytes).text, onRows);
}

/**
 * The bytes after a UTF-8 byte-order mark (or all of them) when they are valid UTF-8, else null.
 * csv-parse reads bytes, so valid UTF-8 goes to it as is instead of being decoded to a string
 * here and encoded back to bytes there; anything else is decoded by `decodeText`.
 */
function validUtf8Body(bytes: Uint8Array): Buffer | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return null;
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return null;
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const body = Buffer.from(bytes.buffer, bytes.byteOffset + start, bytes.byteLength - start);
  return isUtf8(body) ? body : null;
}

function isXlsx(bytes: Uint8Array, filename: string): boolean {
  if (/\.xlsx$/i.test(filename)) return true;
  if (/\.(csv|tsv|txt)$/i.test(filename)) return false;
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** Enough leading bytes of UTF-8 to hold the 65,536 characters `detectDelimiter` looks at. */
const DELIMITER_SCAN_BYTES = 65_536 * 3 + 4;

/** The delimiter used most on the first line (outside quotes); ties go to the comma. */
export function detectDelimiter(text: string): Delimiter {
  const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let inQuotes = false;
  for (let i = 0; i < text.length && i < 65_536; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) break;
    else if (!inQuotes && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  let best: Delimiter = ',';
  for (const d of [';', '\t'] as const) if (counts[d] > counts[best]) best = d;
  return best;
}

/** Parses CSV text (or valid UTF-8 bytes); the first non-empty record is the header row. */
export function readCsv(text: string | Buffer, onRows?: (rowsSoFar: number) => void): Table {
  let records: string[][];
  const head = typeof text === 'string' ? text : text.toString('utf8', 0, DELIMITER_SCAN_BYTES);
  const delimiter = detectDelimiter(head);
  checkHeaderWidth(head, delimiter);
  try {
    // Empty lines are kept as records (and skipped below) so each record's line can be counted
    // from the ones before it: csv-parse's own line info costs as much as the parse itself.
    records = parse(text, {
      delimiter,
      bom: true,
      skip_empty_lines: false,
      relax_column_count: true,
      relax_quotes: true,
      // A runaway quote would otherwise gather the rest of the file into one cell.
      max_record_size: FILE_LIMITS.cellChars * 4,
      on_record: (record: string[], context: { records: number; lines: number }) => {
        checkCsvRecord(record, context.records, context.lines);
        if (onRows && context.records % 5_000 === 0) onRows(context.records);
        return record;
      },
    }) as string[][];
  } catch (error) {
    if (error instanceof ReboundError) throw error;
    const message = (error as Error).message;
    if (/max.?record.?size/i.test(message)) {
      const line = /on line (\d+)/.exec(message)?.[1];
      throw limitError(
        'cellChars',
        `a row of the CSV file${line ? ` (from line ${line})` : ''} is longer than ${count(FILE_LIMITS.cellChars * 4)} characters (an unclosed quote?); the limit for one cell is ${count(FILE_LIMITS.cellChars)} characters`,
      );
    }
    throw new ReboundError('invalid_input', `could not read the CSV file: ${message}`);
  }
  let headers: string[] | null = null;
  const rows: TableRow[] = [];
  let line = 1;
  for (const record of records) {
    const start = line;
    line += 1 + newlinesIn(record);
    if (record.every((c) => c.trim() === '')) continue;
    if (headers === null) headers = record.map((h) => h.trim());
    else rows.push({ line: start, cells: record });
  }
  return { headers: headers ?? [], rows };
}

const { count } = describeLimit;

/** Refuses a header line wider than the column limit before csv-parse gathers it into one record. */
function checkHeaderWidth(head: string, delimiter: Delimiter): void {
  let columns = 1;
  let inQuotes = false;
  for (let i = 0; i < head.length; i++) {
    const ch = head[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) {
      if (columns > 1 || head.slice(0, i).trim() !== '') break;
    } else if (!inQuotes && ch === delimiter && ++columns > FILE_LIMITS.columns) {
      const more = head.indexOf('\n', i);
      const line = head.slice(0, more === -1 ? head.length : more);
      const shown = more === -1 && head.length >= DELIMITER_SCAN_BYTES / 3 ? 'more than ' : '';
      const total = line.split(delimiter).length;
      throw limitError(
        'columns',
        `line 1 of the CSV file has ${shown}${count(total)} columns; the limit is ${count(FILE_LIMITS.columns)}`,
      );
    }
  }
}

/** Refuses a CSV record past a limit; `records` counts this one (the header included), `line` is where it ends. */
function checkCsvRecord(record: string[], records: number, line: number): void {
  if (record.length > FILE_LIMITS.columns) {
    throw limitError(
      'columns',
      `line ${line} of the CSV file has ${count(record.length)} columns; the limit is ${count(FILE_LIMITS.columns)}`,
    );
  }
  if (records > FILE_LIMITS.rows + 1) {
    throw limitError(
      'rows',
      `the CSV file has more than ${count(FILE_LIMITS.rows)} rows; the limit is ${count(FILE_LIMITS.rows)} (split it into smaller files)`,
    );
  }
  for (const cell of record) {
    if (cell.length > FILE_LIMITS.cellChars) {
      throw limitError(
        'cellChars',
        `a cell on line ${line} of the CSV file has ${count(cell.length)} characters; the limit is ${count(FILE_LIMITS.cellChars)}`,
      );
    }
  }
}

/** Newlines inside the quoted cells of a record (CRLF counted once): how far before its last line it began. */
function newlinesIn(cells: string[]): number {
  let n = 0;
  for (const cell of cells) {
    if (!cell.includes('\n') && !cell.includes('\r')) continue;
    n += cell.replace(/\r\n/g, '\n').replace(/[^\n\r]/g, '').length;
  }
  return n;
}

async function readXlsx(bytes: Uint8Array): Promise<Table> {
  // Before exceljs builds a cell object for every position, the sheets are unpacked within the
  // size limit and their XML is counted: rows, the furthest column of each row, and cells.
  const parts = unzipWithinLimit(
    bytes,
    (name) => /^xl\/worksheets\/[^/]+\.xml$/.test(name),
    'the .xlsx file',
  );
  for (const [name, xml] of parts ?? []) checkSheetXml(name, xml);
  // exceljs is large: loaded only when an .xlsx file is read, so the CLI starts quickly.
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (error) {
    throw new ReboundError('invalid_input', `could not read the .xlsx file: ${(error as Error).message}`);
  }
  const sheet = workbook.worksheets.find((ws) => ws.actualRowCount > 0) ?? workbook.worksheets[0];
  if (!sheet) return { headers: [], rows: [] };
  let headers: string[] | null = null;
  const rows: TableRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      cells[col - 1] = cellText(cell.value);
    });
    for (let i = 0; i < cells.length; i++) cells[i] ??= '';
    if (cells.every((c) => c.trim() === '')) return;
    if (headers === null) headers = cells.map((c) => c.trim());
    else rows.push({ line: rowNumber, cells });
  });
  return { headers: headers ?? [], rows };
}

const ROW_OR_CELL = /<(?:\w+:)?(row|c)[\s>/]/g;
const CELL_REF = /^[^>]*?\sr="([A-Z]{1,4})(\d+)"/;

/** Column letters to a 1-based number: A → 1, XFD → 16384. */
function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Refuses a sheet whose rows, columns or cells pass the limits, from its XML alone (one pass, no objects). */
function checkSheetXml(name: string, xml: Buffer): void {
  const sheet = name.replace(/^xl\/worksheets\//, '').replace(/\.xml$/, '');
  const text = xml.toString('latin1');
  let rows = 0;
  let cells = 0;
  let inRow = 0;
  let rowFurthest = 0;
  ROW_OR_CELL.lastIndex = 0;
  for (let m = ROW_OR_CELL.exec(text); m !== null; m = ROW_OR_CELL.exec(text)) {
    if (m[1] === 'row') {
      cells += rowFurthest;
      rows++;
      inRow = 0;
      rowFurthest = 0;
      if (rows > FILE_LIMITS.rows + 1) {
        throw limitError(
          'rows',
          `${sheet} of the .xlsx file has more than ${count(FILE_LIMITS.rows)} rows; the limit is ${count(FILE_LIMITS.rows)}`,
        );
      }
      continue;
    }
    inRow++;
    const ref = CELL_REF.exec(text.slice(m.index, m.index + 120));
    const column = ref ? columnNumber(ref[1]!) : inRow;
    if (column > FILE_LIMITS.columns) {
      const where = ref ? ` (cell ${ref[1]}${ref[2]})` : '';
      throw limitError(
        'columns',
        `${sheet} of the .xlsx file has a cell in column ${count(column)}${where}; the limit is ${count(FILE_LIMITS.columns)} columns`,
      );
    }
    inRow = column;
    if (column > rowFurthest) rowFurthest = column;
    if (cells + rowFurthest > FILE_LIMITS.cells) {
      throw limitError(
        'cells',
        `${sheet} of the .xlsx file has more than ${count(FILE_LIMITS.cells)} cells; the limit is ${count(FILE_LIMITS.cells)}`,
      );
    }
  }
}

/** A cell value as the text a person sees; dates become YYYY-MM-DD (times dropped, as exceljs gives UTC). */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    // A link cell's address is the data; its shown text ("posting") is only a label.
    if ('hyperlink' in value && typeof value.hyperlink === 'string') return value.hyperlink;
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}
