/**
 * Rebound's own labelled postings (test/fixtures/skills-eval/GUIDE.md): reading the
 * `=== id | field`, text, `@ name | category | R/N | surface; surface` format, and where each
 * labelled surface stands in the text (the gold mentions).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface GoldSkill {
  name: string;
  category: string;
  required: boolean;
  surfaces: string[];
}
export interface Posting {
  id: string;
  field: string;
  text: string;
  skills: GoldSkill[];
}

/** Reads `file` in the folder `dir`: the `=== id | field`, text, `@ name | category | R/N | surface; surface` format. */
export function readPostings(dir: string, file: string): Posting[] {
  const out: Posting[] = [];
  const lines = readFileSync(join(dir, file), 'utf8').split('\n');
  let current: (Posting & { body: string[] }) | undefined;
  const finish = () => {
    if (current) out.push({ ...current, text: current.body.join('\n').trim() });
  };
  lines.forEach((raw, i) => {
    if (raw.startsWith('=== ')) {
      finish();
      const [id, field] = raw
        .slice(4)
        .split('|')
        .map((s) => s.trim());
      current = { id: id!, field: field ?? 'other', text: '', skills: [], body: [] };
    } else if (raw.startsWith('@ ')) {
      const parts = raw
        .slice(2)
        .split('|')
        .map((s) => s.trim());
      if (!current || parts.length !== 4 || !/^[RN]$/.test(parts[2]!))
        throw new Error(`${file}:${i + 1}: expected "@ name | category | R or N | surfaces"`);
      current.skills.push({
        name: parts[0]!,
        category: parts[1]!,
        required: parts[2] === 'R',
        surfaces: parts[3]!
          .split(';')
          .map((s) => s.trim())
          .filter(Boolean),
      });
    } else if (current && current.skills.length === 0) current.body.push(raw);
  });
  finish();
  return out;
}

const isWordChar = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

/** Every whole-word, exact-case occurrence of a surface in the text. */
export function occurrences(text: string, surface: string): [number, number][] {
  const spans: [number, number][] = [];
  let from = 0;
  for (;;) {
    const at = text.indexOf(surface, from);
    if (at === -1) break;
    const end = at + surface.length;
    if (!isWordChar(text[at - 1]) && !isWordChar(text[end])) spans.push([at, end]);
    from = at + 1;
  }
  return spans;
}
