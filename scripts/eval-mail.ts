/**
 * `npm run eval:mail`: how well Rebound reads job e-mails, measured the way the import acts on them.
 *
 * 1. The labelled sets in test/fixtures/mail/eval (see GUIDE.md there): `dev.txt` (tuned on) and
 *    `heldout.txt` (written first, never tuned on: only its figures are printed, never its
 *    mistakes). Each mail is parsed as a real message, classified, matched against `board.json`
 *    and decided (record / review / set aside) by the import's own rule. Per set: rejection
 *    recall and precision, the false-rejection rate, false rejections recorded automatically,
 *    automatic recording accuracy (right application and kind), and the ATS match rate (mails
 *    from an applicant-tracking system that name the company, recorded or proposed with the
 *    right application first).
 * 2. test/fixtures/mail/labelled/labelled.json: short kind-only mails (a regression check).
 * 3. The EmailAgent sample e-mails in test/fixtures/mail/email-agent.
 *
 * `npm run eval:mail -- --dev` scores the dev set only (for tuning rounds).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { normaliseCompany, normaliseWords } from '../src/core/import/dedupe-key.ts';
import { atsOfHost } from '../src/core/mail/ats.ts';
import { classifyEmail } from '../src/core/mail/classify-email.ts';
import { decideMail } from '../src/core/mail/decide.ts';
import { MAIL_KINDS, type MailKind } from '../src/core/mail/mail-phrases.ts';
import { type MatchableApplication, matchEmailToApplication } from '../src/core/mail/match-email.ts';
import { parseEmail } from '../src/io/mail.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const EVAL = `${root}test/fixtures/mail/eval/`;
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

export interface LabelledMail {
  id: string;
  kind: MailKind;
  /** An application id of board.json, `review` (no single right one) or `none` (not on the board). */
  app: string;
  raw: string;
}

/** Reads a labelled set: blocks starting `### <id> kind=<kind> app=<app>`, each a raw message. */
export function readLabelledSet(text: string): LabelledMail[] {
  const blocks = text.split(/^### /m).slice(1);
  return blocks.map((block) => {
    const newline = block.indexOf('\n');
    const head = block.slice(0, newline).trim();
    const m = /^(\S+) kind=(\S+) app=(\S+)$/.exec(head);
    if (!m || !(MAIL_KINDS as readonly string[]).includes(m[2]!)) throw new Error(`bad label line: ${head}`);
    return { id: m[1]!, kind: m[2] as MailKind, app: m[3]!, raw: `${block.slice(newline + 1).trimEnd()}\n` };
  });
}

export interface SetFigures {
  n: number;
  kindCorrect: number;
  rejections: number;
  rejectionTp: number;
  predictedRejections: number;
  nonRejections: number;
  autoRecorded: number;
  autoRight: number;
  autoFalseRejections: number;
  /** Mails about one application of the board with a kind to record: what could be recorded. */
  recordable: number;
  atsNamed: number;
  atsRightFirst: number;
  mistakes: string[];
}

/** Classifies, matches and decides every mail of a set; counts what the targets are about. */
export async function scoreSet(mails: LabelledMail[], board: MatchableApplication[]): Promise<SetFigures> {
  const f: SetFigures = {
    n: mails.length,
    kindCorrect: 0,
    rejections: 0,
    rejectionTp: 0,
    predictedRejections: 0,
    nonRejections: 0,
    autoRecorded: 0,
    autoRight: 0,
    autoFalseRejections: 0,
    recordable: 0,
    atsNamed: 0,
    atsRightFirst: 0,
    mistakes: [],
  };
  for (const mail of mails) {
    const email = await parseEmail(mail.raw);
    const c = classifyEmail(email);
    const match = c.kind === 'other' ? null : matchEmailToApplication(email, board);
    const decision = decideMail(c, match);
    if (c.kind === mail.kind) f.kindCorrect++;
    else
      f.mistakes.push(
        `  ✗ ${mail.id}: expected ${mail.kind}, got ${c.kind} ${c.confidence} [${c.evidence.join('; ')}]`,
      );
    if (mail.kind === 'rejection') f.rejections++;
    else f.nonRejections++;
    if (c.kind === 'rejection') f.predictedRejections++;
    if (c.kind === 'rejection' && mail.kind === 'rejection') f.rejectionTp++;
    if (decision.status === 'apply') {
      f.autoRecorded++;
      const right = match?.applicationId === mail.app && c.kind === mail.kind;
      if (right) f.autoRight++;
      else
        f.mistakes.push(
          `  ✗ ${mail.id}: recorded ${c.kind} on ${match?.applicationId} (expected ${mail.kind} on ${mail.app}) [${match?.reasons.join('; ')}]`,
        );
      if (c.kind === 'rejection' && mail.kind !== 'rejection') f.autoFalseRejections++;
    }
    if (mail.kind !== 'other' && board.some((a) => a.id === mail.app)) f.recordable++;
    const host = email.from?.address.split('@')[1] ?? '';
    const app = board.find((a) => a.id === mail.app);
    if (app && mail.kind !== 'other' && atsOfHost(host)) {
      const said = ` ${normaliseWords(`${email.from?.name ?? ''} ${email.subject} ${email.text}`)} `;
      if (said.includes(` ${normaliseCompany(app.company)} `)) {
        f.atsNamed++;
        if (match?.applicationId === mail.app) f.atsRightFirst++;
        else
          f.mistakes.push(
            `  ✗ ${mail.id}: ATS mail naming ${app.company} matched ${match?.applicationId ?? 'nothing'} ${match?.score ?? ''} [${match?.reasons.join('; ') ?? ''}]`,
          );
      }
    }
  }
  return f;
}

const pct = (a: number, b: number) => (b === 0 ? '   -' : `${((a / b) * 100).toFixed(1)}% (${a}/${b})`);

function printFigures(title: string, f: SetFigures, showMistakes: boolean): void {
  console.log(`\n## ${title} (${f.n} mails)`);
  console.log(`kind accuracy            ${pct(f.kindCorrect, f.n)}`);
  console.log(`rejection recall         ${pct(f.rejectionTp, f.rejections)}`);
  console.log(`rejection precision      ${pct(f.rejectionTp, f.predictedRejections)}`);
  console.log(`false rejections         ${pct(f.predictedRejections - f.rejectionTp, f.nonRejections)}`);
  console.log(`  … recorded by itself   ${f.autoFalseRejections}`);
  console.log(`automatic records right  ${pct(f.autoRight, f.autoRecorded)}`);
  console.log(`recorded by itself       ${pct(f.autoRecorded, f.recordable)} of mails about one application`);
  console.log(`ATS mails naming the company, right application first  ${pct(f.atsRightFirst, f.atsNamed)}`);
  if (showMistakes) for (const m of f.mistakes) console.log(m);
  else console.log('(held-out: mistakes are not printed, so nobody tunes to them)');
}

interface KindOnly {
  id: string;
  kind: MailKind;
  subject: string;
  from: string;
  text: string;
}

async function kindOnlySets(): Promise<void> {
  const labelled = JSON.parse(readFileSync(`${root}test/fixtures/mail/labelled/labelled.json`, 'utf8'))
    .messages as KindOnly[];
  const wrong = labelled.map((m) => ({ m, c: classifyEmail(m) })).filter(({ m, c }) => c.kind !== m.kind);
  console.log(
    `\n## short kind-only mails (labelled.json): ${labelled.length - wrong.length}/${labelled.length} right`,
  );
  for (const { m, c } of wrong)
    console.log(`  ✗ ${m.id}: expected ${m.kind}, got ${c.kind} [${c.evidence.join('; ')}]`);
  if (!existsSync(SHARED)) return;
  const files = readdirSync(SHARED).filter((f) => f.endsWith('.eml'));
  let right = 0;
  for (const file of files) {
    const c = classifyEmail(await parseEmail(readFileSync(SHARED + file)));
    if (c.kind === (SHARED_LABELS[file] ?? 'other')) right++;
    else console.log(`  ✗ ${file}: expected ${SHARED_LABELS[file]}, got ${c.kind}`);
  }
  console.log(`## EmailAgent samples: ${right}/${files.length} right`);
}

async function main(): Promise<void> {
  const board = JSON.parse(readFileSync(`${EVAL}board.json`, 'utf8')).applications as MatchableApplication[];
  const dev = readLabelledSet(readFileSync(`${EVAL}dev.txt`, 'utf8'));
  const heldout = readLabelledSet(readFileSync(`${EVAL}heldout.txt`, 'utf8'));
  printFigures('dev (tuned on)', await scoreSet(dev, board), true);
  // `--dev`: while tuning, leave the held-out set unscored (not even its figures are shown).
  if (!process.argv.includes('--dev'))
    printFigures('held-out (never tuned on)', await scoreSet(heldout, board), false);
  await kindOnlySets();
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main();
