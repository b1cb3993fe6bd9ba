/**
 * Method words broad enough to turn up in any prose ("our offices are closed for maintenance",
 * "networking opportunities", "we are testing a four-day week"): as one bare word
 * they count only in a sentence about the work or the person wanted, or beside a tool.
 */

import type { Hit } from './hits.ts';
import { type SentenceCache, sentenceTest } from './sentence-cache.ts';

const BROAD = new Set([
  'maintenance',
  'testing',
  'compliance',
  'audit',
  'auditing',
  'automation',
  'budgets',
  'budgeting',
  'coaching',
  'mentoring',
  'mentorship',
  'complaints',
  'exhibitions',
  'networking',
  'onboarding',
  'recruitment',
  'recruiting',
  'sustainability',
  'accessibility',
  'cleaning',
  'cooking',
  'photography',
  'gardening',
  'fundraising',
  'roadmap',
  'roadmaps',
  'tickets',
  'heating',
  'selling',
  'sourcing',
  'purchasing',
  'procurement',
  'filing',
  'forecasts',
  'newsletters',
  'reservations',
  'renewals',
  'translation',
  'housekeeping',
  'security',
  'sales',
  'monitoring',
  'teaching',
  'statistics',
  'architecture',
  'dispatch',
  'despatch',
  'tender',
  'tenders',
]);

/** Whether the one-word method at `h` is one of the broad words. */
export function isBroadWord(lower: string, h: Hit): boolean {
  const n = h.end - h.start;
  return n >= 5 && n <= 14 && BROAD.has(lower.slice(h.start, h.end));
}

/** "networking opportunities", "a training budget": what the job gives, not what it asks. */
const GIVEN_AFTER =
  /^ (?:opportunit(?:y|ies)|events?|budgets?|allowances?|perks?|subscriptions?|vouchers?|bonus(?:es)?)\b/;
/** A sentence about the company, its premises or its plans ("Our offices are closed for maintenance"). */
const ABOUT_COMPANY = sentenceTest(
  /\b(?:we|we're|we've|our|us)\b|^(?:it|it's|they|they're|the (?:company|business|firm|group|offices?|building|site|premises|store|shop))\b/,
);
/** Words that tie a sentence to the work or to the person wanted. */
const WORK = sentenceTest(
  /\b(?:you|your|you'll|you're|you've|will|responsib\w*|duties|roles?|purpose|tasks?|jobs?|work|shifts?|position|involv\w*|includ\w*|candidates?|applicants?|must|required|requirements?|essential|experience|skills?|ability|able to|knowledge|understanding|familiar\w*|proficien\w*|ideally|plus|desirable|preferred|bonus|someone|person)\b/,
);

/**
 * True when a broad method word is not asked here: it names something the job gives, or it sits
 * in a sentence about the company that says nothing of the work or the person (`toolNear` says
 * whether a tool is named in the same sentence, which makes it technical work again).
 */
export function broadWordNotAsked(s: SentenceCache, h: Hit, toolNear: () => boolean): boolean {
  const lower = s.lower;
  const after = lower.slice(h.end, h.end + 16);
  if (GIVEN_AFTER.test(after)) return true;
  const [a, b] = s.at(h.start);
  // A short list item ("- Maintenance", "Testing and QA") is the work listed.
  if (b - a <= 40 && !/[.!?]$/.test(lower.slice(a, b))) return false;
  return s.has(ABOUT_COMPANY, h.start) && !s.has(WORK, h.start) && !toolNear();
}
