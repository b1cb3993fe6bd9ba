/**
 * Workplace nouns that stand for a field ("school" for Education, "hotel" for Hospitality): a bare
 * one counts as the field only where it names the place the work or the experience wanted is in
 * ("experience in a hospital setting", "a busy bistro", "our factory makes parts", "you have
 * worked in schools"): not as part of a name ("St Mary's Hospital", "Code Academy"), an amenity or
 * a landmark ("an on-site café", "a staff nursery", "close to the hospital"), or a word describing
 * something else ("the hospital site", "the school holidays"). Off-topic sections (off-topic.ts)
 * and benefit sentences drop it as they drop every field word.
 */

import { endsAtOneOf, type Hit } from './hits.ts';
import { type SentenceCache, sentenceTest } from './sentence-cache.ts';

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

/**
 * The first and last letters of each workplace noun, as `first * 65536 + last`: a hit starts and
 * ends with a letter (the spaces and hyphens the key is made of are inside it), so one without
 * such a pair is settled without cutting it out (most field words are no workplace noun).
 */
const PLACE_ENDS = new Set([...PLACE_NOUNS].map((w) => w.charCodeAt(0) * 65536 + w.charCodeAt(w.length - 1)));

export function isPlaceNoun(lower: string, h: Hit): boolean {
  const n = h.end - h.start;
  if (n < 4 || n > 20) return false;
  if (!PLACE_ENDS.has(lower.charCodeAt(h.start) * 65536 + lower.charCodeAt(h.end - 1))) return false;
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

/**
 * "A primary school … the school", "a food factory … the factory": a bare field word that points
 * back to the place already named by a longer phrase, or a workplace named again with "the"
 * ("our factory … the factory"), is not one more mention of the field.
 */
export function dropBackReferences(categories: string[], lower: string, hits: Hit[]): void {
  // Per skill, the longer phrases (with a space) already named, each once: a list of every mention
  // made a long text quadratic.
  const named = new Map<number, Set<string>>();
  for (const h of hits) {
    if (!h.accepted || categories[h.skill] !== 'domain') continue;
    const words = lower.slice(h.start, h.end);
    const phrases = named.get(h.skill);
    if (phrases === undefined) named.set(h.skill, new Set(words.includes(' ') ? [words] : []));
    else if (!words.includes(' ') && someEndsWith(phrases, words)) h.accepted = false;
    // "Our factory makes parts … The factory has a canteen": the same place again.
    else if (isPlaceNoun(lower, h) && /\b(?:the|this|that) $/.test(lower.slice(h.start - 5, h.start)))
      h.accepted = false;
    else if (words.includes(' ')) phrases.add(words);
  }
}

function someEndsWith(phrases: Set<string>, words: string): boolean {
  for (const p of phrases) if (p.endsWith(words)) return true;
  return false;
}

/** A sentence that asks the fields of the candidate: "experience in retail, hospitality or care". */
const FIELDS_ASKED = sentenceTest(
  /\b(?:experience[ds]?|background|knowledge|worked|familiar|understanding)\b/,
);
/** FIELDS_ASKED's words, read before the list only. */
const FIELDS_ASKED_WORDS = /\b(?:experience[ds]?|background|knowledge|worked|familiar|understanding)\b/;
/**
 * Whether the sentence asks the listed fields of the candidate: an asking word before the hit
 * ("experience in schools, colleges or nurseries"). One after the list asks something else ("…
 * delivering schools, care homes and offices, and we're looking for an experienced carpenter").
 */
function fieldsAsked(lower: string, s: SentenceCache, h: Hit): boolean {
  if (!s.has(FIELDS_ASKED, h.start)) return false;
  return FIELDS_ASKED_WORDS.test(lower.slice(s.at(h.start)[0], h.start));
}
/** "the retail, leisure and hospitality sectors": the list names fields. */
const SECTORS_AFTER = /^ (?:sectors?|industr(?:y|ies)|markets?)\b/;

/**
 * A list item that names places or organisations: the field word itself in the plural ("schools",
 * "hauliers", "law firms") or before such a noun ("retail parks"), not "musculoskeletal injuries"
 * or "loan payments" (things the work handles).
 */
const placeItem = (hit: string, rest: string) =>
  (rest.trim() === '' && /[^s]s$/.test(hit)) || PLACE_ITEM.test(hit + rest);
const PLACE_ITEM =
  /\b(?:parks|sites|centres|centers|homes|stores|shops|offices|firms|companies|businesses|groups|organi[sz]ations|providers|trusts|authorities|councils|clubs|chains|operators|venues|premises|units|practices|clinics|agencies|associations|charities|schools|hospitals)$/;
/** The rest of a list item after the hit ("retail| parks"), up to the next separator. */
const ITEM_REST =
  /^((?: (?!(?:and|or|to|for|in|of|with|from|by|on|at|through|across|into|the|a|an|our|their|its)\b)[a-z'-]+){0,2}?)(?=,|\s+(?:and|or|&)\s)/;
/** The rest of a last item: "retail| parks". */
const LAST_REST =
  /^(?: (?!(?:to|for|in|of|with|from|by|on|at|through|across|into|the|a|an|our|their|its)\b)[a-z'-]+){0,2}/;
/** Items after the hit's: ", clubs, businesses and community groups". */
const ITEMS_AFTER =
  /^(?:,\s*(?:(?:and|or|&)\s+)?|\s+(?:and|or|&)\s+)(?:(?:the|our|local)\s+)?(?!(?:and|or)\b)[a-z'-]+(?: (?!(?:and|or)\b)[a-z'-]+){0,2}/;
/** Items before the hit's: "schools, hospitals, ". */
const ITEMS_BEFORE = /(?:(?!(?:and|or)\b)[a-z'-]+(?: (?!(?:and|or)\b)[a-z'-]+){0,2},\s+)+$/;
/** Before the last item: "schools, hospitals, offices and ". */
const LAST_ITEM_BEFORE =
  /((?:(?!(?:and|or)\b)[a-z'-]+(?: (?!(?:and|or)\b)[a-z'-]+){0,2},\s+)+)(?:(?!(?:and|or)\b)[a-z'-]+(?: (?!(?:and|or)\b)[a-z'-]+){0,2},?\s+)?(?:and|or|&)\s+(?:(?:the|our|local)\s+)?$/;

/**
 * "work with schools, health visitors and the police", "inspire schools, clubs, businesses and
 * community groups", "services to schools, hospitals, offices and retail parks": a field named by
 * a plural noun (an organisation, a place) as one item of a list of three or more is one of the
 * parties or sites the job meets, not the field of the job. Not where the sentence asks for
 * experience of them ("experience in schools, colleges or nurseries") or the list names sectors.
 */
/** The characters of a list item's words in ITEM_REST and LAST_REST: a–z, "'" and "-". */
function isItemChar(c: number): boolean {
  return (c >= 97 && c <= 122) || c === 39 || c === 45;
}

/** PLACE_ITEM's nouns, each of which ends in "s". */
const PLACE_ITEM_NOUNS = PLACE_ITEM.source
  .replace(/^\\b\(\?:|\)\$$/g, '')
  .split('|')
  .flatMap((w) => (w.includes('[sz]') ? [w.replace('[sz]', 's'), w.replace('[sz]', 'z')] : [w]));
for (const w of PLACE_ITEM_NOUNS)
  if (!/^[a-z]+s$/.test(w))
    throw new Error(`PLACE_ITEM_NOUNS: "${w}" is not a plain plural (PLACE_ITEM changed?)`);

/**
 * Whether the hit ends in "s", or one of the (at most two) words after it that ITEM_REST or
 * LAST_REST may add to its item (each after one space) ends in one of PLACE_ITEM's nouns: an item
 * placeItem accepts ends so (a bare hit in "s", a longer item in such a noun), so a hit without
 * one is no place item. Read in place; words past the sentence's end only let more hits through
 * to the expressions.
 */
function itemMayBePlace(lower: string, h: Hit): boolean {
  if (lower.charCodeAt(h.end - 1) === 115) return true;
  let p = h.end;
  for (let w = 0; w < 2; w++) {
    if (lower.charCodeAt(p) !== 32) return false;
    let q = p + 1;
    while (isItemChar(lower.charCodeAt(q))) q++;
    if (q === p + 1) return false;
    if (lower.charCodeAt(q - 1) === 115 && endsAtOneOf(lower, q, PLACE_ITEM_NOUNS)) return true;
    p = q;
  }
  return false;
}

export function settingInList(lower: string, s: SentenceCache, h: Hit): boolean {
  if (!itemMayBePlace(lower, h)) return false;
  const [a, b] = s.at(h.start);
  // Every way to true below ends in `!fieldsAsked(…)`: asked first, it settles the lists of fields
  // asked of the candidate ("experience in retail, hospitality or care") before their items are read.
  if (fieldsAsked(lower, s, h)) return false;
  const after = lower.slice(h.end, Math.min(b, h.end + 120));
  const rest = ITEM_REST.exec(after);
  if (rest === null) {
    // The last item: "…, offices and retail parks".
    const tail = LAST_REST.exec(after)![0];
    const hit = lower.slice(h.start, h.end);
    if (!placeItem(hit, '') && !PLACE_ITEM.test(hit + tail)) return false;
    const before = lower.slice(Math.max(a, h.start - 120), h.start);
    const m = LAST_ITEM_BEFORE.exec(before);
    if (m === null || m[1]!.split(',').length < 2) return false;
    return !fieldsAsked(lower, s, h) && !SECTORS_AFTER.test(after.slice(tail.length));
  }
  if (!placeItem(lower.slice(h.start, h.end), rest[1]!)) return false;
  let items = 1;
  let coordinated = false;
  let tail = after.slice(rest[1]!.length);
  for (let m = ITEMS_AFTER.exec(tail); m !== null && items < 8; m = ITEMS_AFTER.exec(tail)) {
    items++;
    if (/\b(?:and|or)\b|&/.test(m[0].slice(0, 6))) coordinated = true;
    tail = tail.slice(m[0].length);
  }
  const before = ITEMS_BEFORE.exec(lower.slice(Math.max(a, h.start - 120), h.start));
  if (before !== null) items += before[0].split(',').length - 1;
  if (items < 3 || !coordinated) return false;
  return !fieldsAsked(lower, s, h) && !SECTORS_AFTER.test(tail);
}
