import { resumeImportSchema, resumeSkillSchema, SKILL_LIMITS } from '../../core/skills/input.ts';
import {
  resumeSkillsChangeSchema,
  resumeVersionListSchema,
  resumeWithTextSchema,
} from '../../core/skills/schemas.ts';
import {
  presentResume,
  presentResumeVersion,
  presentResumeWithText,
} from '../../services/skills/presenters.ts';
import {
  currentResume,
  importResume,
  listResumeVersions,
  resumeTextExtraction,
  setResumeSkill,
} from '../../services/skills/resume.ts';
import type { App, RouteDeps } from '../deps.ts';
import { created, ok } from './openapi.ts';

/** The resume profile: its versions, importing one, and changing a skill's level. */
export function resumeRoutes(app: App, deps: RouteDeps): void {
  const tags = ['resume'];
  app.get(
    '/api/v1/resume',
    {
      schema: {
        tags,
        summary: 'The current resume version, its skills, and the text it was read from with skill spans',
        response: ok(resumeWithTextSchema),
      },
    },
    async () => {
      const ctx = deps.context();
      const version = await currentResume(ctx);
      return presentResumeWithText(version, await resumeTextExtraction(ctx, version));
    },
  );

  app.get(
    '/api/v1/resume/versions',
    {
      schema: { tags, summary: 'Every resume version, newest first', response: ok(resumeVersionListSchema) },
    },
    async () => ({
      items: (await listResumeVersions(deps.context())).map(presentResumeVersion),
    }),
  );

  app.post(
    '/api/v1/resume/import',
    {
      // The file travels as base64 (4/3 of its size) inside JSON: room for an 8 MB file.
      bodyLimit: Math.ceil((SKILL_LIMITS.fileBytes * 4) / 3) + 64 * 1024,
      schema: {
        tags,
        summary:
          'Import a resume as pasted text or a .txt/.md/.pdf/.docx file in base64: a new version, with the text read and its skill spans',
        body: resumeImportSchema,
        response: created(resumeWithTextSchema),
      },
    },
    async (request, reply) => {
      const ctx = deps.context();
      const version = await importResume(ctx, request.body);
      return reply.status(201).send(presentResumeWithText(version, await resumeTextExtraction(ctx, version)));
    },
  );

  app.post(
    '/api/v1/resume/skills',
    {
      schema: {
        tags,
        summary: 'Add a skill with a level, change its level, or remove it: a new version',
        body: resumeSkillSchema,
        response: { ...ok(resumeSkillsChangeSchema), 201: resumeSkillsChangeSchema },
      },
    },
    async (request, reply) => {
      const { version, changed } = await setResumeSkill(deps.context(), request.body);
      return reply.status(changed ? 201 : 200).send({ ...presentResume(version), changed });
    },
  );
}
