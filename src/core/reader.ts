/**
 * Who reads the sentences Rebound writes about a job search. The seeker reads about themself
 * ("your response rate rose…"); someone the seeker shares their search with (a coach) reads
 * about a named person ("Sam Rivera's response rate rose…", then "they" and "their").
 *
 * Every generator of such sentences (findings, response times, wins, goals, the week's plan, the
 * weekly review, referral asks…) takes a reader; without one it writes for the seeker, so the
 * seeker's own wording never changes. The seeker's own words (notes, wins they wrote, drafts to
 * send to others) are never rewritten.
 */
export type Reader = { readonly kind: 'self' } | { readonly kind: 'coach'; readonly name: string };

/** The seeker reading about their own search. */
export const SELF: Reader = { kind: 'self' };

/** Someone the seeker shares with, reading about them; `name` as the seeker gave it (their display name). */
export function coachReader(name: string): Reader {
  const trimmed = name.trim();
  return { kind: 'coach', name: trimmed === '' ? 'This person' : trimmed };
}

/** "Sam Rivera's", and "James'" for a name that ends in s. */
export function possessive(name: string): string {
  return /s$/i.test(name) ? `${name}'` : `${name}'s`;
}

/** The words for the person whose search it is, as this reader reads them. */
export interface PersonWords {
  /** The first mention: "you", or the person's name. */
  name: string;
  /** The first mention, possessive: "your", or "Sam Rivera's". */
  names: string;
  /** The same at the start of a sentence: "You" or "Your"; a name stays as the seeker wrote it. */
  Name: string;
  Names: string;
  /** Later mentions as a subject: "you" or "they" (the verb is the same for both: "you are", "they are"). */
  they: string;
  /** Later mentions, possessive: "your" or "their". */
  their: string;
  /** Later mentions as an object: "you" or "them". */
  them: string;
}

const SELF_WORDS: PersonWords = {
  name: 'you',
  names: 'your',
  Name: 'You',
  Names: 'Your',
  they: 'you',
  their: 'your',
  them: 'you',
};

export function personWords(reader: Reader = SELF): PersonWords {
  if (reader.kind === 'self') return SELF_WORDS;
  const names = possessive(reader.name);
  return {
    name: reader.name,
    names,
    Name: reader.name,
    Names: names,
    they: 'they',
    their: 'their',
    them: 'them',
  };
}
