/**
 * Writing after a no: up to five short sessions on different days, about twenty minutes each,
 * each with its own prompt. The first ones are about what the loss felt like and what it stirred
 * up; the last one is about what the person takes forward. Modelled on the expressive-writing
 * study with people who had lost their jobs (see the evidence page, #writing). There is no word
 * count and no score: the writing is only for the person who writes it.
 */

export const MAX_WRITING_SESSIONS = 5;
export const SESSION_MINUTES = 20;

export interface WritingPrompt {
  number: number;
  prompt: string;
  /** A quieter line under the prompt. */
  hint: string;
}

export const WRITING_PROMPTS: readonly WritingPrompt[] = [
  {
    number: 1,
    prompt: 'What happened, and how did it feel when the news came?',
    hint: 'Write for yourself. Nobody reads this, so nothing needs to be tidy, fair or finished.',
  },
  {
    number: 2,
    prompt: 'What did this job mean to you, beyond the job itself?',
    hint: 'Money, a place to belong, a step you were counting on: whatever it was, it is fine to name it.',
  },
  {
    number: 3,
    prompt: 'What thoughts keep coming back about it?',
    hint: 'The ones at night, the ones about yourself. Let them out onto the page and look at them there.',
  },
  {
    number: 4,
    prompt: 'How has this touched the rest of your life: the people around you, your days, your plans?',
    hint: 'Both the hard parts and anything that surprised you.',
  },
  {
    number: 5,
    prompt: 'Looking at all of it now, what do you take forward?',
    hint: 'Something you learned, something you want next time, something you want to keep about yourself.',
  },
];

/** What `rebound write` and the web app offer next for one application. */
export interface NextSession {
  number: number;
  prompt: WritingPrompt;
  /** True when a session was already started today: more text joins it. */
  continuing: boolean;
}

/**
 * The session to write in on `today`, given the sessions already written (number and day): the
 * latest one when it was written today (to continue it), else the next number, or null once the
 * fifth is written. Sessions are on different days, so a new one never starts on a day that has
 * one. Numbers follow the highest written, so deleting one session never repeats a prompt.
 */
export function nextSession(
  sessions: readonly { number: number; on: string }[],
  today: string,
): NextSession | null {
  const latest = sessions.reduce<{ number: number; on: string } | null>(
    (best, s) => (best === null || s.number > best.number ? s : best),
    null,
  );
  if (latest && latest.on === today)
    return { number: latest.number, prompt: promptFor(latest.number), continuing: true };
  const number = (latest?.number ?? 0) + 1;
  if (number > MAX_WRITING_SESSIONS) return null;
  return { number, prompt: promptFor(number), continuing: false };
}

/** The prompt of session `number` (1…5). */
export function promptFor(number: number): WritingPrompt {
  return WRITING_PROMPTS[Math.min(Math.max(number, 1), MAX_WRITING_SESSIONS) - 1]!;
}
