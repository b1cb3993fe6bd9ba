import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { farColumnXlsx } from '../../test/bad-files/generate.ts';
import { makeTrackerXlsx, makeTruncatedXlsx } from '../../test/fixtures/imports/make-xlsx.ts';
import { detectDelimiter, MAX_TABLE_BYTES, readTable } from './spreadsheet.ts';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../test/fixtures/imports/${name}`, import.meta.url)));
const read = (name: string) => readTable(fixture(name), name);

describe('readTable (CSV)', () => {
  it('reads a LinkedIn export with a BOM, CRLF and a quoted newline, giving each record its starting line', async () => {
    const table = await read('linkedin-job-applications.csv');
    expect(table.headers[0]).toBe('Application Date');
    expect(table.rows.map((r) => r.line)).toEqual([2, 4, 5]);
    expect(table.rows[0]!.cells[7]).toBe('Years of SQL experience? : 6\r\nWilling to relocate? : No');
    expect(table.rows[2]!.cells[3]).toBe('Contoso, Ltd.');
  });

  it('counts lines across quoted newlines and blank lines', async () => {
    const table = await read('quoted-newlines.csv');
    expect(table.rows.map((r) => [r.line, r.cells[0]])).toEqual([
      [2, 'Wingtip Toys'],
      [5, 'Woodgrove\nBank'],
      [8, 'Humongous Insurance'],
    ]);
    expect(table.rows[2]!.cells[3]).toBe('quote "inside" and, comma');
  });

  it('detects a semicolon delimiter', async () => {
    const table = await read('huntr-semicolon.csv');
    expect(table.headers).toEqual([
      'Employer',
      'Job Title',
      'List',
      'URL',
      'Location',
      'Salary',
      'Date Saved',
      'Notes',
    ]);
    expect(table.rows[2]).toEqual({
      line: 4,
      cells: [
        'Coho Winery',
        'Design Lead',
        'Rejected',
        '',
        'Porto',
        '',
        '14/05/2023',
        'Long process;\nthree rounds',
      ],
    });
  });

  it('detects a tab delimiter', async () => {
    const table = await read('teal-export.tsv');
    expect(table.headers).toContain('company_name');
    expect(table.rows[0]!.cells[1]).toBe('Graphic Design Institute');
  });

  it('reads UTF-16 and Windows-1252 files', async () => {
    expect((await read('template-utf16.txt')).rows[0]!.cells[5]).toBe('São Paulo');
    expect((await read('template-windows-1252.csv')).rows[1]!.cells[0]).toBe('Müller & Söhne');
  });

  it('prefers the comma when the first line has no delimiter at all', () => {
    expect(detectDelimiter('Company\nAcme')).toBe(',');
    expect(detectDelimiter('"a;b",c,d\n')).toBe(',');
    expect(detectDelimiter('a;b;c,d\n')).toBe(';');
  });

  it('refuses a file over 50 MB', async () => {
    const big = new Uint8Array(MAX_TABLE_BYTES + 1);
    await expect(readTable(big, 'huge.csv')).rejects.toMatchObject({ code: 'payload_too_large' });
  });
});

describe('readTable (xlsx)', () => {
  it('reads sheet rows with their row numbers, dates, links, rich text and formula results', async () => {
    const table = await readTable(await makeTrackerXlsx(), 'tracker.xlsx');
    expect(table.headers).toEqual(['Company', 'Job Title', 'Date Applied', 'Status', 'Link', 'Salary']);
    expect(table.rows).toEqual([
      {
        line: 2,
        cells: [
          'Northwind Traders',
          'Data Analyst',
          '2023-07-06',
          'Phone screen',
          'https://boards.greenhouse.io/northwind/jobs/1',
          '95000',
        ],
      },
      { line: 4, cells: ['Fabrikam', 'ML Engineer', '2023-07-10', 'Rejected', '', '120000'] },
    ]);
  });

  it('reads the committed fixture the same way', async () => {
    expect((await read('tracker.xlsx')).rows).toHaveLength(2);
  });

  it('explains a truncated workbook', async () => {
    await expect(readTable(await makeTruncatedXlsx(), 'tracker.xlsx')).rejects.toMatchObject({
      code: 'invalid_input',
      message: expect.stringMatching(/^could not read the \.xlsx file: /),
    });
    await expect(read('tracker-truncated.xlsx')).rejects.toMatchObject({ code: 'invalid_input' });
  });
});

describe('readTable limits', () => {
  it('refuses a sheet with a cell at column XFD from its XML, before building cells, naming the cell', async () => {
    await expect(readTable(farColumnXlsx(100), 'far.xlsx')).rejects.toMatchObject({
      code: 'invalid_input',
      message: 'sheet1 of the .xlsx file has a cell in column 16,384 (cell XFD2); the limit is 500 columns',
      details: [{ path: 'file', message: 'limit: columns' }],
    });
  });

  it('reads 500 columns and refuses 501, naming the line', async () => {
    const row = (n: number) => Array.from({ length: n }, (_, i) => `c${i}`).join(',');
    expect((await readTable(Buffer.from(`${row(500)}\n${row(500)}\n`), 'wide.csv')).headers).toHaveLength(
      500,
    );
    await expect(readTable(Buffer.from(`Company,Role\n${row(501)}\n`), 'wide.csv')).rejects.toMatchObject({
      message: 'line 2 of the CSV file has 501 columns; the limit is 500',
    });
  });
});
