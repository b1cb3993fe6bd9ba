import { z } from 'zod';
import { ReboundError } from '../../core/errors.ts';
import {
  customSkillSchema,
  extractInputSchema,
  extractionResponseSchema,
  gapsQuerySchema,
  pathsQuerySchema,
  scoreInputSchema,
} from '../../core/skills/input.ts';
import {
  applicationSkillsSchema,
  customSkillListSchema,
  customSkillViewSchema,
  gapReportSchema,
  jobSkillsReportSchema,
  pathsSchema,
  sentResumeSchema,
} from '../../core/skills/schemas.ts';
import { getApplicationOrThrow, updateApplication } from '../../services/applications.ts';
import { addCustomSkill, deleteCustomSkill, listCustomSkills } from '../../services/skills/custom-skills.ts';
import { extractFromText } from '../../services/skills/extract.ts';
import { otherPaths, skillGaps } from '../../services/skills/gaps.ts';
import { presentCustomSkill, presentJobExtraction } from '../../services/skills/presenters.ts';
import { listResumeVersions } from '../../services/skills/resume.ts';
import { applicationSkills, scoreJobDescription } from '../../services/skills/tailoring.ts';
import type { App, RouteDeps } from '../deps.ts';
import { created, errorResponses, idParams, ok } from './openapi.ts';

/**
 * The skills loop: extraction, custom skills, tailoring scores, gaps, other paths. The resume, the
 * learning plan and informational interviews have their own route modules.
 */
export function skillRoutes(app: App, deps: RouteDeps): void {
  const tags = ['skills'];

  app.post(
    '/api/v1/skills/extract',
    {
      schema: {
        tags,
        summary:
          'Find the skills a job text names: category, character spans, the sentence each came from, and whether it is required',
        body: extractInputSchema,
        response: ok(extractionResponseSchema),
      },
    },
    async (request) => presentJobExtraction(await extractFromText(deps.context(), request.body.text)),
  );

  app.post(
    '/api/v1/skills/score',
    {
      schema: {
        tags,
        summary: 'Score a job description against the current resume before saving it',
        body: scoreInputSchema,
        response: ok(jobSkillsReportSchema),
      },
    },
    async (request) => scoreJobDescription(deps.context(), request.body.jobDescription),
  );

  app.get(
    '/api/v1/skills/gaps',
    {
      schema: {
        tags,
        summary:
          'Skills that keep coming up in applications that did not move forward, with the applications behind each',
        querystring: gapsQuerySchema,
        response: ok(gapReportSchema),
      },
    },
    async (request) => skillGaps(deps.context(), request.query),
  );

  app.get(
    '/api/v1/skills/custom',
    { schema: { tags, summary: 'Your own skills and aliases', response: ok(customSkillListSchema) } },
    async () => ({
      items: (await listCustomSkills(deps.context())).map(presentCustomSkill),
    }),
  );

  app.post(
    '/api/v1/skills/custom',
    {
      schema: {
        tags,
        summary: 'Add a skill of your own, or aliases to a known one',
        body: customSkillSchema,
        response: created(customSkillViewSchema),
      },
    },
    async (request, reply) =>
      reply.status(201).send(presentCustomSkill(await addCustomSkill(deps.context(), request.body))),
  );

  app.delete(
    '/api/v1/skills/custom/:id',
    {
      schema: {
        tags,
        summary: 'Remove one of your own skills',
        params: idParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteCustomSkill(deps.context(), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/v1/applications/:id/skills',
    {
      schema: {
        tags,
        summary: 'Tailoring score of one application against the current resume',
        params: idParams,
        response: ok(applicationSkillsSchema),
      },
    },
    async (request) => applicationSkills(deps.context(), request.params.id),
  );

  app.put(
    '/api/v1/applications/:id/resume-version',
    {
      schema: {
        tags,
        summary: 'Remember which resume version was sent (the current one when no label is given)',
        params: idParams,
        body: z.object({ label: z.string().trim().min(1).max(200).optional() }).strict(),
        response: ok(sentResumeSchema),
      },
    },
    async (request) => {
      const ctx = deps.context();
      // The application first: an unknown one is "not found" whatever the label says.
      await getApplicationOrThrow(ctx, request.params.id);
      const versions = await listResumeVersions(ctx);
      const label = request.body.label ?? versions[0]?.label;
      if (!label || !versions.some((v) => v.label === label)) {
        throw new ReboundError(
          'invalid_input',
          label
            ? `label: no resume version called ${label}`
            : 'label: there is no resume version yet; import your resume first',
          [{ path: 'label', message: 'unknown resume version' }],
        );
      }
      const updated = await updateApplication(ctx, request.params.id, { resumeVersion: label });
      return { applicationId: updated.id, resumeVersion: updated.resumeVersion };
    },
  );

  app.get(
    '/api/v1/paths',
    {
      schema: {
        tags: ['paths'],
        summary:
          'Your skills grouped by kind, and roles among your saved jobs that ask mostly for what you have',
        querystring: pathsQuerySchema,
        response: ok(pathsSchema),
      },
    },
    async (request) => otherPaths(deps.context(), request.query),
  );
}
