/**
 * `npm run eval:mail`: how well classifyEmail sorts job e-mails. Runs on the hand-written
 * labelled set in test/fixtures/mail/labelled/labelled.json, prints per-kind precision and
 * recall and overall accuracy, then the results on the EmailAgent sample e-mails in test/fixtures/mail/email-agent.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { classifyEmail } from '../src/core/mail/classify-email.ts';
import { MAIL_KINDS, type MailKind } from '../src/core/mail/mail-phrases.ts';
import { parseEmail } from '../src/io/mail.ts';

interface Labelled {
  id: string;
  kind: MailKind;
  subject: string;
  from: string;
  text: string;
}

const root = fileURLToPath(new URL('..', import.meta.url));
const SHARED = `${root}test/fixtures/mail/email-agent/`;
/** The kind each EmailAgent sample file should come out as. */
const SHARED_LABELS: Record<string, MailKind> = {
  'application.eml': 'acknowledgement',
  'assessment.eml': 'assessment',
  'interview-reschedule.eml': 'interview',
  'interview.eml': 'interview',
  'member-gift.eml': 'other',
  'offer.eml': 'offer',
  'ordinary-promotion.eml': 'other',
  'prompt-injection.eml': 'other',
  'rejection.eml': 'rejection',
};

export interface EvalResult {
  total: number;
  correct: number;
  perKind: { kind: MailKind; precision: number; recall: number; support: number }[];
  mistakes: { id: string; expected: MailKind; got: MailKind; evidence: string[] }[];
}

/** Scores predictions against labels. */
export function evaluate(
  items: { id: string; expected: MailKind; got: MailKind; evidence: string[] }[],
): EvalResult {
  const perKind = MAIL_KINDS.map((kind) => {
    const tp = items.filter((i) => i.got === kind && i.expected === kind).length;
    const predicted = items.filter((i) => i.got === kind).length;
    const support = items.filter((i) => i.expected === kind).length;
    return {
      kind,
      precision: predicted ? tp / predicted : Number.NaN,
      recall: support ? tp / support : Number.NaN,
      support,
    };
  });
  const mistakes = items.filter((i) => i.got !== i.expected);
  return { total: items.length, correct: items.length - mistakes.length, perKind, mistakes };
}

function print(title: string, r: EvalResult): void {
  const pct = (x: number) => (Number.isNaN(x) ? '   -' : `${(x * 100).toFixed(0).padStart(3)}%`);
  console.log(`\n## ${title}`);
  console.log('kind             precision  recall  n');
  for (const k of r.perKind)
    console.log(`${k.kind.padEnd(16)} ${pct(k.precision)}       ${pct(k.recall)}    ${k.support}`);
  console.log(`accuracy: ${r.correct}/${r.total} (${((r.correct / r.total) * 100).toFixed(1)}%)`);
  for (const m of r.mistakes)
    console.log(`  ✗ ${m.id}: expected ${m.expected}, got ${m.got} [${m.evidence.join('; ')}]`);
}

async function main(): Promise<void> {
  const labelled = JSON.parse(readFileSync(`${root}test/fixtures/mail/labelled/labelled.json`, 'utf8'))
    .messages as Labelled[];
  const own = evaluate(
    labelled.map((m) => {
      const c = classifyEmail({ subject: m.subject, from: m.from, text: m.text });
      return { id: m.id, expected: m.kind, got: c.kind, evidence: c.evidence };
    }),
  );
  print(`Rebound's labelled set (${labelled.length} e-mails)`, own);

  if (!existsSync(SHARED)) {
    console.log(`\n(EmailAgent sample e-mails not found at ${SHARED}; skipped)`);
    return;
  }
  const shared = [];
  for (const file of readdirSync(SHARED).filter((f) => f.endsWith('.eml'))) {
    const mail = await parseEmail(readFileSync(SHARED + file));
    const c = classifyEmail(mail);
    shared.push({ id: file, expected: SHARED_LABELS[file] ?? 'other', got: c.kind, evidence: c.evidence });
  }
  print(`shared EmailAgent fixtures (${shared.length} e-mails)`, evaluate(shared));
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
