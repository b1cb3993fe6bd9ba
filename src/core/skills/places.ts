/**
 * Workplace nouns that stand for a field ("school" for Education, "hotel" for Hospitality): a bare
 * one counts as the field only where it names the place the work or the experience wanted is in
 * ("experience in a hospital setting", "a busy bistro", "our factory makes parts", "you have
 * worked in schools"): not as part of a name ("St Mary's Hospital", "Code Academy"), an amenity or
 * a landmark ("an on-site café", "a staff nursery", "close to the hospital"), or a word describing
 * something else ("the hospital site", "the school holidays"). Off-topic sections (off-topic.ts)
 * and benefit sentences drop it as they drop every field word.
 */

import type { Hit } from './hits.ts';
import type { SentenceCache } from './sentences.ts';

/** The workplace nouns, by their lower-case key (runs of spaces and hyphens as one space). */
const PLACE_NOUNS = new Set([
  'school',
  'schools',
  'academy',
  'academies',
  'nursery',
  'nurseries',
  'hospital',
  'hospitals',
  'clinic',
  'clinics',
  'cafe',
  'cafes',
  'café',
  'cafés',
  'bistro',
  'brasserie',
  'gastropub',
  'hotel',
  'hotels',
  'restaurant',
  'restaurants',
  'factory',
  'factories',
  'warehouse',
  'supermarket',
  'supermarkets',
  'health service',
  'health services',
  'retail store',
  'retail stores',
  'convenience store',
  'convenience stores',
  'department store',
  'department stores',
  'building site',
  'production site',
  'production sites',
]);

export function isPlaceNoun(lower: string, h: Hit): boolean {
  const n = h.end - h.start;
  if (n < 4 || n > 20) return false;
  return PLACE_NOUNS.has(lower.slice(h.start, h.end).replace(/[\s-]+/g, ' '));
}

/** The word after that makes the place the field: "a hospital setting", "school experience". */
const FIELD_AFTER =
  /^[ -](?:settings?|environments?|experience|background|sectors?|industry|placements?|work|roles?|jobs?|posts?|careers?|trade|groups?|chains?|operators?|based)\b/;
/** Words after that make the place a modifier of something else: "the school holidays", "the hospital site". */
const MODIFIER_AFTER =
  /^[ -](?:site|sites|grounds|campus|car park|parking|canteen|gym|shop|vouchers?|holidays?|terms?|uniforms?|runs?|trips?|fees|day|days|area|club|bus|shuttle|food|meals?|discounts?|passes|membership)\b/;
/** A landmark or an amenity: "close to the hospital", "an on-site café", "a staff nursery". */
/** Experience or work "in/at" a place: "experience with schools", "worked in a busy hospital". */
const FIELD_BEFORE =
  /\b(?:experience[ds]?|background|worked|working|career|employed|placements?)\b(?: [a-z'-]+){0,3} (?:in|within|at|across|for|from|with) (?:(?:an?|the|one|two|several) )?(?:[a-z0-9'-]+ ){0,2}$/;
/** What a building has: "an office with a gym and a café", "the site has a nursery". */
const HAS_BEFORE =
  /\b(?:with|has|have|having|including|includes|boasts?|plus)\s+(?:[^.;:]{0,60}?(?:,|\band|\bor)\s+)?(?:an?|its own|our own)\s+(?:[a-z0-9'-]+\s+){0,2}$/;
const AMENITY_BEFORE =
  /\b(?:on-?site|in-?house|staff|subsidi[sz]ed|free|nearby|near|near to|close to|next to|opposite|beside|minutes from|walk from|distance of|from the|to the|outside the|round the corner from|from our|into our)\s+(?:(?:the|a|an|our)\s+)?(?:[a-z0-9'-]+\s+)?$/;
/**
 * True when a workplace noun at `h` names the field of the work. A capitalised one inside a
 * sentence is part of a name ("St Mary's Hospital", "Code Academy", "the Grand Hotel").
 */
export function placeNamesField(text: string, lower: string, s: SentenceCache, h: Hit): boolean {
  const [a] = s.at(h.start);
  const c = text.charCodeAt(h.start);
  const capital = c >= 65 && c <= 90;
  if (capital && h.start > a) return false;
  // "Hospital Trust", "School of Nursing": the opening word of a name (not in the title line).
  const titleLine = s.breaks.last(h.start) === -1;
  if (capital && !titleLine && /^ (?:[A-Z][a-z]+|of [A-Z])/.test(text.slice(h.end, h.end + 12))) return false;
  const after = lower.slice(h.end, h.end + 24);
  if (FIELD_AFTER.test(after)) return true;
  if (MODIFIER_AFTER.test(after)) return false;
  const before = lower.slice(Math.max(a, h.start - 64), h.start);
  if (FIELD_BEFORE.test(before)) return true;
  return !AMENITY_BEFORE.test(before) && !HAS_BEFORE.test(before);
}
