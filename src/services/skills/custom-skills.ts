import { ReboundError } from '../../core/errors.ts';
import type { CustomSkillInput } from '../../core/skills/input.ts';
import { validateCustomSkill } from '../../core/skills/vocabulary.ts';
import { matcherFor } from '../../io/skills-vocabulary.ts';
import * as repo from '../../store/skills-repository.ts';
import { newId, nowIso, type ServiceContext } from '../context.ts';

export type { CustomSkillRecord } from '../../store/skills-repository.ts';

export async function listCustomSkills(ctx: ServiceContext): Promise<repo.CustomSkillRecord[]> {
  return repo.listCustomSkills(ctx.db, ctx.workspaceId);
}

/**
 * Adds a skill of the user's own (or aliases to a known one). The whole set is checked by building
 * its matcher first: an alias that already means another skill, shipped or custom, is refused with
 * `conflict` naming that skill, and nothing is saved. Adding to a custom skill of the same name
 * merges the aliases.
 */
export async function addCustomSkill(
  ctx: ServiceContext,
  input: CustomSkillInput,
): Promise<repo.CustomSkillRecord> {
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await repo.listCustomSkills(trx, ctx.workspaceId);
    const checked = validateCustomSkill(
      { version: 1, skills: [] },
      {
        name: input.name,
        category: input.category ?? undefined,
        aliases: input.aliases,
      },
    );
    const same = existing.find((c) => c.name.toLowerCase() === checked.name.toLowerCase());
    const now = nowIso(ctx);
    const record: repo.CustomSkillRecord = same
      ? {
          ...same,
          category: input.category ?? same.category,
          aliases: [...new Set([...same.aliases, ...(checked.aliases ?? [])])],
          updatedAt: now,
        }
      : {
          id: newId(),
          name: checked.name,
          category: input.category ?? null,
          aliases: checked.aliases ?? [],
          createdAt: now,
          updatedAt: now,
        };
    const next = same ? existing.map((c) => (c.id === same.id ? record : c)) : [...existing, record];
    // Throws `conflict` ("alias "JS" already means JavaScript") before anything is written.
    matcherFor(next.map((c) => ({ name: c.name, category: c.category ?? undefined, aliases: c.aliases })));
    if (same) await repo.updateCustomSkill(trx, ctx.workspaceId, record);
    else await repo.insertCustomSkills(trx, ctx.workspaceId, [record]);
    return record;
  });
}

export async function deleteCustomSkill(ctx: ServiceContext, id: string): Promise<void> {
  if (!(await repo.deleteCustomSkill(ctx.db, ctx.workspaceId, id))) {
    throw new ReboundError('custom_skill_not_found', `No custom skill with id ${id}.`, [
      { path: 'id', message: 'not found' },
    ]);
  }
}
