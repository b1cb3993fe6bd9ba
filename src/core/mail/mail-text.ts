/**
 * Gets a job e-mail's own sentences out of its text before any phrase is matched: quoted-printable
 * left in the text decoded, hard line wraps joined, and what is not the sender's message for this
 * candidate cut away (quoted replies, signatures, job-alert and "powered by" footers). A phrase
 * split by a wrap ("will not be\nmoving forward") then reads whole, and a footer's "job alerts"
 * or "interview tips" no longer outweighs the sentences above it.
 */

const QP_SOFT_BREAK = /=\r?\n/g;
const QP_BYTES = /(?:=[0-9A-F]{2})+/g;
const utf8 = new TextDecoder('utf-8', { fatal: false });

/** Quoted-printable left in a text body (`we=E2=80=99ve`, a line ending in `=`) decoded. */
export function decodeLeftoverQuotedPrintable(text: string): string {
  if (!/=\r?\n|=(?:E2|C2|C3|20|3D)/.test(text)) return text;
  return text.replace(QP_SOFT_BREAK, '').replace(QP_BYTES, (run) => {
    const bytes = new Uint8Array(run.length / 3);
    for (let i = 0; i < bytes.length; i++) bytes[i] = Number.parseInt(run.slice(i * 3 + 1, i * 3 + 3), 16);
    return utf8.decode(bytes);
  });
}

/** Where a quoted earlier message starts ("On … wrote:", "-----Original Message-----", "From: … Sent:"). */
const QUOTE_START =
  /^\s*(?:on .{4,200}\n?.{0,100}wrote:|-{2,} ?original message ?-{2,}|from: .+\n(?:sent|date): )/im;
/** A signature separator ("-- ") or a phone's sign-off. */
const SIGNATURE_START = /^(?:-- ?|sent from my \w+.*)$/im;
/** A line that only separates (dashes, underscores, equals signs, stars). */
const RULE_LINE = /^\s*[-_=*~]{4,}\s*$/;
/** Words of a footer: mail about the mailing, not about the candidate. */
const FOOTER_WORDS =
  /\b(?:unsubscribe|job alerts?|new jobs?|jobs? (?:you may|that match|for you)|top jobs|powered by|sent via|privacy (?:policy|notice)|manage (?:your|job|candidate|email)|update (?:your )?preferences|you(?:'re| are) (?:receiving|subscribed)|do not reply|automated message|interview tips|career advice|apply now|easy apply|see more jobs|find more jobs)\b/;

/** Joins the lines of each paragraph: a sender's wrap at 72 columns is not a sentence break. */
export function unfoldLines(text: string): string {
  return text
    .split(/\n[ \t]*\n/)
    .map((para) => para.replace(/[ \t]*\n[ \t]*/g, ' '))
    .join('\n\n');
}

/**
 * The sender's own message: leftover quoted-printable decoded, quoted replies, signature and
 * footers cut, lines of each paragraph joined. A footer is a paragraph with footer words at the
 * end of the mail, or everything after a rule line that has them.
 */
export function ownMessage(text: string): string {
  let t = decodeLeftoverQuotedPrintable(text.replace(/\r\n?/g, '\n'));
  const quote = t.search(QUOTE_START);
  if (quote > 0) t = t.slice(0, quote);
  const signature = t.search(SIGNATURE_START);
  if (signature > 0) t = t.slice(0, signature);
  const lines = t.split('\n').filter((line) => !line.trimStart().startsWith('>'));
  // Everything after a rule line goes when it reads like a footer.
  for (let i = 0; i < lines.length; i++) {
    if (
      RULE_LINE.test(lines[i]!) &&
      FOOTER_WORDS.test(
        lines
          .slice(i + 1)
          .join(' ')
          .toLowerCase(),
      )
    ) {
      lines.length = i;
      break;
    }
  }
  const paras = lines.join('\n').split(/\n[ \t]*\n/);
  // Trailing paragraphs that are footers go too (keeping at least the first paragraph).
  while (paras.length > 1 && FOOTER_WORDS.test(paras[paras.length - 1]!.toLowerCase())) paras.pop();
  // A list of other jobs ("Top jobs you may be interested in", "Data Analyst - Acme - Apply now") ends the message.
  const listAt = paras.findIndex(
    (p, i) => i > 0 && /^(?:top jobs|jobs you may|recommended jobs|see more jobs)/i.test(p.trim()),
  );
  if (listAt > 0) paras.length = listAt;
  return unfoldLines(paras.join('\n\n'));
}
