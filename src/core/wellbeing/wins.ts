import { type ApplicationEvent, stageIndex } from '../applications/application.ts';
import { undoneEventIds } from '../applications/history.ts';
import { type PersonWords, personWords, type Reader } from '../reader.ts';
import type { Activity } from './activity.ts';
import type { GoalProgress } from './goals.ts';

/** `manual` is a win the user wrote down themselves. */
export const WIN_KINDS = [
  'offer',
  'interview',
  'reply',
  'feedback',
  'learning',
  'goal_met',
  'manual',
] as const;
export type WinKind = (typeof WIN_KINDS)[number];

export interface Win {
  on: string;
  kind: WinKind;
  text: string;
  applicationId?: string;
}

export interface WinsInput extends Omit<Activity, 'applications'> {
  /** The role tells two applications at one company apart ("Acme (Designer)"). */
  applications?: readonly {
    id: string;
    company?: string;
    role?: string;
    events: readonly ApplicationEvent[];
  }[];
  /** Feedback the user received (from an email, a call, a rejection note). */
  feedback?: readonly { on: string; applicationId?: string; company?: string; role?: string }[];
  /** Goal results of finished weeks; a met goal is a win dated the week's Sunday. */
  goalWeeks?: readonly { weekEnd: string; progress: readonly GoalProgress[] }[];
  /** Who reads the wins: the seeker (the default), or a coach ("their application got through"). */
  reader?: Reader;
}

const SCREENING = stageIndex('screening');
const INTERVIEWING = stageIndex('interviewing');
const OFFER = stageIndex('offer');

/** "Acme (Designer)", "Acme", or nothing when the company is not known. */
function whereText(company: string | undefined, role: string | undefined): string | undefined {
  if (!company) return undefined;
  return role ? `${company} (${role})` : company;
}

function appWins(app: NonNullable<WinsInput['applications']>[number], w: PersonWords): Win[] {
  const where = whereText(app.company, app.role);
  const at = where ? ` from ${where}` : '';
  const with_ = where ? ` with ${where}` : '';
  const undone = app.events.some((e) => e.type === 'undo') ? undoneEventIds(app.events) : null;
  const wins: Win[] = [];
  for (const e of app.events) {
    if (undone?.has(e.id)) continue;
    let win: Omit<Win, 'on' | 'applicationId'> | null = null;
    if (e.type === 'stage_changed') {
      const to = stageIndex(e.data.to);
      const from = stageIndex(e.data.from);
      if (to <= from) continue;
      if (to >= OFFER && from < OFFER) win = { kind: 'offer', text: `An offer${at}. That is a big one.` };
      else if (to >= INTERVIEWING && from < INTERVIEWING)
        win = { kind: 'interview', text: `Interview landed${with_}: ${w.their} application got through.` };
      else if (to >= SCREENING && from < SCREENING)
        win = { kind: 'reply', text: `A reply${at}: ${w.they} are in the conversation.` };
    } else if (e.type === 'round_added') {
      win = { kind: 'interview', text: `Interview round ${e.data.number} set up${with_}.` };
    } else if (e.type === 'response') {
      win = { kind: 'reply', text: `A reply${at}.` };
    }
    if (win) wins.push({ ...win, on: e.occurredOn, applicationId: app.id });
  }
  return wins;
}

/**
 * Small wins between `since` and `until` (inclusive): replies, interviews, offers, feedback
 * received, courses finished, weekly goals met. A long search is mostly waiting; these are the
 * steps forward worth noticing. One win per kind per application per day.
 */
export function detectWins(input: WinsInput, since: string, until = '9999-12-31'): Win[] {
  const inRange = (on: string) => on >= since && on <= until;
  const all: Win[] = [];
  const w = personWords(input.reader);
  for (const app of input.applications ?? []) all.push(...appWins(app, w));
  for (const f of input.feedback ?? []) {
    const where = whereText(f.company, f.role);
    all.push({
      on: f.on,
      kind: 'feedback',
      text: `Feedback received${where ? ` from ${where}` : ''}: real information ${w.they} can use.`,
      ...(f.applicationId ? { applicationId: f.applicationId } : {}),
    });
  }
  for (const l of input.learning ?? []) {
    if (l.finished)
      all.push({
        on: l.on,
        kind: 'learning',
        text: l.title ? `Finished “${l.title}”.` : 'Finished a course.',
      });
  }
  for (const w of input.goalWeeks ?? []) {
    for (const g of w.progress) {
      if (!g.met) continue;
      // A one-week step is named by its words ("One mock interview"); its unit is only a count.
      const text = g.step ? `Step done: ${g.title}.` : `Weekly goal met: ${g.done} ${g.unit}.`;
      all.push({ on: w.weekEnd, kind: 'goal_met', text });
    }
  }
  const seen = new Set<string>();
  return all
    .filter((w) => inRange(w.on))
    .sort((a, b) =>
      a.on === b.on ? WIN_KINDS.indexOf(a.kind) - WIN_KINDS.indexOf(b.kind) : a.on < b.on ? -1 : 1,
    )
    .filter((w) => {
      const key = `${w.on}|${w.kind}|${w.applicationId ?? w.text}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}
