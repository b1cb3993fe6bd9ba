import { ReboundError } from '../../core/errors.ts';
import { extractSkills, type SkillExtraction } from '../../core/skills/extract.ts';
import type { ResumeImportInput, ResumeSkillInput } from '../../core/skills/input.ts';
import { findSkillName, skillCategory } from '../../core/skills/matcher.ts';
import {
  profileFromImport,
  type ResumeSkill,
  readResumeSkills,
  resumeLabel,
  withoutSkill,
  withSkill,
} from '../../core/skills/resume-profile.ts';
import { CUSTOM_CATEGORY } from '../../core/skills/vocabulary.ts';
import type { ResumeVersionReason, ResumeVersionRecord } from '../../store/skills-repository.ts';
import * as repo from '../../store/skills-repository.ts';
import { lockWorkspace } from '../../store/workspace-repository.ts';
import { newId, nowIso, type ServiceContext } from '../context.ts';
import { assertTextSize, readTextFile } from './extract.ts';
import { type WorkspaceMatcher, workspaceMatcher } from './matcher.ts';

export type { ResumeVersionRecord } from '../../store/skills-repository.ts';

/** The current resume version, or undefined before the first one. */
export async function currentResume(
  ctx: Pick<ServiceContext, 'db' | 'workspaceId'>,
): Promise<ResumeVersionRecord | undefined> {
  return repo.findLatestResumeVersion(ctx.db, ctx.workspaceId);
}

/**
 * The text a resume version was read from, with the skills found in it and where they are (for
 * highlighting). Null when the version has no text (skills added by hand before any import).
 */
export async function resumeTextExtraction(
  ctx: ServiceContext,
  version: ResumeVersionRecord | undefined,
): Promise<{ text: string; extraction: SkillExtraction } | null> {
  if (!version?.text) return null;
  const { matcher } = await workspaceMatcher(ctx);
  return { text: version.text, extraction: extractSkills(matcher, version.text) };
}

export async function listResumeVersions(ctx: ServiceContext): Promise<ResumeVersionRecord[]> {
  return repo.listResumeVersions(ctx.db, ctx.workspaceId);
}

/**
 * Writes the next resume version in the caller's transaction. Used by imports, manual edits and
 * finished learning-plan items, so every change is one more numbered version.
 */
export async function writeResumeVersion(
  trx: ServiceContext['db'],
  ctx: ServiceContext,
  change: {
    reason: ResumeVersionReason;
    skills: ResumeSkill[];
    filename?: string | null;
    text?: string | null;
  },
  previous: ResumeVersionRecord | undefined,
): Promise<ResumeVersionRecord> {
  const number = (previous?.number ?? 0) + 1;
  const version: ResumeVersionRecord = {
    id: newId(),
    number,
    label: resumeLabel(number),
    reason: change.reason,
    filename: change.filename !== undefined ? change.filename : (previous?.filename ?? null),
    text: change.text !== undefined ? change.text : (previous?.text ?? null),
    skills: change.skills,
    createdAt: nowIso(ctx),
  };
  await repo.insertResumeVersions(trx, ctx.workspaceId, [version]);
  return version;
}

/**
 * Imports a resume (pasted text, or a .txt/.md/.pdf/.docx file in base64) as a new version: the
 * skills found in it, plus the ones added by hand or learned before, with their levels kept.
 */
export async function importResume(
  ctx: ServiceContext,
  input: ResumeImportInput,
): Promise<ResumeVersionRecord> {
  let text: string;
  let filename: string | null = null;
  if ('text' in input) {
    assertTextSize(input.text);
    text = input.text;
  } else {
    filename = input.filename;
    text = await readTextFile(Buffer.from(input.contentBase64, 'base64'), input.filename);
  }
  return importResumeText(ctx, text, filename);
}

/** Imports resume text already read (the CLI reads files itself). */
export async function importResumeText(
  ctx: ServiceContext,
  text: string,
  filename: string | null,
): Promise<ResumeVersionRecord> {
  assertTextSize(text);
  const { matcher } = await workspaceMatcher(ctx);
  const found = extractSkills(matcher, text).skills;
  return ctx.db.transaction().execute(async (trx) => {
    await lockWorkspace(trx, ctx.workspaceId);
    const previous = await repo.findLatestResumeVersion(trx, ctx.workspaceId);
    const skills = profileFromImport(previous?.skills ?? [], readResumeSkills(text, found));
    return writeResumeVersion(trx, ctx, { reason: 'import', skills, filename, text }, previous);
  });
}

/** The canonical name and category of a skill the person typed ("k8s" → Kubernetes, tools). */
export function resolveSkill(wm: WorkspaceMatcher, typed: string): { name: string; category: string } {
  const name = findSkillName(wm.matcher, typed) ?? typed.trim();
  return { name, category: skillCategory(wm.matcher, name) ?? CUSTOM_CATEGORY };
}

/**
 * Adds a skill to the profile, changes its level, or removes it; each change is a new version.
 * Returns the current version unchanged when nothing changes.
 */
export async function setResumeSkill(
  ctx: ServiceContext,
  input: ResumeSkillInput,
): Promise<{ version: ResumeVersionRecord; changed: boolean }> {
  const wm = await workspaceMatcher(ctx);
  const { name, category } = resolveSkill(wm, input.name);
  return ctx.db.transaction().execute(async (trx) => {
    await lockWorkspace(trx, ctx.workspaceId);
    const previous = await repo.findLatestResumeVersion(trx, ctx.workspaceId);
    const before = previous?.skills ?? [];
    const result = input.remove
      ? withoutSkill(before, name)
      : withSkill(before, { name, category, level: input.level, source: 'manual' });
    if (input.remove && !result.changed) {
      throw new ReboundError('invalid_input', `${name} is not on your resume profile`, [
        { path: 'name', message: 'not on the profile' },
      ]);
    }
    if (!result.changed && previous) return { version: previous, changed: false };
    return {
      version: await writeResumeVersion(trx, ctx, { reason: 'manual', skills: result.skills }, previous),
      changed: true,
    };
  });
}
