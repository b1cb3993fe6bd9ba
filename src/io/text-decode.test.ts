import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from './text-decode.ts';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../test/fixtures/imports/${name}`, import.meta.url)));

describe('decodeText', () => {
  it('reads plain UTF-8', () => {
    expect(decodeText(new TextEncoder().encode('Zürich,€'))).toEqual({ text: 'Zürich,€', encoding: 'utf-8' });
  });

  it('drops a UTF-8 byte-order mark', () => {
    const { text, encoding } = decodeText(fixture('linkedin-job-applications.csv'));
    expect(encoding).toBe('utf-8-bom');
    expect(text.startsWith('Application Date,')).toBe(true);
  });

  it('reads UTF-16 LE with a BOM (Excel "Unicode text")', () => {
    const { text, encoding } = decodeText(fixture('template-utf16.txt'));
    expect(encoding).toBe('utf-16le');
    expect(text).toContain('São Paulo');
    expect(text.startsWith('Company\t')).toBe(true);
  });

  it('reads UTF-16 BE with a BOM', () => {
    const { text, encoding } = decodeText(fixture('template-utf16be.csv'));
    expect(encoding).toBe('utf-16be');
    expect(text).toContain('Fourth Coffee');
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8', () => {
    const { text, encoding } = decodeText(fixture('template-windows-1252.csv'));
    expect(encoding).toBe('windows-1252');
    expect(text).toContain('Société Générale');
    expect(text).toContain('Analyste – données');
    expect(text).toContain('€48k–52k');
    expect(text).toContain('“Great team”');
  });

  it('keeps valid UTF-8 that happens to look like Latin-1 text', () => {
    const bytes = iconv.encode('Müller', 'utf-8');
    expect(decodeText(new Uint8Array(bytes)).text).toBe('Müller');
  });
});
