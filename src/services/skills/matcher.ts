import { createHash } from 'node:crypto';
import type { SkillMatcher } from '../../core/skills/matcher.ts';
import type { WeightedJobSkill } from '../../core/skills/sections.ts';
import { extractJobSkills } from '../../core/skills/sections.ts';
import { matcherFor } from '../../io/skills-vocabulary.ts';
import { listCustomSkills } from '../../store/skills-repository.ts';
import type { ServiceContext } from '../context.ts';

export interface WorkspaceMatcher {
  matcher: SkillMatcher;
  /** Changes whenever the workspace's custom skills change; part of every cache key. */
  key: string;
}

/** The skill matcher of a workspace: the shipped vocabulary plus the workspace's own skills. */
export async function workspaceMatcher(
  ctx: Pick<ServiceContext, 'db' | 'workspaceId'>,
): Promise<WorkspaceMatcher> {
  const custom = await listCustomSkills(ctx.db, ctx.workspaceId);
  return matcherFor(
    custom.map((c) => ({ name: c.name, category: c.category ?? undefined, aliases: c.aliases })),
  );
}

const MAX_CACHED = 5_000;
const jobSkillCache = new Map<string, WeightedJobSkill[]>();

/**
 * The weighted skills of a job description, computed once per text and matcher: the cache key is
 * a hash of the text, so an edited description is read again and an unchanged one is not.
 */
export function jobSkillsOf(wm: WorkspaceMatcher, text: string): WeightedJobSkill[] {
  const key = `${createHash('sha1').update(wm.key).update('\u0000').update(text).digest('base64')}`;
  const hit = jobSkillCache.get(key);
  if (hit) return hit;
  const skills = extractJobSkills(wm.matcher, text);
  if (jobSkillCache.size >= MAX_CACHED) jobSkillCache.clear();
  jobSkillCache.set(key, skills);
  return skills;
}
