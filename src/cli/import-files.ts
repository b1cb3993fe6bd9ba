import { readFileSync, statSync } from 'node:fs';
import { ReboundError } from '../core/errors.ts';
import type { ImportProgress } from '../services/imports/spreadsheet-import.ts';

/**
 * A progress line on stderr while a long import reads, checks and writes: redrawn in place on a
 * terminal ("Writing 3,000 of 10,000 rows…"), and on a pipe only the writing steps of big files,
 * one per line. Cleared when the import ends.
 */
export function progressLine(noun = 'rows'): ((p: ImportProgress) => void) & { end(): void } {
  const tty = process.stderr.isTTY === true;
  let shown = false;
  const n = (x: number) => x.toLocaleString('en-US');
  const update = (p: ImportProgress) => {
    const verb = p.phase === 'writing' ? 'Writing' : p.phase === 'checking' ? 'Checking' : 'Reading';
    const of =
      p.total === null
        ? ''
        : p.done > 0
          ? ` ${n(p.done)} of ${n(p.total)} ${noun}`
          : ` ${n(p.total)} ${noun}`;
    const text = `${verb}${of || ' the file'}…`;
    if (tty) {
      process.stderr.write(`\r\x1b[2K${text}`);
      shown = true;
    } else if (p.phase === 'writing' && (p.total ?? 0) > 1_000) process.stderr.write(`  ${text}\n`);
  };
  return Object.assign(update, {
    end: () => {
      if (shown) process.stderr.write('\r\x1b[2K');
      shown = false;
    },
  });
}

/** Refuses a file over `max` bytes from its size on disk, before reading any of it. */
export function readFileWithin(file: string, max: number, flag = 'file'): Buffer {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (error) {
    throw new ReboundError(
      'invalid_input',
      `cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      [{ path: flag, message: 'cannot read file' }],
    );
  }
  if (size > max) {
    throw new ReboundError(
      'payload_too_large',
      `${file} is ${(size / 1024 / 1024).toFixed(1)} MB; the limit for this import is ${max / 1024 / 1024} MB. Split it into smaller files.`,
    );
  }
  return readFileSync(file);
}

/** `readFileWithin`'s refusal, from the size on disk only: a file that cannot be read is left to the command. */
export function refuseOversizedFile(file: string, max: number): void {
  try {
    if (statSync(file).size <= max) return;
  } catch {
    return;
  }
  readFileWithin(file, max);
}
