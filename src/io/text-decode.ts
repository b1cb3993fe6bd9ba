/**
 * Turns the bytes of an uploaded text file into a string. Trackers and spreadsheet programs save
 * CSV as UTF-8 (with or without a byte-order mark), UTF-16 (Excel's "Unicode text"), or the
 * Windows code page 1252 that older Excel still writes on Western-locale machines.
 */
import { createRequire } from 'node:module';

type Iconv = typeof import('iconv-lite');
let iconvLite: Iconv | undefined;
/**
 * iconv-lite (half a megabyte of code tables) is loaded by the first file that needs it rather
 * than with the server: most files are UTF-8, and `rebound serve` starts faster without it.
 */
const iconv = (): Iconv => {
  iconvLite ??= createRequire(import.meta.url)('iconv-lite') as Iconv;
  return iconvLite;
};

export type TextEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes `bytes`: a byte-order mark decides first (UTF-8, UTF-16 LE/BE); otherwise strict UTF-8,
 * and when the bytes are not valid UTF-8, Windows-1252 (which can decode any byte sequence).
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: strictOrLoose(bytes.subarray(3)), encoding: 'utf-8-bom' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: iconv().decode(Buffer.from(bytes.subarray(2)), 'utf-16le'), encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: iconv().decode(Buffer.from(bytes.subarray(2)), 'utf-16be'), encoding: 'utf-16be' };
  }
  try {
    return { text: strictUtf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: iconv().decode(Buffer.from(bytes), 'windows-1252'), encoding: 'windows-1252' };
  }
}

/** After a UTF-8 BOM the file should be UTF-8; a stray invalid byte becomes U+FFFD rather than failing. */
function strictOrLoose(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}
