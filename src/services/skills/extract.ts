import { ReboundError } from '../../core/errors.ts';
import { SKILL_LIMITS } from '../../core/skills/input.ts';
import { extractJobSkills, type WeightedJobSkill } from '../../core/skills/sections.ts';
import { RESUME_EXTENSIONS, readResumeText } from '../../io/resume-text.ts';
import { decodeText } from '../../io/text-decode.ts';
import type { ServiceContext } from '../context.ts';
import { workspaceMatcher } from './matcher.ts';

function refuse(message: string, path: string, detail: string): never {
  throw new ReboundError('invalid_input', message, [{ path, message: detail }]);
}

/** Refuses text longer than one extraction reads, saying how long it is. */
export function assertTextSize(text: string, path = 'text'): void {
  if (text.length > SKILL_LIMITS.text) {
    refuse(
      `${path} is too long (${text.length.toLocaleString('en')} characters): at most ${SKILL_LIMITS.text.toLocaleString('en')}; paste the part that matters`,
      path,
      'too long',
    );
  }
}

/**
 * Reads the text of a file a person hands over (a resume or a job description): .pdf, .docx,
 * .md and .txt through the resume reader, anything else (or standard input) as plain text.
 * Too large, empty, binary and unreadable files are refused with a message saying what to do.
 */
export async function readTextFile(bytes: Uint8Array, name: string): Promise<string> {
  if (bytes.length > SKILL_LIMITS.fileBytes) {
    refuse(
      `"${name}" is too large (${(bytes.length / 1024 / 1024).toFixed(1)} MB): at most 8 MB`,
      'file',
      'too large',
    );
  }
  const dot = name.lastIndexOf('.');
  const ext = dot === -1 ? '' : name.slice(dot).toLowerCase();
  let text: string;
  if ((RESUME_EXTENSIONS as readonly string[]).includes(ext)) text = await readResumeText(bytes, name);
  else {
    if (bytes.length === 0) refuse(`"${name}" is empty`, 'file', 'empty file');
    text = decodeText(bytes).text;
    if (text.trim() === '') refuse(`"${name}" has no text in it`, 'file', 'empty file');
  }
  assertTextSize(text);
  return text;
}

/**
 * The skills a job text names, each with its spans, the sentence it came from and whether it is
 * required, using the workspace's own skills too.
 */
export async function extractFromText(
  ctx: ServiceContext,
  text: string,
): Promise<{ skills: WeightedJobSkill[] }> {
  assertTextSize(text);
  const { matcher } = await workspaceMatcher(ctx);
  return { skills: extractJobSkills(matcher, text) };
}
