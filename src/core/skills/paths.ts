/**
 * Other paths: what a person's skills add up to apart from the job titles they have held, and
 * which saved roles already ask mostly for skills they have.
 */
import { personWords, type Reader, SELF } from '../reader.ts';
import { skillKey } from './vocabulary.ts';

export const CATEGORY_LABELS: Record<string, string> = {
  language: 'Programming languages',
  framework: 'Frameworks and libraries',
  testing: 'Testing',
  database: 'Databases',
  cloud: 'Cloud',
  platform: 'Platforms and infrastructure',
  tool: 'Tools',
  os: 'Operating systems',
  analytics: 'Data and analytics',
  practice: 'Methods and practices',
  business: 'Business tools',
  office: 'Office and collaboration',
  design: 'Design and media',
  security: 'Security',
  healthcare: 'Healthcare systems',
  gis: 'Maps and GIS',
  industrial: 'Industrial systems',
  education: 'Teaching tools',
  soft: 'People and personal skills',
  spoken: 'Spoken languages',
  domain: 'Industries and fields',
  qualification: 'Degrees and certificates',
  custom: 'Your own skills',
  other: 'Other',
};
const ORDER = Object.keys(CATEGORY_LABELS);

/** A category's label as this reader reads it ("Your own skills"; "Sam Rivera's own skills" for a coach). */
export function categoryLabel(category: string, reader: Reader = SELF): string {
  if (category === 'custom') return `${personWords(reader).Names} own skills`;
  return CATEGORY_LABELS[category] ?? category;
}

export interface SkillGroup {
  category: string;
  label: string;
  skills: string[];
}

/**
 * Groups a person's skills by kind (languages, methods, people and personal skills…) so they can see
 * what carries over to other roles. Groups follow a fixed order; skills keep the order given.
 */
export function transferableSkills(userSkills: { name: string; category: string }[]): SkillGroup[] {
  const groups = new Map<string, SkillGroup>();
  const seen = new Set<string>();
  for (const s of userSkills) {
    const k = skillKey(s.name);
    if (seen.has(k)) continue;
    seen.add(k);
    const category = s.category in CATEGORY_LABELS ? s.category : 'other';
    let g = groups.get(category);
    if (!g) {
      g = { category, label: CATEGORY_LABELS[category]!, skills: [] };
      groups.set(category, g);
    }
    g.skills.push(s.name);
  }
  return [...groups.values()].sort((a, b) => ORDER.indexOf(a.category) - ORDER.indexOf(b.category));
}

export interface AdjacentRole {
  role: string;
  jobCount: number;
  /** 0–100: the share of the role's asked-for skills (weighted by how often asked) the user has. */
  coverage: number;
  have: string[];
  /** Skills the role asks for that the user does not list, most asked first. */
  missing: string[];
}

const SENIORITY =
  /\b(senior|sr|junior|jr|lead|staff|principal|head of|associate|intern|entry level|mid level|mid|ii|iii|iv|i)\b\.?/g;

/** The role a title names, without seniority words: "Senior Data Analyst II" → "data analyst". */
export function roleKey(title: string): string {
  return title
    .toLowerCase()
    .replace(/\(.*?\)/g, ' ')
    .replace(SENIORITY, ' ')
    .replace(/[^a-z0-9+#]+/g, ' ')
    .trim();
}

/**
 * Finds roles among saved jobs whose asked-for skills the user mostly has (coverage at least
 * `minCoverage`, 50 by default), best covered first.
 */
export function adjacentRoles(
  userSkills: string[],
  savedJobs: { role: string; skills: string[] }[],
  minCoverage = 50,
): AdjacentRole[] {
  const have = new Set(userSkills.map(skillKey));
  const roles = new Map<
    string,
    { titles: Map<string, number>; jobs: number; asks: Map<string, { name: string; n: number }> }
  >();
  for (const job of savedJobs) {
    const key = roleKey(job.role);
    if (!key) continue;
    let r = roles.get(key);
    if (!r) {
      r = { titles: new Map(), jobs: 0, asks: new Map() };
      roles.set(key, r);
    }
    r.jobs++;
    r.titles.set(job.role.trim(), (r.titles.get(job.role.trim()) ?? 0) + 1);
    for (const s of new Set(job.skills)) {
      const a = r.asks.get(skillKey(s)) ?? { name: s, n: 0 };
      a.n++;
      r.asks.set(skillKey(s), a);
    }
  }
  const out: AdjacentRole[] = [];
  for (const r of roles.values()) {
    const asks = [...r.asks.entries()].sort((a, b) => b[1].n - a[1].n || a[1].name.localeCompare(b[1].name));
    const total = asks.reduce((t, [, a]) => t + a.n, 0);
    if (total === 0) continue;
    const got = asks.reduce((t, [k, a]) => t + (have.has(k) ? a.n : 0), 0);
    const coverage = Math.round((100 * got) / total);
    if (coverage < minCoverage) continue;
    const title = [...r.titles.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]![0];
    out.push({
      role: title,
      jobCount: r.jobs,
      coverage,
      have: asks.filter(([k]) => have.has(k)).map(([, a]) => a.name),
      missing: asks.filter(([k]) => !have.has(k)).map(([, a]) => a.name),
    });
  }
  return out.sort(
    (a, b) => b.coverage - a.coverage || b.jobCount - a.jobCount || a.role.localeCompare(b.role),
  );
}
