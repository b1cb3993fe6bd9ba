/**
 * Skill gaps: which skills keep showing up in the jobs that did not work out, weighed by how far
 * each application got and how recent it is, and set against the jobs that moved forward. A gap
 * is a next step to consider, not a judgement: the list only names what the data points at.
 */
import type { Outcome, Stage } from '../applications/application.ts';
import { STAGES } from '../applications/application.ts';
import { daysBetween, isIsoDate } from '../dates.ts';
import { skillKey } from './vocabulary.ts';

export interface GapApplication {
  id: string;
  company: string;
  role: string;
  outcome: Outcome | null;
  furthestStage: Stage;
  closedOn: string | null;
  appliedOn: string | null;
  skills: string[];
}

export interface SkillGap {
  skill: string;
  /** Weighted evidence: higher means more, later-stage and more recent closed jobs asked for it. */
  score: number;
  /** How many closed applications asked for it. */
  closedCount: number;
  /** How many applications that reached interviewing or beyond (and were not turned down) asked for it. */
  forwardCount: number;
  /** The closed applications behind this gap, most recent first. */
  applicationIds: string[];
}

/** Days after which an application's weight halves. */
export const GAP_HALF_LIFE_DAYS = 60;

/** A later stage means the skill was more likely weighed by a person, so it counts more. */
const STAGE_WEIGHT: Record<Stage, number> = {
  saved: 0,
  applied: 1,
  screening: 1.5,
  interviewing: 2.5,
  offer: 3,
  accepted: 3,
};

/** How strongly an ending speaks about fit; the user's own choices say nothing about skills. */
const OUTCOME_WEIGHT: Record<Outcome, number> = { rejected: 1, ghosted: 0.5, withdrawn: 0, declined: 0 };

/** How much a skill that also appears in forward-moving jobs is discounted. */
const FORWARD_DISCOUNT = 0.5;

function recency(app: GapApplication, today: string): number {
  const date = app.closedOn ?? app.appliedOn;
  if (date === null || !isIsoDate(date)) return 0.5;
  const age = Math.max(0, daysBetween(date, today));
  return 0.5 ** (age / GAP_HALF_LIFE_DAYS);
}

function movedForward(app: GapApplication): boolean {
  return STAGES.indexOf(app.furthestStage) >= STAGES.indexOf('interviewing') && app.outcome !== 'rejected';
}

/**
 * Ranks skills the resume does not show by how often they appear in applications that closed
 * with a rejection or no reply, weighted by stage reached and recency (half-life 60 days), minus
 * half the same weight from applications that moved forward. Each gap lists its application ids.
 */
export function rankSkillGaps(apps: GapApplication[], resumeSkills: string[], today: string): SkillGap[] {
  const shown = new Set(resumeSkills.map(skillKey));
  const gaps = new Map<string, SkillGap & { ages: number[]; forwardWeight: number; closedWeight: number }>();
  const entry = (name: string) => {
    const k = skillKey(name);
    let g = gaps.get(k);
    if (!g) {
      g = {
        skill: name,
        score: 0,
        closedCount: 0,
        forwardCount: 0,
        applicationIds: [],
        ages: [],
        forwardWeight: 0,
        closedWeight: 0,
      };
      gaps.set(k, g);
    }
    return g;
  };
  for (const app of apps) {
    const skills = [...new Set(app.skills.filter((s) => !shown.has(skillKey(s))))];
    if (skills.length === 0) continue;
    const w = recency(app, today);
    if (app.outcome !== null && OUTCOME_WEIGHT[app.outcome] > 0 && STAGE_WEIGHT[app.furthestStage] > 0) {
      const weight = w * STAGE_WEIGHT[app.furthestStage] * OUTCOME_WEIGHT[app.outcome];
      const date = app.closedOn ?? app.appliedOn ?? '';
      for (const s of skills) {
        const g = entry(s);
        g.closedWeight += weight;
        g.closedCount++;
        g.applicationIds.push(app.id);
        g.ages.push(date ? -Number(date.replaceAll('-', '')) : 0);
      }
    } else if (movedForward(app)) {
      for (const s of skills) {
        const g = entry(s);
        g.forwardWeight += w * STAGE_WEIGHT[app.furthestStage];
        g.forwardCount++;
      }
    }
  }
  const ranked: SkillGap[] = [];
  for (const g of gaps.values()) {
    const score = g.closedWeight - FORWARD_DISCOUNT * g.forwardWeight;
    if (g.closedCount === 0 || score <= 0) continue;
    const order = g.applicationIds.map((id, i) => ({ id, age: g.ages[i]! })).sort((a, b) => a.age - b.age);
    ranked.push({
      skill: g.skill,
      score: Math.round(score * 1000) / 1000,
      closedCount: g.closedCount,
      forwardCount: g.forwardCount,
      applicationIds: order.map((o) => o.id),
    });
  }
  return ranked.sort(
    (a, b) => b.score - a.score || b.closedCount - a.closedCount || a.skill.localeCompare(b.skill),
  );
}
