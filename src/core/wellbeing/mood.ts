/**
 * The one mood scale Rebound uses everywhere (the pause after a "no", the weekly journal):
 * 1 to 5, each with a plain word, so a 3 means the same thing on every screen.
 */
export const MOOD_SCALE = [
  { value: 1, word: 'Rough' },
  { value: 2, word: 'Low' },
  { value: 3, word: 'Okay' },
  { value: 4, word: 'Good' },
  { value: 5, word: 'Great' },
] as const;

/** The word for a mood on the scale, or null when there is none. */
export function moodWord(mood: number | null | undefined): string | null {
  return MOOD_SCALE.find((m) => m.value === mood)?.word ?? null;
}
