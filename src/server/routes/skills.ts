import { z } from 'zod';
import { ReboundError } from '../../core/errors.ts';
import {
  customSkillSchema,
  extractInputSchema,
  extractionResponseSchema,
  gapsQuerySchema,
  infoInterviewCreateSchema,
  infoInterviewUpdateSchema,
  PLAN_STATUSES,
  pathsQuerySchema,
  planItemCreateSchema,
  planItemUpdateSchema,
  resumeImportSchema,
  resumeSkillSchema,
  SKILL_LIMITS,
  scoreInputSchema,
} from '../../core/skills/input.ts';
import {
  applicationSkillsSchema,
  customSkillListSchema,
  customSkillViewSchema,
  gapReportSchema,
  infoInterviewListSchema,
  infoInterviewSchema,
  jobSkillsReportSchema,
  pathsSchema,
  planItemChangeSchema,
  planItemListSchema,
  resumeSkillsChangeSchema,
  resumeVersionListSchema,
  resumeWithTextSchema,
  sentResumeSchema,
} from '../../core/skills/schemas.ts';
import { getApplicationOrThrow, updateApplication } from '../../services/applications.ts';
import { addCustomSkill, deleteCustomSkill, listCustomSkills } from '../../services/skills/custom-skills.ts';
import { extractFromText } from '../../services/skills/extract.ts';
import { otherPaths, skillGaps } from '../../services/skills/gaps.ts';
import {
  createInfoInterview,
  deleteInfoInterview,
  getInfoInterviewOrThrow,
  listInfoInterviews,
  updateInfoInterview,
} from '../../services/skills/info-interviews.ts';
import { createPlanItem, listPlanItems, updatePlanItem } from '../../services/skills/learning-plan.ts';
import {
  presentCustomSkill,
  presentInfoInterview,
  presentJobExtraction,
  presentPlanItem,
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
import { applicationSkills, scoreJobDescription } from '../../services/skills/tailoring.ts';
import type { App, RouteDeps } from '../deps.ts';
import { errorResponses } from './openapi.ts';

const idParams = z.object({ id: z.string().min(1).max(100) });
const ok = <T extends z.ZodType>(schema: T) => ({ 200: schema, ...errorResponses });
const created = <T extends z.ZodType>(schema: T) => ({ 201: schema, ...errorResponses });

/** The skills loop: extraction, the resume profile, tailoring scores, gaps, the learning plan, other paths. */
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

  resumeRoutes(app, deps);
  planRoutes(app, deps);
  pathRoutes(app, deps);
}

function resumeRoutes(app: App, deps: RouteDeps): void {
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

function planRoutes(app: App, deps: RouteDeps): void {
  const tags = ['learning plan'];
  app.get(
    '/api/v1/learning-plan',
    {
      schema: {
        tags,
        summary: 'The learning plan',
        querystring: z.object({ status: z.enum(PLAN_STATUSES).optional() }),
        response: ok(planItemListSchema),
      },
    },
    async (request) => ({
      items: (await listPlanItems(deps.context(), request.query.status)).map(presentPlanItem),
    }),
  );

  app.post(
    '/api/v1/learning-plan',
    {
      schema: {
        tags,
        summary: 'Plan to learn a skill (a course, certification, project or workshop)',
        body: planItemCreateSchema,
        response: created(planItemChangeSchema),
      },
    },
    async (request, reply) => {
      const { item, completion } = await createPlanItem(deps.context(), request.body);
      return reply.status(201).send({ ...presentPlanItem(item), completion });
    },
  );

  app.patch(
    '/api/v1/learning-plan/:id',
    {
      schema: {
        tags,
        summary:
          'Update progress; status "done" adds the skill to the resume, adds a task, and re-scores open applications',
        params: idParams,
        body: planItemUpdateSchema,
        response: ok(planItemChangeSchema),
      },
    },
    async (request) => {
      const { item, completion } = await updatePlanItem(deps.context(), request.params.id, request.body);
      return { ...presentPlanItem(item), completion };
    },
  );
}

function pathRoutes(app: App, deps: RouteDeps): void {
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

  const tags = ['informational interviews'];
  const base = '/api/v1/informational-interviews';
  app.get(
    base,
    {
      schema: {
        tags,
        summary: 'Informational interviews, newest first',
        response: ok(infoInterviewListSchema),
      },
    },
    async () => ({
      items: (await listInfoInterviews(deps.context())).map(presentInfoInterview),
    }),
  );
  app.post(
    base,
    {
      schema: {
        tags,
        summary: 'Record an informational interview',
        body: infoInterviewCreateSchema,
        response: created(infoInterviewSchema),
      },
    },
    async (request, reply) =>
      reply.status(201).send(presentInfoInterview(await createInfoInterview(deps.context(), request.body))),
  );
  app.get(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: 'One informational interview',
        params: idParams,
        response: ok(infoInterviewSchema),
      },
    },
    async (request) => presentInfoInterview(await getInfoInterviewOrThrow(deps.context(), request.params.id)),
  );
  app.patch(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: 'Edit an informational interview',
        params: idParams,
        body: infoInterviewUpdateSchema,
        response: ok(infoInterviewSchema),
      },
    },
    async (request) =>
      presentInfoInterview(await updateInfoInterview(deps.context(), request.params.id, request.body)),
  );
  app.delete(
    `${base}/:id`,
    {
      schema: {
        tags,
        summary: 'Delete an informational interview',
        params: idParams,
        response: { 204: z.null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await deleteInfoInterview(deps.context(), request.params.id);
      return reply.status(204).send(null);
    },
  );
}
