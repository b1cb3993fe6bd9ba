/**
 * A fingerprint of the skill extractor's output, for changes that must not change it (speed work,
 * moving rules between files): a sha256 over JSON.stringify of what extractSkills, extractJobSkills
 * and readResumeSkills give on
 *   (a) the skills bench's generated job text at a few sizes and seeds,
 *   (b) every posting of the sets `npm run eval:skills -- --tuning` scores (dev, dev2, dev3, dev4,
 *       dev6, dev8, dev9, dev10, dev11, dev12, the Green et al. sentences and the short tech
 *       snippets; never the unseen sets), one by one and all as one long text, also through the
 *       lenient matcher the eval scores Green with,
 *   (c) the string literals of the skills unit tests (src/core/skills/*.test.ts).
 * Prints one line per group and the total; run it before and after a change and compare.
 *
 *   npx tsx scripts/skills-output-hash.ts
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateJobText } from '../bench/skills-bench.ts';
import { extractSkills } from '../src/core/skills/extract.ts';
import { buildMatcher, type SkillMatcher } from '../src/core/skills/matcher.ts';
import { readResumeSkills } from '../src/core/skills/resume-profile.ts';
import { extractJobSkills } from '../src/core/skills/sections.ts';
import type { Vocabulary } from '../src/core/skills/vocabulary.ts';
import { readPostings } from './skills-eval-postings.ts';

const here = dirname(fileURLToPath(import.meta.url));
const fixtures = join(here, '../test/fixtures/skills-eval');
const vocabulary = JSON.parse(
  readFileSync(join(here, '../data/skills/vocabulary.json'), 'utf8'),
) as Vocabulary;
const matcher = buildMatcher(vocabulary);
// As eval-skills.ts builds it for the Green sentences: no case or context rules.
const lenient = buildMatcher({
  version: vocabulary.version,
  skills: vocabulary.skills.map((s) => ({ name: s.name, category: s.category, aliases: s.aliases })),
});

/** Everything the extractor gives for one text (or the error it refuses the text with). */
function outputs(m: SkillMatcher, text: string): unknown {
  try {
    const found = extractSkills(m, text);
    return { found, job: extractJobSkills(m, text), resume: readResumeSkills(text, found.skills) };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

function hashOf(m: SkillMatcher, texts: string[]): string {
  const h = createHash('sha256');
  for (const t of texts) h.update(`${JSON.stringify(outputs(m, t))}\n`);
  return h.digest('hex');
}

// (a) The bench's text.
const bench = [
  ...[1, 2, 3].map((seed) => generateJobText(vocabulary, 64 * 1024, seed)),
  generateJobText(vocabulary, 1024 * 1024, 11),
  generateJobText(vocabulary, 4 * 1024 * 1024, 7),
];

// (b) The tuning sets only (the files `--tuning` reads).
const TUNING = ['dev', 'dev2', 'dev3', 'dev4', 'dev6', 'dev8', 'dev9', 'dev10', 'dev11', 'dev12'];
const postings = TUNING.flatMap((f) => readPostings(fixtures, `${f}.txt`).map((p) => p.text));
/** The Green sentences, joined from their tokens as eval-skills.ts joins them. */
const green: string[] = [];
for (const block of readFileSync(join(fixtures, 'green2022-testset.conll'), 'utf8').split(/\n\s*\n/)) {
  let text = '';
  for (const l of block
    .split('\n')
    .map((x) => x.trim())
    .filter(Boolean)) {
    const token = l.slice(0, l.lastIndexOf(' '));
    text += text === '' || /^[.,;:!?)]$/.test(token) || text.endsWith('(') ? '' : ' ';
    text += token;
  }
  if (text !== '') green.push(text);
}
const snippets = (
  JSON.parse(readFileSync(join(here, '../test/fixtures/skills-eval.json'), 'utf8')) as { text: string }[]
).map((s) => s.text);

// (c) Every string literal (and template without substitutions) in the skills unit tests, found by
// a small scanner that skips comments (a regular expression with a quote in it would read oddly,
// but the same way every run, which is all a fingerprint needs).
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', 0: '\0' };
function literalsOf(source: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    if (c === '/' && source[i + 1] === '/')
      i = source.indexOf('\n', i) === -1 ? source.length : source.indexOf('\n', i);
    else if (c === '/' && source[i + 1] === '*') i = source.indexOf('*/', i + 2) + 2;
    else if (c === "'" || c === '"' || c === '`') {
      let text = '';
      let substituted = false;
      let j = i + 1;
      for (; j < source.length && source[j] !== c; j++) {
        const d = source[j]!;
        if (d === '\\') {
          const e = source[++j]!;
          if (e === 'u' && source[j + 1] === '{') {
            const close = source.indexOf('}', j);
            text += String.fromCodePoint(Number.parseInt(source.slice(j + 2, close), 16));
            j = close;
          } else if (e === 'u' || e === 'x') {
            const n = e === 'u' ? 4 : 2;
            text += String.fromCharCode(Number.parseInt(source.slice(j + 1, j + 1 + n), 16));
            j += n;
          } else if (e !== '\n') text += ESCAPES[e] ?? e;
        } else {
          if (c === '`' && d === '$' && source[j + 1] === '{') substituted = true;
          text += d;
        }
      }
      if (!substituted) out.push(text);
      i = j + 1;
    } else i++;
  }
  return out;
}
const testDir = join(here, '../src/core/skills');
const literals = readdirSync(testDir)
  .filter((f) => f.endsWith('.test.ts'))
  .sort()
  .flatMap((f) => literalsOf(readFileSync(join(testDir, f), 'utf8')));

const groups: [string, string][] = [
  [
    `bench text (${bench.length} texts, ${bench.reduce((n, t) => n + t.length, 0)} chars)`,
    hashOf(matcher, bench),
  ],
  [`tuning postings (${postings.length})`, hashOf(matcher, postings)],
  // One long text of real postings: what reads across hits (the employer's name, other hits in the
  // sentence, a place named before) runs here over thousands of hits, not a posting's few dozen.
  [`tuning postings as one text`, hashOf(matcher, [postings.join('\n\n')])],
  [`Green sentences (${green.length})`, hashOf(matcher, green)],
  [`Green sentences, lenient matcher`, hashOf(lenient, green)],
  [`tuning postings, lenient matcher`, hashOf(lenient, postings)],
  [`short tech snippets (${snippets.length})`, hashOf(matcher, snippets)],
  [`unit-test strings (${literals.length})`, hashOf(matcher, literals)],
];
for (const [name, hash] of groups) console.log(`${hash.slice(0, 16)}  ${name}`);
const total = createHash('sha256');
for (const [, hash] of groups) total.update(hash);
console.log(`${total.digest('hex')}  all`);
