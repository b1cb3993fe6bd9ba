/**
 * The text proposed for sending to the user's own model, one builder per feature, and the
 * readers that turn a model's answer back into a draft. Pure: the web app and the CLI build the
 * same text, show it, let the user edit it, and only then send exactly what the user saw.
 * A model's answer is only ever read as plain text; nothing in it is acted on.
 */

/** Summarise a feedback reply into a few themes; the reply itself is kept as written. */
export function replyThemesPrompt(company: string, role: string, answer: string): string {
  return [
    `This is the feedback I got after a "no" from ${company} for the ${role} role.`,
    'Summarise it into 2 to 5 short themes I can act on, one per line starting with "- ".',
    'Use only what the feedback says; if it says little, say so in one line.',
    '',
    answer,
  ].join('\n');
}

export interface ResumeLinesInput {
  company: string;
  role: string;
  /** The job description, or as much of it as was saved. */
  jobDescription: string | null;
  /** Skills the job asks for that the resume shows. */
  matched: readonly string[];
  /** Skills the job asks for that the resume does not show. */
  missing: readonly string[];
  /** The resume's own text. */
  resume: string | null;
}

/** Suggest which resume lines to stress for one job, from the skill match. */
export function resumeLinesPrompt(input: ResumeLinesInput): string {
  const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}…` : text);
  return [
    `I am applying for ${input.role} at ${input.company}.`,
    'From my resume below, pick the 3 to 6 lines I should stress for this job.',
    'Give one per line, starting with "- ", each with a few words on why.',
    'Quote my own lines; do not invent experience.',
    '',
    `Skills the job asks for that my resume shows: ${input.matched.join(', ') || 'none found'}`,
    `Skills the job asks for that my resume does not show: ${input.missing.join(', ') || 'none'}`,
    '',
    'Job description:',
    cut(input.jobDescription?.trim() || '(not saved)', 6_000),
    '',
    'My resume:',
    cut(input.resume?.trim() || '(not imported yet)', 8_000),
  ].join('\n');
}

/** Turn a look back's notes into concrete next steps. */
export function postMortemActionsPrompt(
  company: string,
  role: string,
  steps: ReadonlyArray<{ title: string; rating: string | null; note: string | null }>,
): string {
  const lines = steps
    .filter((s) => s.rating || s.note)
    .map((s) => `- ${s.title}: ${s.rating ?? 'not rated'}${s.note ? ` — ${s.note}` : ''}`);
  return [
    `My notes looking back on my application for ${role} at ${company}:`,
    ...(lines.length ? lines : ['- (no notes yet)']),
    '',
    'Turn these notes into 1 to 5 concrete action items for my next applications.',
    'Give one per line, starting with "- ", each something I can do in under a week. Nothing else.',
  ].join('\n');
}

/** Reads "Subject: …" off the top of a rewritten e-mail; the rest is the body. */
export function splitSubject(draft: string): { subject: string | null; body: string } {
  const text = draft.replace(/\r\n/g, '\n').trim();
  const m = /^subject:[ \t]*(.*)\n+/i.exec(text);
  if (!m) return { subject: null, body: text };
  return { subject: m[1]!.trim() || null, body: text.slice(m[0].length).trim() };
}

/** The lines of a list answer ("- a", "1. b", "* c"), marks removed, blank lines dropped. */
export function listLines(draft: string, max = 10, maxLength = 500): string[] {
  return draft
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((l) => l.replace(/^\s*(?:[-*•]|\d+[.)])\s*/, '').trim())
    .filter((l) => l.length > 0)
    .slice(0, max)
    .map((l) => l.slice(0, maxLength));
}
