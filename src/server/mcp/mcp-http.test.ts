import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { databases } from '../../../test/support/databases.ts';
import { call, signUp } from '../../../test/support/hosted.ts';
import { startTestServer, type TestServer } from '../../../test/support/server.ts';
import { writeInstanceSetting } from '../../store/accounts-repository.ts';

const NOW = new Date('2026-11-20T10:00:00Z');

async function connect(url: string, token?: string): Promise<Client> {
  const client = new Client({ name: 'rebound-test', version: '1.0.0' });
  const transport = new StreamableHTTPClientTransport(new URL(`${url}/mcp`), {
    requestInit: token ? { headers: { authorization: `Bearer ${token}` } } : {},
  });
  await client.connect(transport);
  return client;
}

// biome-ignore lint/suspicious/noExplicitAny: tests read structured results field by field
type Json = any;
async function tool(client: Client, name: string, args: Record<string, unknown> = {}): Promise<Json> {
  const result = await client.callTool({ name, arguments: args });
  if (result.isError) throw new Error(`${name}: ${JSON.stringify(result.content)}`);
  return result.structuredContent;
}

const READ_TOOLS = [
  'search_applications',
  'get_application',
  'today',
  'insights',
  'skill_gaps',
  'draft_feedback_request',
  'draft_thank_you',
  'list_contacts',
  'people_at_company',
];
const WRITE_TOOLS = [
  'add_application',
  'move_stage',
  'record_rejection',
  'record_outcome',
  'add_note',
  'add_round',
  'log_time',
];

describe.each(databases.map((d) => d.name as 'sqlite' | 'postgres'))(
  'MCP over Streamable HTTP (%s)',
  (database) => {
    describe('local mode', () => {
      let server: TestServer;
      let client: Client;
      beforeAll(async () => {
        server = await startTestServer({ now: NOW, database });
        client = await connect(server.url);
      });
      afterAll(async () => {
        await client?.close();
        await server?.close();
      });

      it('lists every tool, read tools marked read-only and write tools not', async () => {
        const { tools } = await client.listTools();
        const byName = new Map(tools.map((t) => [t.name, t]));
        expect([...byName.keys()].sort()).toEqual([...READ_TOOLS, ...WRITE_TOOLS].sort());
        for (const name of READ_TOOLS) expect(byName.get(name)!.annotations?.readOnlyHint).toBe(true);
        for (const name of WRITE_TOOLS) expect(byName.get(name)!.annotations?.readOnlyHint).toBe(false);
        // The input schema is the API's: add_application requires company and role.
        expect(byName.get('add_application')!.inputSchema.required).toEqual(
          expect.arrayContaining(['company', 'role']),
        );
      });

      it('writes through the tools and the REST API sees each change', async () => {
        const added = await tool(client, 'add_application', {
          company: 'Acme',
          role: 'Data Analyst',
          stage: 'applied',
        });
        expect(added.company).toBe('Acme');
        const id = added.id as string;
        const rest = async () => (await call(server.url, null, `/api/v1/applications/${id}`)).body;
        expect((await rest()).stage).toBe('applied');

        const moved = await tool(client, 'move_stage', { id, stage: 'interviewing' });
        expect(moved.stage).toBe('interviewing');
        expect((await rest()).stage).toBe('interviewing');

        await tool(client, 'add_note', { id, text: 'Asked about SQL window functions' });
        expect(
          (await rest()).events.some(
            (e: Json) => e.type === 'note' && e.data.text === 'Asked about SQL window functions',
          ),
        ).toBe(true);

        const withRound = await tool(client, 'add_round', {
          id,
          kind: 'technical',
          scheduledAt: '2026-11-21',
          startTime: '14:30',
        });
        expect(withRound.rounds).toHaveLength(1);
        expect((await rest()).rounds[0].kind).toBe('technical');

        const rejection = await tool(client, 'record_rejection', {
          applicationId: id,
          reasonGiven: 'Went with someone senior',
        });
        expect(rejection.applicationId).toBe(id);
        expect((await rest()).outcome).toBe('rejected');

        const draft = await tool(client, 'draft_feedback_request', { applicationId: id });
        expect(draft.draft.body.length).toBeGreaterThan(20);

        const second = await tool(client, 'add_application', { company: 'Globex', role: 'Analyst' });
        const ghosted = await tool(client, 'record_outcome', { id: second.id, outcome: 'ghosted' });
        expect(ghosted.outcome).toBe('ghosted');
        expect((await call(server.url, null, `/api/v1/applications/${second.id}`)).body.outcome).toBe(
          'ghosted',
        );

        const log = await tool(client, 'log_time', { channel: 'networking', minutes: 45 });
        expect(log.minutes).toBe(45);
        const week = (await call(server.url, null, '/api/v1/time-logs')).body;
        expect(week.items.map((l: Json) => l.id)).toContain(log.id);
      });

      it('answers each read tool with what the API answers', async () => {
        const list = await tool(client, 'search_applications', { q: 'Acme' });
        expect(list.items.map((a: Json) => a.company)).toEqual(['Acme']);
        const id = list.items[0].id;
        const one = await tool(client, 'get_application', { id });
        const viaRest = (await call(server.url, null, `/api/v1/applications/${id}`)).body;
        expect(one.events).toEqual(viaRest.events);

        const contact = (
          await call(server.url, null, '/api/v1/contacts', {
            method: 'POST',
            body: { name: 'Ada Lovelace', company: 'Acme Inc.', email: 'ada@acme.test' },
          })
        ).body;
        const today = await tool(client, 'today');
        expect(today).toEqual((await call(server.url, null, '/api/v1/today')).body);
        const insights = await tool(client, 'insights');
        expect(insights.funnel).toEqual((await call(server.url, null, '/api/v1/insights')).body.funnel);
        expect(await tool(client, 'skill_gaps')).toEqual(
          (await call(server.url, null, '/api/v1/skills/gaps')).body,
        );
        expect((await tool(client, 'list_contacts')).items.map((c: Json) => c.name)).toEqual([
          'Ada Lovelace',
        ]);
        expect(
          (await tool(client, 'people_at_company', { company: 'ACME' })).items.map((c: Json) => c.id),
        ).toEqual([contact.id]);
        expect((await tool(client, 'people_at_company', { company: 'Initech' })).items).toEqual([]);
        const thanks = await tool(client, 'draft_thank_you', { contactId: contact.id, applicationId: id });
        expect(thanks.body).toContain('Hello Ada');
        expect(thanks.body).toContain('Data Analyst');
        expect(thanks.to).toBe('ada@acme.test');
      });

      it('refuses bad input naming the field, and changes nothing', async () => {
        const before = (await call(server.url, null, '/api/v1/applications')).body.total;
        const bad = await client.callTool({ name: 'add_application', arguments: { company: '', role: 'X' } });
        expect(bad.isError).toBe(true);
        expect(JSON.stringify(bad.content)).toContain('company');
        const missing = await client.callTool({
          name: 'move_stage',
          arguments: { id: 'nope', stage: 'offer' },
        });
        expect(missing.isError).toBe(true);
        expect(JSON.stringify(missing.content)).toMatch(/not_found/);
        expect((await call(server.url, null, '/api/v1/applications')).body.total).toBe(before);
      });

      it('serves the weekly review and an application’s history as resources, and both prompts', async () => {
        const review = await client.readResource({ uri: 'rebound://review/this-week' });
        expect(String((review.contents[0] as Json).text)).toMatch(/week/i);
        const open = await tool(client, 'add_application', { company: 'Initech', role: 'Analyst' });
        const { resources } = await client.listResources();
        expect(resources.map((r) => r.uri)).toContain(`rebound://applications/${open.id}/history`);
        const read = await client.readResource({ uri: `rebound://applications/${open.id}/history` });
        expect(JSON.parse(String((read.contents[0] as Json).text)).items[0].type).toBe('created');
        const { prompts } = await client.listPrompts();
        expect(prompts.map((p) => p.name).sort()).toEqual(['next_week_changes', 'prepare_interview']);
        const prep = await client.getPrompt({ name: 'prepare_interview', arguments: { company: 'Initech' } });
        expect(String((prep.messages[0]!.content as Json).text)).toContain('Initech');
        const next = await client.getPrompt({ name: 'next_week_changes' });
        expect(String((next.messages[0]!.content as Json).text)).toContain('What should I change next week?');
      });

      it('refuses a call from a page on another site', async () => {
        const res = await fetch(`${server.url}/mcp`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            accept: 'application/json, text/event-stream',
            origin: 'https://evil.test',
          },
          body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
        });
        expect(res.status).toBe(403);
      });
    });

    describe('hosted mode', () => {
      let server: TestServer;
      beforeAll(async () => {
        server = await startTestServer({ now: NOW, database, hosted: true });
      });
      afterAll(async () => server?.close());

      it('refuses a call without a token, and with one acts in that user’s workspace only', async () => {
        await expect(connect(server.url)).rejects.toThrow(/401|Sign in/);
        await expect(connect(server.url, 'rbt_not-a-real-token')).rejects.toThrow(/401|not valid/);

        const ana = await signUp(server.url, { email: 'ana@example.test', name: 'Ana' });
        await writeInstanceSetting(server.store.db, 'openSignup', true);
        const ben = await signUp(server.url, { email: 'ben@example.test', name: 'Ben' });
        const { token } = (
          await call(server.url, ana, '/api/v1/tokens', { method: 'POST', body: { name: 'agent' } })
        ).body;
        const client = await connect(server.url, token);
        try {
          const added = await tool(client, 'add_application', { company: 'Acme', role: 'Engineer' });
          await tool(client, 'move_stage', { id: added.id, stage: 'screening' });
          await tool(client, 'record_rejection', { applicationId: added.id });
          expect((await tool(client, 'today')).coolingOff).toBe(true);
          expect((await tool(client, 'insights')).funnel).toBeDefined();
          const anas = (await call(server.url, ana, '/api/v1/applications')).body.items;
          expect(anas.map((a: Json) => [a.company, a.outcome])).toEqual([['Acme', 'rejected']]);
          expect((await call(server.url, ben, '/api/v1/applications')).body.items).toEqual([]);
          // Ben's application is not Ana's to read through her token.
          const bens = (
            await call(server.url, ben, '/api/v1/applications', {
              method: 'POST',
              body: { company: 'Globex', role: 'X' },
            })
          ).body;
          const refused = await client.callTool({ name: 'get_application', arguments: { id: bens.id } });
          expect(refused.isError).toBe(true);
        } finally {
          await client.close();
        }
      });
    });
  },
);
