import type { SkillExtraction } from '../../core/skills/extract.ts';
import type { ExtractionResponse, JobSkill } from '../../core/skills/input.ts';
import { CATEGORY_LABELS } from '../../core/skills/paths.ts';
import type {
  CustomSkillView,
  ExtractedSkill,
  InfoInterview,
  PlanItem,
  Resume,
  ResumeVersion,
  ResumeWithText,
} from '../../core/skills/schemas.ts';
import type { WeightedJobSkill } from '../../core/skills/sections.ts';
import type { InfoInterviewRecord } from '../../store/info-interviews-repository.ts';
import type { PlanItemRecord } from '../../store/learning-plan-repository.ts';
import type { CustomSkillRecord, ResumeVersionRecord } from '../../store/skills-repository.ts';

/** Wire shapes of the skills loop; the API and `--json` both print these. */

export function presentExtraction(extraction: SkillExtraction): { skills: ExtractedSkill[] } {
  return {
    skills: extraction.skills.map((s) => ({
      name: s.name,
      category: s.category,
      spans: s.spans,
      matched: s.matched,
    })),
  };
}

/** One skill of a job text: its kind, whether it is required and why, and the sentence it came from. */
export function presentJobSkill(s: WeightedJobSkill): JobSkill {
  return {
    name: s.name,
    category: s.category,
    categoryLabel: CATEGORY_LABELS[s.category] ?? s.category,
    required: s.required,
    importance: s.importance,
    reason: s.reason,
    sentence: s.sentence,
    spans: s.spans,
    matched: s.matched,
  };
}

export function presentJobExtraction(extraction: { skills: WeightedJobSkill[] }): ExtractionResponse {
  return { skills: extraction.skills.map(presentJobSkill) };
}

export function presentCustomSkill(c: CustomSkillRecord): CustomSkillView {
  return {
    id: c.id,
    name: c.name,
    category: c.category,
    aliases: c.aliases,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

/** The resume profile as people see it: the current version and its skills (empty before the first). */
export function presentResume(version: ResumeVersionRecord | undefined): Resume {
  if (!version)
    return { version: null, number: 0, reason: null, filename: null, createdAt: null, skills: [] };
  return {
    version: version.label,
    number: version.number,
    reason: version.reason,
    filename: version.filename,
    createdAt: version.createdAt,
    skills: version.skills.map((s) => ({
      name: s.name,
      category: s.category,
      level: s.level,
      source: s.source,
    })),
  };
}

/**
 * The resume profile with the text it was read from and the skills found in that text, with
 * character spans (text and extraction are null when there is no text yet).
 */
export function presentResumeWithText(
  version: ResumeVersionRecord | undefined,
  read: { text: string; extraction: SkillExtraction } | null,
): ResumeWithText {
  return {
    ...presentResume(version),
    text: read?.text ?? null,
    extraction: read ? presentExtraction(read.extraction) : null,
  };
}

export function presentResumeVersion(version: ResumeVersionRecord): ResumeVersion {
  return {
    id: version.id,
    label: version.label,
    number: version.number,
    reason: version.reason,
    filename: version.filename,
    skillCount: version.skills.length,
    createdAt: version.createdAt,
  };
}

export function presentPlanItem(p: PlanItemRecord): PlanItem {
  return {
    id: p.id,
    skill: p.skill,
    kind: p.kind,
    link: p.link,
    hours: p.hours,
    targetOn: p.targetOn,
    progress: p.progress,
    status: p.status,
    note: p.note,
    createdAt: p.createdAt,
    updatedAt: p.updatedAt,
    doneAt: p.doneAt,
  };
}

export function presentInfoInterview(i: InfoInterviewRecord): InfoInterview {
  return {
    id: i.id,
    contactId: i.contactId,
    contactName: i.contactName,
    heldOn: i.heldOn,
    company: i.company,
    role: i.role,
    learned: i.learned,
    followUps: i.followUps,
    createdAt: i.createdAt,
    updatedAt: i.updatedAt,
  };
}
