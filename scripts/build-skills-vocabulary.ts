/**
 * Builds data/skills/vocabulary.json from the source files in data/skills/sources:
 * the hand alias seed first (it wins every collision), then hand-curated extras, methods and soft
 * skills (the lists in data/skills/curated.json), then O*NET 29.2 technology names (most-listed first), cleaned of vendor noise and of
 * generic product categories. Deterministic: same inputs, same bytes.
 *
 *   npx tsx scripts/build-skills-vocabulary.ts [folder with the same source files]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import ISO6391 from 'iso-639-1';

const here = dirname(fileURLToPath(import.meta.url));
// The repository's own copy of the source files (see data/skills/sources/README.md); another folder
// with the same file names may be given as the first argument.
const sourceDir = resolve(process.argv[2] ?? join(here, '../data/skills/sources'));
for (const file of ['alias-seed.json', 'onet-29.2-technology-skills-summary.csv']) {
  if (!existsSync(join(sourceDir, file))) {
    console.error(
      `build-skills-vocabulary: ${join(sourceDir, file)} is missing.\n` +
        'Run it with no argument to use data/skills/sources, or give a folder that holds ' +
        'alias-seed.json and onet-29.2-technology-skills-summary.csv.',
    );
    process.exit(1);
  }
}
const outFile = join(here, '../data/skills/vocabulary.json');
const curatedFile = join(here, '../data/skills/curated.json');

// ---- Hand curation lives in data/skills/curated.json; each list there says why it exists. ----

interface SeedPatch {
  dropAliases?: string[];
  addAliases?: string[];
  category?: string;
}
/** One curated list and the reason it exists. */
interface Curated<T> {
  why: string;
  entries: T;
}
const curated = JSON.parse(readFileSync(curatedFile, 'utf8')) as {
  seedPatches: Curated<Record<string, SeedPatch>>;
  /** Hand-added skills by category, each `name|alias|alias`. */
  extraSkills: Curated<Record<string, string[]>>;
  /** Phrase-level skills of every field, same form as extraSkills. */
  phrases: Curated<Record<string, string[]>>;
  languages: Curated<string[]>;
  overrides: Curated<Record<string, string | null>>;
  drop: Curated<string[]>;
  lowCountKeep: Curated<string[]>;
  stripVendors: Curated<string[]>;
  brands: Curated<string[]>;
  ambiguous: Curated<string[]>;
  lowercaseOk: Curated<string[]>;
  commonWords: Curated<string[]>;
  productVendors: Curated<string[]>;
  categoryMerge: Curated<Record<string, string>>;
  anyCase: Curated<string[]>;
  degreeContext: Curated<string[]>;
  fieldContext: Curated<string[]>;
  recategorise: Curated<Record<string, string>>;
  spokenExtra: Curated<{ add: string[]; drop: string[] }>;
  caseVariants: Curated<Record<string, string[]>>;
  /** Skills of fields outside tech, by field and then category, same form as extraSkills. */
  coverage?: Curated<Record<string, Record<string, string[]>>>;
  /** Surfaces of the coverage lists that count only as written. */
  coverageCaseOnly?: Curated<string[]>;
  /** More surfaces of O*NET names (the name as O*NET gives it → the aliases postings also use). */
  onetAliases?: Curated<Record<string, string[]>>;
  displayNames?: Curated<Record<string, string>>;
};
const SEED_PATCHES = curated.seedPatches.entries;
const EXTRA_SKILLS = curated.extraSkills.entries;
const LANGUAGES = new Set(curated.languages.entries);
const OVERRIDES = curated.overrides.entries;
const DROP = new Set(curated.drop.entries);
const LOW_COUNT_KEEP = new Set(curated.lowCountKeep.entries);
const STRIP_VENDORS = curated.stripVendors.entries;
const BRANDS = new Set(curated.brands.entries);
const AMBIGUOUS = new Set(curated.ambiguous.entries);
const LOWERCASE_OK = new Set(curated.lowercaseOk.entries);
const COMMON_WORDS = new Set(curated.commonWords.entries);
const PRODUCT_VENDORS = curated.productVendors.entries;
const CATEGORY_MERGE = curated.categoryMerge.entries;
const DEGREE_CONTEXT = new Set(curated.degreeContext.entries);
const FIELD_CONTEXT = new Set(curated.fieldContext.entries);
const RECATEGORISE = curated.recategorise.entries;
const SPOKEN_EXTRA = curated.spokenExtra.entries;
const CASE_VARIANTS = curated.caseVariants.entries;
const COVERAGE_CASE_ONLY = new Set(curated.coverageCaseOnly?.entries ?? []);
/** Hand-added kinds whose lower-case words match in any case ("testing", "retail", "computer science"). */
const ANY_CASE_CATEGORIES = new Set(['practice', 'domain', 'qualification', 'spoken', 'soft']);

/** Where each entry comes from, and under which licence. */
const LICENCES: Record<Draft['source'], string> = {
  seed: 'project seed (MIT)',
  hand: 'Rebound contributors (MIT)',
  onet: 'O*NET 29.2 Technology Skills, USDOL/ETA (CC BY 4.0), modified',
  'iso-639-1': 'language names from the iso-639-1 npm package (MIT)',
};

/** O*NET product kinds → the categories Rebound groups skills by. */
function categoryForCommodity(title: string): string {
  const t = title.toLowerCase();
  if (/data ?base|query|object oriented data base/.test(t)) return 'database';
  if (/operating system/.test(t)) return 'os';
  if (/web platform development|graphical user interface development/.test(t)) return 'framework';
  if (
    /development environment|object or component oriented|program testing|configuration management|file versioning|compiler/.test(
      t,
    )
  )
    return 'tool';
  if (
    /application server|cloud-based management|clustering|storage networking|enterprise application integration|network monitoring|transaction server|portal server|access software|enterprise system management|communications server/.test(
      t,
    )
  )
    return 'platform';
  if (/analytical or scientific|business intelligence|data mining/.test(t)) return 'analytics';
  if (
    /office suite|spreadsheet|word processing|presentation|electronic mail|calendar|conferencing|instant messaging|desktop communications|cloud-based data access|content workflow/.test(
      t,
    )
  )
    return 'office';
  if (
    /computer aided design|computer aided manufacturing|graphics|video|music|desktop publishing|web page creation|photo/.test(
      t,
    )
  )
    return 'design';
  if (
    /enterprise resource|accounting|financial|human resources|customer relationship|sales and marketing|project management|inventory|materials requirements|time accounting|tax|point of sale|process mapping|compliance/.test(
      t,
    )
  )
    return 'business';
  if (/medical/.test(t)) return 'healthcare';
  if (/industrial control|facilities/.test(t)) return 'industrial';
  if (/geographic|map creation|route navigation|location based/.test(t)) return 'gis';
  if (/training|educational/.test(t)) return 'education';
  if (/security|virus|vpn|encryption|authentication/.test(t)) return 'security';
  return 'tool';
}

interface Draft {
  name: string;
  category: string;
  aliases: string[];
  rules: Record<string, 'word' | 'case' | 'context' | 'tech'>;
  source: 'seed' | 'hand' | 'onet' | 'iso-639-1';
  /** Counted only in a sentence about a degree ("a degree in finance", not "the finance team"), or
   * (`field`) as a single word only beside a word that makes it a field ("the energy sector"). */
  when?: 'degree' | 'field';
  onetCount?: number;
}

const key = (s: string) =>
  s
    .toLowerCase()
    .replace(/[\s\-_/]+/g, ' ')
    .trim();

const skills: Draft[] = [];
const byKey = new Map<string, Draft>();

/** Adds a surface form to a skill unless another skill already owns it. */
function addSurface(skill: Draft, surface: string): void {
  const k = key(surface);
  if (!k) return;
  const owner = byKey.get(k);
  if (owner && owner !== skill) return;
  if (!owner) byKey.set(k, skill);
  if (surface !== skill.name && !skill.aliases.includes(surface) && key(skill.name) !== k) {
    skill.aliases.push(surface);
  }
}

function addSkill(d: Omit<Draft, 'rules'> & { rules?: Draft['rules'] }): Draft | undefined {
  const existing = byKey.get(key(d.name));
  if (existing) {
    for (const a of d.aliases) addSurface(existing, a);
    if (d.onetCount && !existing.onetCount) existing.onetCount = d.onetCount;
    return existing;
  }
  const skill: Draft = { ...d, aliases: [], rules: { ...(d.rules ?? {}) } };
  skills.push(skill);
  byKey.set(key(d.name), skill);
  for (const a of d.aliases) addSurface(skill, a);
  return skill;
}

// 1. The hand seed, patched where a finer grain serves gap analysis better.
const seed = JSON.parse(readFileSync(join(sourceDir, 'alias-seed.json'), 'utf8')) as {
  skills: { name: string; aliases: string[]; category: string; match?: Record<string, string> }[];
};
for (const s of seed.skills) {
  const patch = SEED_PATCHES[s.name];
  const drop = new Set(patch?.dropAliases ?? []);
  const rules: Draft['rules'] = {};
  for (const [surface, m] of Object.entries(s.match ?? {})) if (m === 'exact-case') rules[surface] = 'case';
  addSkill({
    name: s.name,
    category: patch?.category ?? s.category,
    aliases: [...s.aliases.filter((a) => !drop.has(a)), ...(patch?.addAliases ?? [])],
    rules,
    source: 'seed',
  });
}

// 2. Hand extras: modern tools O*NET lists rarely, methods and soft skills; then phrase-level skills
// of every field (care, trades, retail, admin, finance, public sector).
for (const [category, entries] of [
  ...Object.entries(EXTRA_SKILLS),
  ...Object.entries(curated.phrases.entries),
]) {
  for (const entry of entries) {
    const [name, ...aliases] = entry.split('|');
    addSkill({ name: name!, category, aliases, source: 'hand' });
  }
}

// 2a. Skills of fields outside tech (health, trades, logistics, engineering, finance and legal,
// education, public sector, hospitality and retail, marketing, science, agriculture).
for (const byCategory of Object.values(curated.coverage?.entries ?? {})) {
  for (const [category, entries] of Object.entries(byCategory)) {
    for (const entry of entries) {
      const [name, ...aliases] = entry.split('|');
      addSkill({ name: name!, category, aliases, source: 'hand' });
    }
  }
}

// 2b. Spoken and signed languages: ISO 639-1 English names ("Chichewa, Chewa" → two forms), then
// forms people write that the standard names differently. They match only in a language context.
const spokenDrop = new Set(SPOKEN_EXTRA.drop);
for (const raw of (ISO6391 as unknown as { getAllNames(): string[] }).getAllNames()) {
  const forms = raw
    .split(/[,;]/)
    .map((f) => f.trim())
    .filter((f) => f && !spokenDrop.has(f));
  if (forms.length === 0) continue;
  addSkill({ name: forms[0]!, category: 'spoken', aliases: forms.slice(1), source: 'iso-639-1' });
}
for (const entry of SPOKEN_EXTRA.add) {
  const [name, ...aliases] = entry.split('|');
  addSkill({ name: name!, category: 'spoken', aliases, source: 'hand' });
}

// 3. O*NET names, most-listed first so common tools win alias collisions.
const rows = parse(readFileSync(join(sourceDir, 'onet-29.2-technology-skills-summary.csv')), {
  columns: true,
  skip_empty_lines: true,
}) as { example: string; commodity_title: string; occupation_count: string; hot_technology: string }[];
rows.sort(
  (a, b) => Number(b.occupation_count) - Number(a.occupation_count) || a.example.localeCompare(b.example),
);

const ACRONYM = /^[A-Z][A-Za-z0-9+#.\-/]*$/;
const isAcronym = (w: string) => ACRONYM.test(w) && (w.match(/[A-Z]/g)?.length ?? 0) >= 2 && w.length <= 8;
/** True when the acronym's capitals follow the capitals that start (or sit inside) the words before it. */
function spellsInitials(acronym: string, words: string[]): boolean {
  const initials = words.map((w) => w[0]!.toUpperCase() + w.slice(1).replace(/[^A-Z]/g, '')).join('');
  let i = 0;
  for (const ch of acronym.replace(/[^A-Z]/g, '')) {
    i = initials.indexOf(ch, i);
    if (i < 0) return false;
    i++;
  }
  return true;
}
const isSentenceCase = (words: string[]) => words.slice(1).every((w) => w === w.toLowerCase());

function cleanOnet(raw: string): { name: string; aliases: string[] } | undefined {
  if (DROP.has(raw)) return undefined;
  if (raw in OVERRIDES) {
    const o = OVERRIDES[raw];
    return o ? { name: o, aliases: [] } : undefined;
  }
  let name = raw.replace(/\s+/g, ' ').trim();
  const aliases: string[] = [];
  const hadSuffix = / (software|systems?|sites|tools)$/.test(name);
  name = name.replace(/ (software|sites|tools)$/, '').trim();
  let words = name.split(' ');
  if (hadSuffix && words.length === 1) {
    const w = words[0]!;
    const branded = BRANDS.has(w) || /[A-Z].*[A-Z]/.test(w) || /\d/.test(w);
    if (!branded) return undefined;
  }
  const last = words.at(-1)!;
  if (words.length >= 3 && isAcronym(last) && spellsInitials(last, words.slice(0, -1))) {
    const description = words.slice(0, -1);
    if (isSentenceCase(description)) {
      name = last;
      aliases.push(description.join(' '));
    } else {
      name = description.join(' ');
      aliases.push(last);
    }
    words = name.split(' ');
  } else if (words.length >= 2 && isSentenceCase(words) && !words.some(isAcronym)) {
    return undefined; // "Word processing", "Inventory tracking": a kind of product, not a skill
  }
  for (const vendor of STRIP_VENDORS) {
    if (
      name.startsWith(`${vendor} `) &&
      /^[A-Za-z]/.test(name.slice(vendor.length + 1)) &&
      name.length > vendor.length + 4
    ) {
      aliases.push(name);
      name = name.slice(vendor.length + 1);
      break;
    }
  }
  for (const vendor of PRODUCT_VENDORS) {
    if (name.startsWith(`${vendor} `)) {
      const rest = name.slice(vendor.length + 1);
      if (rest.length >= 3 && !COMMON_WORDS.has(rest.toLowerCase())) aliases.push(rest);
      break;
    }
  }
  return { name, aliases };
}

for (const row of rows) {
  const count = Number(row.occupation_count);
  if (count < 2 && row.hot_technology !== 'Y' && !LOW_COUNT_KEEP.has(row.example)) continue;
  const cleaned = cleanOnet(row.example);
  if (!cleaned) continue;
  const category = LANGUAGES.has(cleaned.name) ? 'language' : categoryForCommodity(row.commodity_title);
  addSkill({ name: cleaned.name, category, aliases: cleaned.aliases, source: 'onet', onetCount: count });
}

// 3a. Aliases of O*NET names that postings use ("Dynamics 365" for Microsoft Dynamics 365): added
// after the O*NET rows so the skill keeps O*NET's name, source and licence; a surface that another
// skill owns stays with it.
for (const [name, aliases] of Object.entries(curated.onetAliases?.entries ?? {})) {
  const skill = byKey.get(key(name));
  if (!skill || skill.name !== name) {
    console.error(`build-skills-vocabulary: onetAliases names "${name}", which the vocabulary lacks.`);
    process.exit(1);
  }
  for (const a of aliases) addSurface(skill, a);
}

// 4. Match rules: short acronyms and English words must keep their case; ambiguous ones need context.
/** The match rule of a surface that has none yet (see step 4). */
function defaultRule(s: Draft, surface: string): 'context' | 'case' | undefined {
  if (AMBIGUOUS.has(surface)) return 'context';
  if (surface.length <= 2) return 'case';
  if (
    !surface.includes(' ') &&
    COMMON_WORDS.has(surface.toLowerCase()) &&
    !(s.source === 'hand' && ANY_CASE_CATEGORIES.has(s.category))
  )
    return 'case';
  if (/^[A-Z0-9]{2,4}$/.test(surface) && !LOWERCASE_OK.has(surface)) return 'case';
  return undefined;
}
for (const s of skills) {
  for (const surface of [s.name, ...s.aliases]) {
    if (s.rules[surface]) continue;
    const rule = defaultRule(s, surface);
    if (rule) s.rules[surface] = rule;
  }
  for (const surface of AMBIGUOUS)
    if (surface === s.name || s.aliases.includes(surface)) s.rules[surface] = 'context';
  // "c#", "qa", "sdlc": acronyms that are no English word match in any case.
  for (const surface of LOWERCASE_OK) if (s.rules[surface] === 'case') s.rules[surface] = 'word';
  for (const surface of COVERAGE_CASE_ONLY)
    if (surface === s.name || s.aliases.includes(surface)) s.rules[surface] = 'case';
}

for (const s of skills) {
  s.category = RECATEGORISE[s.name] ?? CATEGORY_MERGE[s.category] ?? s.category;
  if (DEGREE_CONTEXT.has(s.name)) s.when = 'degree';
  else if (FIELD_CONTEXT.has(s.name)) s.when = 'field';
  // Spellings that count only beside technical words: "java/spring", "C# and . net".
  for (const surface of CASE_VARIANTS[s.name] ?? []) {
    if (!s.aliases.includes(surface)) s.aliases.push(surface);
    s.rules[surface] = 'tech';
  }
}

// 5. Names a person reads (after the steps above, which know a skill by its O*NET name): a skill shown under a catalogue's long form ("Amazon Simple Storage
// Service S3") takes the name postings use ("Amazon S3"), and its old name stays an alias, so a name
// typed or stored before still finds it. When another skill already owns the new name ("EDI"), the
// two are one skill: the old one's surfaces move to it.
for (const [from, to] of Object.entries(curated.displayNames?.entries ?? {})) {
  const skill = byKey.get(key(from));
  if (!skill || skill.name !== from) {
    console.error(`build-skills-vocabulary: displayNames names "${from}", which the vocabulary lacks.`);
    process.exit(1);
  }
  const owner = byKey.get(key(to));
  if (owner && owner !== skill) {
    skills.splice(skills.indexOf(skill), 1);
    for (const surface of [skill.name, ...skill.aliases]) {
      byKey.delete(key(surface));
      addSurface(owner, surface);
      if (skill.rules[surface] && !owner.rules[surface]) owner.rules[surface] = skill.rules[surface];
    }
    if (skill.onetCount && !owner.onetCount) owner.onetCount = skill.onetCount;
    continue;
  }
  const old = skill.name;
  skill.name = to;
  skill.aliases = skill.aliases.filter((a) => key(a) !== key(to));
  byKey.set(key(to), skill);
  addSurface(skill, old);
  const rule = skill.rules[to] ? undefined : defaultRule(skill, to);
  if (rule) skill.rules[to] = rule;
}

skills.sort(
  (a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()) || a.name.localeCompare(b.name),
);
const out = {
  version: 1,
  generatedBy: 'scripts/build-skills-vocabulary.ts',
  sources: [
    'data/skills/sources/alias-seed.json (project seed)',
    'O*NET 29.2 Technology Skills (USDOL/ETA, CC BY 4.0), modified: see NOTICE',
    'iso-639-1 npm package (MIT): English names of ISO 639-1 languages',
    'data/skills/curated.json (Rebound contributors, MIT)',
  ],
  licences: LICENCES,
  skills: skills.map((s) => ({
    name: s.name,
    category: s.category,
    aliases: [...s.aliases].sort(),
    ...(Object.keys(s.rules).length ? { rules: Object.fromEntries(Object.entries(s.rules).sort()) } : {}),
    ...(s.when ? { when: s.when } : {}),
    source: s.source,
    ...(s.onetCount ? { onetCount: s.onetCount } : {}),
  })),
};
writeFileSync(outFile, `${JSON.stringify(out, null, 1)}\n`);
const counts = new Map<string, number>();
for (const s of skills) counts.set(s.category, (counts.get(s.category) ?? 0) + 1);
console.log(`wrote ${skills.length} skills to ${outFile}`);
console.log([...counts].map(([c, n]) => `${c} ${n}`).join(', '));
