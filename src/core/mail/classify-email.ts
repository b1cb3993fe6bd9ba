/**
 * Sorts a job e-mail into what it means for the application: a rejection, an interview, an
 * assessment, an offer, an acknowledgement, or something else. It is a transparent phrase
 * scorer, not a model: the evidence it returns is the phrases that decided it, so a person can
 * see why and correct it. The e-mail's text is only ever data to match against.
 */
import {
  CONDITIONAL,
  GENERAL_CAREER_MAIL,
  INSTRUCTION_INJECTION,
  JOB_CONTEXT,
  type MailKind,
  NEWSLETTER,
  PHRASES,
} from './mail-phrases.ts';
import { RECRUITER_PITCH, REFERS_TO_APPLICATION, WITHDRAWAL } from './mail-situations.ts';
import { ownMessage } from './mail-text.ts';

export interface MailClassification {
  kind: MailKind;
  /** 0..1: how clearly the phrases point to this kind and not another. */
  confidence: number;
  /** The phrases (as written in the e-mail, lower-cased) that decided it. */
  evidence: string[];
  /**
   * Why a rejection should wait for the person rather than be recorded by itself (see
   * `rejectionCaution`); absent when nothing calls for care. A wrong rejection closes an
   * application the person is still hoping for, so it is held to a higher standard.
   */
  caution?: string;
}

export interface ClassifiableMail {
  subject: string;
  from?: { name?: string; address?: string } | string | null;
  text: string;
}

/** Three words or more in double quotes, on one line. */
const QUOTED_WORDS = /"[^"\n]*?\w+\W+\w+\W+\w+[^"\n]{0,160}?"/g;

/** A kind with a phrase at least this strong counts as clearly signalled. */
const STRONG = 3;
/** Below this total nothing is signalled clearly enough to act on. */
const MIN_SCORE = 1.5;
/** Order used to break exact ties: the more consequential news first. */
const TIE_ORDER: MailKind[] = ['offer', 'rejection', 'interview', 'assessment', 'acknowledgement'];

/**
 * The sender's own sentences (see `ownMessage`: quoted replies, signature and footers cut, wraps
 * joined), lower case, straight quotes, one space.
 */
export function normaliseMailText(text: string): string {
  return ownMessage(text)
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc`]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, '-')
    .replace(/[ \t\u00a0]+/g, ' ');
}

/**
 * Mail that is about an application but carries no news from the employer: the candidate's own
 * withdrawal confirmed ("you will no longer be considered" there is not a rejection), or a
 * recruiter's pitch for a new role (a "call" there is not an interview).
 */
const SITUATIONS: [RegExp, string][] = [
  [WITHDRAWAL, 'confirms your own withdrawal'],
  [RECRUITER_PITCH, 'a recruiter offering a new role'],
];

/**
 * Classifies `mail` from its subject and text. Rejection and offer phrases inside conditional
 * sentences ("if you are not selected…") do not count; a strong phrase of one kind outweighs
 * weak phrases of another ("unfortunately, we need to reschedule" is about an interview).
 */
export function classifyEmail(mail: ClassifiableMail): MailClassification {
  const subject = normaliseMailText(mail.subject ?? '');
  const body = normaliseMailText(mail.text ?? '');
  const all = `${subject}\n${body}`;
  if (INSTRUCTION_INJECTION.test(all)) {
    return {
      kind: 'other',
      confidence: 0.9,
      evidence: ['reads like instructions to a program, not mail about a job'],
    };
  }

  const situation = SITUATIONS.find(
    ([re]) => re.test(all) && (re !== RECRUITER_PITCH || !REFERS_TO_APPLICATION.test(all)),
  );
  if (situation) {
    const m = situation[0].exec(all);
    return { kind: 'other', confidence: 0.8, evidence: [situation[1], m![0]] };
  }

  // Words in double quotes are talked about, not said ("when 'we've decided not to move forward'
  // lands in your inbox"): a quotation of three words or more does not count as a phrase.
  const said = (t: string) => t.replace(QUOTED_WORDS, ' … ');
  const sentences = [said(subject), ...said(body).split(/(?<=[.!?;])\s+|\n+/)]
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const scores = new Map<MailKind, { score: number; strongest: number; evidence: string[] }>();
  for (const [kind, phrases] of Object.entries(PHRASES) as [
    Exclude<MailKind, 'other'>,
    (typeof PHRASES)['offer'],
  ][]) {
    const entry = { score: 0, strongest: 0, evidence: [] as string[] };
    // Where each piece of evidence was found, so two phrases over the same words show once.
    const spans: [number, number, number][] = [];
    // General shapes count only where no strong phrase of the kind was found.
    const ordered = [...phrases.filter((ph) => !ph.fallback), ...phrases.filter((ph) => ph.fallback)];
    ordered.forEach((phrase) => {
      if (phrase.fallback && entry.strongest >= STRONG) return;
      // Most phrases appear nowhere; one pass over the whole text rules them out cheaply.
      if (!phrase.re.test(all)) return;
      for (const [at, sentence] of sentences.entries()) {
        // Only said, not supposed ("if you are not selected…") or asked ("not the right fit?").
        if (
          (kind === 'rejection' || kind === 'offer') &&
          (CONDITIONAL.test(sentence) || sentence.endsWith('?'))
        )
          continue;
        const m = phrase.re.exec(sentence);
        if (!m) continue;
        entry.score += phrase.weight;
        entry.strongest = Math.max(entry.strongest, phrase.weight);
        const end = m.index + m[0].length;
        // Shown once when most of the shorter phrase is the same words.
        const overlaps = spans.some(
          ([i, a, b]) =>
            i === at && Math.min(b, end) - Math.max(a, m.index) > Math.min(b - a, end - m.index) / 2,
        );
        spans.push([at, m.index, end]);
        if (!overlaps && !entry.evidence.includes(m[0].trim())) entry.evidence.push(m[0].trim());
        break;
      }
    });
    if (entry.score > 0) scores.set(kind, entry);
  }

  const ranked = [...scores.entries()]
    .map(([kind, e]) => ({ kind, ...e, rank: e.score + (e.strongest >= STRONG ? STRONG : 0) }))
    .sort((a, b) => b.rank - a.rank || TIE_ORDER.indexOf(a.kind) - TIE_ORDER.indexOf(b.kind));
  const top = ranked[0];
  // Weak signals count only in mail that is about a job; mail about job-seeking in general
  // (a webinar on "technical interviews") needs a strong phrase and more besides.
  const general = GENERAL_CAREER_MAIL.test(all) || NEWSLETTER.test((mail.text ?? '').toLowerCase());
  const needed = general ? 3 * STRONG : JOB_CONTEXT.test(all) ? MIN_SCORE : STRONG;
  if (!top || top.rank < needed) {
    return { kind: 'other', confidence: top ? 0.6 : 0.8, evidence: top?.evidence ?? [] };
  }
  const second = ranked[1]?.rank ?? 0;
  const confidence = (top.rank / (top.rank + second)) * Math.min(1, top.rank / 7);
  const result: MailClassification = {
    kind: top.kind,
    confidence: Math.round(confidence * 100) / 100,
    evidence: top.evidence,
  };
  if (top.kind === 'rejection') {
    const caution = rejectionCaution(top.strongest, ranked.slice(1), `${mail.subject}\n${mail.text}`);
    if (caution) result.caution = caution;
  }
  return result;
}

/** A decision sentence ("we will not be moving forward") weighs this much; hints weigh less. */
const DECISION = 4;
/** Anywhere in the mail, quoted replies and footers included: words that call for a second look. */
const OWN_WITHDRAWAL_WORDS =
  /\bwithdr[ae]w|\bwithdrawn\b|\bwithdrawal\b|removed from (?:consideration|the process)|at your (?:own )?request|as you (?:asked|requested|wished)|per your request/i;

/**
 * Why a mail read as a rejection should go to review instead of being recorded by itself: no
 * sentence states the decision (only hints such as "unfortunately" and "future opportunities"),
 * another kind of news is clearly there too, the mail mentions a withdrawal or a request anywhere
 * (a candidate's own withdrawal confirmed in words the rules do not know), or it reads like a
 * newsletter. Null when none of these hold.
 */
function rejectionCaution(
  strongest: number,
  others: { kind: MailKind; strongest: number }[],
  raw: string,
): string | null {
  if (strongest < DECISION) return 'no sentence states a decision, only hints';
  const rival = others.find((o) => o.kind !== 'acknowledgement' && o.strongest >= STRONG);
  if (rival) return `it also reads as ${rival.kind === 'interview' ? 'an interview' : `an ${rival.kind}`}`;
  if (OWN_WITHDRAWAL_WORDS.test(raw)) return 'it mentions a withdrawal or a request of yours';
  if (NEWSLETTER.test(raw.toLowerCase())) return 'it reads like a newsletter';
  return null;
}
