/**
 * Evaluates skill extraction, printing precision, recall and F1 at the level of "which skills does
 * this document mention".
 *
 * 1. Green, Maynard & Lin (LREC 2022) test set: 336 UK job-ad sentences with gold BIO tags.
 *    Protocol: a sentence's gold skills are the vocabulary skills named inside its gold Skill
 *    spans, found by a lenient pass (every surface matched in any case, no context rules) over
 *    the span text alone. A predicted skill (our extractor on the whole sentence) is correct when
 *    one of its spans lies inside a gold Skill span; gold spans that name no vocabulary skill
 *    ("managing the kitchen") are outside what a vocabulary matcher can find and are not counted.
 *    The set is mostly non-tech phrases, so it mainly tests precision on ordinary prose.
 * 2. test/fixtures/skills-eval.json: hand-labelled tech job-ad snippets with the skills expected.
 *
 *   npx tsx scripts/eval-skills.ts [path/to/green2022-testset.conll]
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractSkills } from '../src/core/skills/extract.ts';
import { buildMatcher } from '../src/core/skills/matcher.ts';
import type { Vocabulary } from '../src/core/skills/vocabulary.ts';

const here = dirname(fileURLToPath(import.meta.url));
const conllPath = resolve(process.argv[2] ?? join(here, '../test/fixtures/skills/green2022-testset.conll'));
const vocabulary = JSON.parse(
  readFileSync(join(here, '../data/skills/vocabulary.json'), 'utf8'),
) as Vocabulary;
const matcher = buildMatcher(vocabulary);
const lenient = buildMatcher({
  version: vocabulary.version,
  skills: vocabulary.skills.map((s) => ({ name: s.name, category: s.category, aliases: s.aliases })),
});
// Lenient means no case or context rules, but one- and two-letter surfaces still keep their case.

interface Counts {
  tp: number;
  fp: number;
  fn: number;
}
const report = (label: string, c: Counts, docs: number) => {
  const p = c.tp / (c.tp + c.fp || 1);
  const r = c.tp / (c.tp + c.fn || 1);
  const f = p + r === 0 ? 0 : (2 * p * r) / (p + r);
  console.log(`${label}`);
  console.log(
    `  documents ${docs}, true positives ${c.tp}, false positives ${c.fp}, false negatives ${c.fn}`,
  );
  console.log(
    `  precision ${(100 * p).toFixed(1)}%  recall ${(100 * r).toFixed(1)}%  F1 ${(100 * f).toFixed(1)}%`,
  );
};

/** Joins CoNLL tokens into text, remembering each gold Skill span's character range. */
function readConll(path: string): { text: string; spans: [number, number][] }[] {
  const out: { text: string; spans: [number, number][] }[] = [];
  for (const block of readFileSync(path, 'utf8').split(/\n\s*\n/)) {
    const rows = block
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .map((l) => {
        const cut = l.lastIndexOf(' ');
        return { token: l.slice(0, cut), tag: l.slice(cut + 1) };
      });
    if (rows.length === 0) continue;
    let text = '';
    const spans: [number, number][] = [];
    for (const { token, tag } of rows) {
      const glue = text === '' || /^[.,;:!?)]$/.test(token) || text.endsWith('(') ? '' : ' ';
      text += glue;
      const start = text.length;
      text += token;
      if (tag === 'B-Skill') spans.push([start, text.length]);
      else if (tag === 'I-Skill' && spans.length > 0) spans.at(-1)![1] = text.length;
    }
    out.push({ text, spans });
  }
  return out;
}

const green = readConll(conllPath);
const g: Counts = { tp: 0, fp: 0, fn: 0 };
const examples: string[] = [];
for (const { text, spans } of green) {
  const gold = new Set<string>();
  for (const [a, b] of spans)
    for (const s of extractSkills(lenient, text.slice(a, b)).skills) gold.add(s.name);
  const predicted = extractSkills(matcher, text).skills;
  const found = new Set<string>();
  for (const s of predicted) {
    const inside = s.spans.some(([a, b]) => spans.some(([ga, gb]) => a >= ga && b <= gb));
    if (inside) {
      g.tp++;
      found.add(s.name);
    } else {
      g.fp++;
      if (examples.length < 8)
        examples.push(`  FP ${s.name} ← "${s.matched.join('", "')}" in: ${text.slice(0, 90)}`);
    }
  }
  for (const name of gold) if (!found.has(name)) g.fn++;
}
report(`Green et al. 2022 test set (${green.length} sentences)`, g, green.length);
for (const e of examples) console.log(e);

const handPath = join(here, '../test/fixtures/skills-eval.json');
const hand = JSON.parse(readFileSync(handPath, 'utf8')) as { text: string; skills: string[] }[];
const h: Counts = { tp: 0, fp: 0, fn: 0 };
const misses: string[] = [];
for (const { text, skills } of hand) {
  const predicted = new Set(extractSkills(matcher, text).skills.map((s) => s.name));
  const expected = new Set(skills);
  for (const p of predicted) {
    if (expected.has(p)) h.tp++;
    else {
      h.fp++;
      misses.push(`  FP ${p} in: ${text.slice(0, 70)}`);
    }
  }
  for (const e of expected) {
    if (!predicted.has(e)) {
      h.fn++;
      misses.push(`  FN ${e} in: ${text.slice(0, 70)}`);
    }
  }
}
console.log('');
report(`Hand-labelled tech snippets (${hand.length})`, h, hand.length);
for (const m of misses) console.log(m);
