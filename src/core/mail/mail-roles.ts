/**
 * Which of a company's applications a mail is about, from the roles it names. Role words decide;
 * when they cannot (no role named and several applications, two roles named, or a role the user
 * does not track there), the answer is "no one application", and the mail goes to review.
 */
import { normaliseWords } from '../import/dedupe-key.ts';

export interface RoleChoice<T> {
  /** The one application the roles point to, or null when they cannot decide. */
  chosen: T | null;
  /** True when the mail names the chosen application's role. */
  named: boolean;
  reason: string | null;
}

const FILLER = new Set([
  ...['the', 'a', 'an', 'of', 'and', 'for', 'at', 'in', 'our', 'this', 'your', 'role', 'position'],
  ...['exciting', 'advertised', 'above', 'following', 'current', 'open', 'new', 'same', 'great', 'available'],
]);
const words = (s: string) => s.split(' ').filter((w) => w !== '' && !FILLER.has(w));

/** Role names in normalised text: "applying to the X role", "the X position", "application for X". */
const MENTION =
  /\b(?:for|to|in|of|about) (?:the|our|this|your|an?) ((?:[a-z0-9]+ ){1,5}?)(?:role|position|opening|vacancy|job|requisition|cohort)\b/g;
const SUBJECT_MENTION = /^(?:re )?(?:your )?application (?:for|to) (?:the )?((?:[a-z0-9]+ ?){1,6})$/;

/** The role names a mail mentions (normalised), the company's own name left out. */
export function roleMentions(subject: string, body: string, company: string): string[] {
  const found: string[] = [];
  for (const text of [subject, body]) {
    for (const m of text.matchAll(MENTION)) found.push(m[1]!.trim());
  }
  const s = SUBJECT_MENTION.exec(subject.trim());
  if (s) found.push(s[1]!.trim());
  return found
    .map((m) => (company ? ` ${m} `.replace(` ${company} `, ' ').trim() : m))
    .filter(
      (m) =>
        m !== '' && m !== company && words(m).length > 0 && !/^(?:same|new|open|this|other|a|an)\b/.test(m),
    );
}

/** A mention fits a role when the words of one contain the other's ("QA Engineer" fits "QA Engineer II"). */
function fits(mention: string, role: string): boolean {
  const m = words(mention);
  const r = new Set(words(role));
  if (m.length === 0 || r.size === 0) return false;
  const mSet = new Set(m);
  return m.every((w) => r.has(w)) || [...r].every((w) => mSet.has(w));
}

/** Where `phrase` occurs in `text` as whole words: [start, end) pairs. */
function occurrences(text: string, phrase: string): [number, number][] {
  const out: [number, number][] = [];
  if (phrase === '') return out;
  let at = text.indexOf(` ${phrase} `);
  while (at !== -1) {
    out.push([at + 1, at + 1 + phrase.length]);
    at = text.indexOf(` ${phrase} `, at + 1);
  }
  return out;
}

/**
 * Chooses among `apps` (all at one company) from the roles named in `subject` and `body`
 * (normalised, padded with spaces). A role named only inside a longer role of another of the
 * company's applications ("Software Engineer" in "Senior Software Engineer") does not count.
 */
export function chooseByRole<T extends { role: string }>(
  apps: readonly T[],
  subject: string,
  body: string,
  companyKey: string,
): RoleChoice<T> {
  const text = `${subject} | ${body}`;
  const spans = apps.map((app) => ({
    app,
    role: normaliseWords(app.role),
    at: occurrences(text, normaliseWords(app.role)),
  }));
  const named = spans.filter(
    (s) =>
      s.at.length > 0 &&
      s.at.some(
        ([a, b]) =>
          !spans.some(
            (o) => o !== s && o.role.length > s.role.length && o.at.some(([c, d]) => c <= a && d >= b),
          ),
      ),
  );
  if (named.length === 1)
    return { chosen: named[0]!.app, named: true, reason: `role "${named[0]!.app.role}" named` };
  if (named.length > 1)
    return {
      chosen: null,
      named: false,
      reason: `names several of your roles there (${named.map((n) => n.app.role).join(', ')})`,
    };
  const mentions = roleMentions(subject, body, companyKey);
  const foreign = mentions.find((m) => !apps.some((a) => fits(m, normaliseWords(a.role))));
  if (foreign)
    return {
      chosen: null,
      named: false,
      reason: `names the role "${foreign}", which you do not track there`,
    };
  if (apps.length === 1) return { chosen: apps[0]!, named: false, reason: null };
  return {
    chosen: null,
    named: false,
    reason: `you have ${apps.length} applications there and the mail does not say which role`,
  };
}
