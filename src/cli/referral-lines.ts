import type { PersonYouKnow, ResponseWaitView } from '../core/referrals/schemas.ts';

/** The lines `rebound show` prints about waiting and the people the user knows at the company. */
export function referralLines(
  id: string,
  wait: ResponseWaitView | undefined,
  people: readonly PersonYouKnow[] | undefined,
): string[] {
  const lines: string[] = [];
  if (wait?.quiet) lines.push(wait.quiet.text);
  if (wait?.notice)
    lines.push(`${wait.notice.pastNotice ? 'Past your notice rule: ' : ''}${wait.notice.text}`);
  if (people && people.length > 0) {
    lines.push('People you know here:');
    for (const p of people) {
      const role = p.role ? ` · ${p.role}` : '';
      const conn = p.connection ? ' · connection' : '';
      lines.push(`  ${p.name}${role}${conn} · ${p.askState}  [contact ${p.contactId}]`);
    }
    lines.push(`Draft a referral ask: rebound referrals draft ${id} CONTACT_ID`);
  }
  return lines;
}
