import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { ReboundError } from '../core/errors.ts';
import { SKILL_LIMITS } from '../core/skills/input.ts';
import { readTextFile } from '../services/skills/extract.ts';

async function readStdin(): Promise<Uint8Array> {
  if (process.stdin.isTTY) {
    throw new ReboundError(
      'invalid_input',
      'give a file to read, or pipe text in and use - for standard input',
      [{ path: 'file', message: 'required' }],
    );
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    const b = chunk as Buffer;
    size += b.length;
    // Stop early rather than hold an endless stream in memory; the reader names the limit.
    if (size > SKILL_LIMITS.fileBytes + 1) break;
    chunks.push(b);
  }
  return Buffer.concat(chunks);
}

/** Reads FILE (.txt/.md/.pdf/.docx or plain text) or standard input (`-` or no FILE) into text. */
export async function readInput(file: string | undefined): Promise<{ text: string; name: string | null }> {
  if (file === undefined || file === '-')
    return { text: await readTextFile(await readStdin(), 'standard input'), name: null };
  let bytes: Buffer;
  try {
    if (statSync(file).size > SKILL_LIMITS.fileBytes) {
      throw new ReboundError('invalid_input', `"${basename(file)}" is too large: at most 8 MB`, [
        { path: 'file', message: 'too large' },
      ]);
    }
    bytes = readFileSync(file);
  } catch (error) {
    if (error instanceof ReboundError) throw error;
    throw new ReboundError(
      'invalid_input',
      `cannot read ${file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`,
      [{ path: 'file', message: 'cannot read file' }],
    );
  }
  return { text: await readTextFile(bytes, basename(file)), name: basename(file) };
}
