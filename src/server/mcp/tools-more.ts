import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { z } from 'zod';
import { timeLogInputSchema } from '../../core/channels/input.ts';
import { timeLogSchema } from '../../core/channels/schemas.ts';
import { contactListSchema } from '../../core/contacts/schemas.ts';
import { ReboundError } from '../../core/errors.ts';
import { insightsQuerySchema } from '../../core/insights/input.ts';
import { insightsSchema } from '../../core/insights/schemas.ts';
import { parseTemplate, renderTemplate } from '../../core/recovery/render-template.ts';
import { feedbackRequestSchema } from '../../core/recovery/schemas.ts';
import { THANK_YOU_TEMPLATE } from '../../core/recovery/templates.ts';
import { contactsByCompany, peopleAt } from '../../core/referrals/people.ts';
import { gapsQuerySchema } from '../../core/skills/input.ts';
import { gapReportSchema } from '../../core/skills/schemas.ts';
import { FIRST_SCREEN_ITEMS, firstScreen } from '../../core/today/build-today.ts';
import { todayViewSchema } from '../../core/today/schemas.ts';
import { getApplicationOrThrow } from '../../services/applications.ts';
import { getContactOrThrow, listContacts } from '../../services/contacts/contacts.ts';
import { presentContact } from '../../services/contacts/presenters.ts';
import { addTimeLog, getInsights, presentInsights, presentTimeLog } from '../../services/insights/index.ts';
import { listFeedbackRequests } from '../../services/recovery/feedback.ts';
import { presentFeedbackRequest } from '../../services/recovery/presenters.ts';
import { loadKnownContacts } from '../../services/referrals/people.ts';
import { getSettings } from '../../services/settings.ts';
import { skillGaps } from '../../services/skills/gaps.ts';
import { presentToday } from '../../services/today/presenters.ts';
import { getToday } from '../../services/today/today.ts';
import { answer, idArg, type McpEnv, run } from './env.ts';

const READ = { readOnlyHint: true, destructiveHint: false, openWorldHint: false } as const;
const WRITE = {
  readOnlyHint: false,
  destructiveHint: false,
  idempotentHint: false,
  openWorldHint: false,
} as const;

/** A thank-you note to one person, in the words the web app suggests (or the user's own, kept). */
export const thankYouDraftSchema = z.object({
  contactId: z.string(),
  to: z.string().nullable(),
  toName: z.string(),
  subject: z.string(),
  body: z.string(),
  /** The words are the user's own, kept from an edit in the web app. */
  edited: z.boolean(),
});

/** Today, insights, skill gaps, drafts, time logs and contacts. */
export function registerMoreTools(server: McpServer, env: McpEnv): void {
  server.registerTool(
    'today',
    {
      title: 'Today',
      description:
        'What is due now: overdue, today, the next seven days and held items (each with how to complete it), the plan for today, the pause if one is on, and applications gone quiet. Reads only.',
      inputSchema: {},
      annotations: READ,
    },
    () =>
      run(async () =>
        answer(todayViewSchema, presentToday(firstScreen(await getToday(env.ctx), FIRST_SCREEN_ITEMS))),
      ),
  );

  server.registerTool(
    'insights',
    {
      title: 'Insights',
      description:
        'The funnel, where rejections happen, channel yields, findings and the recent comparison, optionally for a period (from, to), channel, role or tag. Reads only.',
      inputSchema: insightsQuerySchema,
      annotations: READ,
    },
    (query) => run(async () => answer(insightsSchema, presentInsights(await getInsights(env.ctx, query)))),
  );

  server.registerTool(
    'skill_gaps',
    {
      title: 'Skill gaps',
      description:
        'The skills the jobs you apply to ask for that your resume profile lacks or holds at a lower level, most asked first. Reads only.',
      inputSchema: gapsQuerySchema,
      annotations: READ,
    },
    (query) => run(async () => answer(gapReportSchema, await skillGaps(env.ctx, query))),
  );

  server.registerTool(
    'draft_feedback_request',
    {
      title: 'Draft a feedback request',
      description:
        'The feedback request drafted when a rejection was recorded for this application: subject, body, recipient, the questions asked and a mailto: link. Reads only: nothing is sent; the user sends it.',
      inputSchema: { applicationId: idArg },
      annotations: READ,
    },
    ({ applicationId }) =>
      run(async () => {
        await getApplicationOrThrow(env.ctx, applicationId);
        const requests = await listFeedbackRequests(env.ctx, applicationId);
        const latest = requests.at(-1);
        if (!latest) {
          throw new ReboundError(
            'not_found',
            'applicationId: this application has no feedback request; record a rejection first (record_rejection).',
            [{ path: 'applicationId', message: 'no feedback request' }],
          );
        }
        return answer(feedbackRequestSchema, presentFeedbackRequest(latest));
      }),
  );

  server.registerTool(
    'draft_thank_you',
    {
      title: 'Draft a thank-you note',
      description:
        'A thank-you note to one contact (your own words if you kept some, else the suggested ones), for the process at the given application when there is one. Reads only: nothing is sent or saved.',
      inputSchema: { contactId: idArg, applicationId: idArg.optional() },
      annotations: READ,
    },
    ({ contactId, applicationId }) =>
      run(async () => {
        const contact = await getContactOrThrow(env.ctx, contactId);
        const app = applicationId ? await getApplicationOrThrow(env.ctx, applicationId) : null;
        const settings = await getSettings(env.ctx);
        const own = contact.drafts.thank_you;
        const vars = {
          contactName: contact.name.split(' ')[0] ?? contact.name,
          company: app?.company ?? contact.company,
          role: app?.role ?? null,
          userName: settings.userName,
        };
        const template = parseTemplate(own ?? THANK_YOU_TEMPLATE);
        return answer(thankYouDraftSchema, {
          contactId: contact.id,
          to: contact.email,
          toName: contact.name,
          subject: own ? (template.subject ?? '') : renderTemplate(template.subject ?? '', vars).text,
          body: own ? template.body : renderTemplate(template.body, vars).text,
          edited: own !== undefined,
        });
      }),
  );

  server.registerTool(
    'log_time',
    {
      title: 'Log time spent',
      description:
        'Adds one time log: minutes spent on a channel (or learning) on a day (default today), with an optional note. Returns the new log.',
      inputSchema: timeLogInputSchema,
      annotations: WRITE,
    },
    (input) => run(async () => answer(timeLogSchema, presentTimeLog(await addTimeLog(env.ctx, input)))),
  );

  server.registerTool(
    'list_contacts',
    {
      title: 'List contacts',
      description: 'Your contacts, or only those linked to one application. Reads only.',
      inputSchema: { applicationId: idArg.optional() },
      annotations: READ,
    },
    (filter) =>
      run(async () =>
        answer(contactListSchema, { items: (await listContacts(env.ctx, filter)).map(presentContact) }),
      ),
  );

  server.registerTool(
    'people_at_company',
    {
      title: 'People you know at a company',
      description:
        'Your contacts at a company, matched by the same company-name rules as "people you know here" (Acme Inc. matches ACME). Reads only.',
      inputSchema: { company: z.string().trim().min(1).max(200) },
      annotations: READ,
    },
    ({ company }) =>
      run(async () => {
        const known = peopleAt(company, contactsByCompany(await loadKnownContacts(env.ctx)));
        const ids = new Set(known.map((k) => k.id));
        const contacts = (await listContacts(env.ctx)).filter((c) => ids.has(c.id));
        return answer(contactListSchema, { items: contacts.map(presentContact) });
      }),
  );
}
