import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, startChildServer } from '../support/child-server.ts';

// biome-ignore lint/suspicious/noExplicitAny: tests read structured results field by field
type Json = any;

// Issue 17: a desktop agent runs `rebound mcp` and talks MCP over stdin/stdout. The SDK's own
// client spawns the compiled CLI; a real `rebound serve` on the same file shows the changes.
describe('rebound mcp (stdio)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rebound-mcp-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('adds, moves and rejects an application, reads Today and insights; the REST API sees it all', async () => {
    const db = join(dir, 'agent.db');
    const transport = new StdioClientTransport({
      command: process.execPath,
      args: [BIN, 'mcp', '--db', db],
      stderr: 'pipe',
    });
    const client = new Client({ name: 'rebound-test', version: '1.0.0' });
    await client.connect(transport);
    const call = async (name: string, args: Record<string, unknown> = {}): Promise<Json> => {
      const result = await client.callTool({ name, arguments: args });
      if (result.isError) throw new Error(`${name}: ${JSON.stringify(result.content)}`);
      return result.structuredContent;
    };
    let server: Awaited<ReturnType<typeof startChildServer>> | undefined;
    try {
      const { tools } = await client.listTools();
      expect(tools.find((t) => t.name === 'today')?.annotations?.readOnlyHint).toBe(true);
      expect(tools.find((t) => t.name === 'record_rejection')?.annotations?.readOnlyHint).toBe(false);

      const added = await call('add_application', {
        company: 'Acme',
        role: 'Data Analyst',
        stage: 'applied',
      });
      expect((await call('move_stage', { id: added.id, stage: 'interviewing' })).stage).toBe('interviewing');
      const rejection = await call('record_rejection', {
        applicationId: added.id,
        reasonGiven: 'Chose someone else',
      });
      expect(rejection.applicationId).toBe(added.id);
      const today = await call('today');
      expect(today.coolingOff).toBe(true);
      const insights = await call('insights');
      expect(insights.funnel).toBeDefined();
      expect((await call('search_applications', { status: 'closed' })).items.map((a: Json) => a.id)).toEqual([
        added.id,
      ]);

      server = await startChildServer(db);
      const rest = (await (await fetch(`${server.url}/api/v1/applications/${added.id}`)).json()) as Json;
      expect(rest.stage).toBe('interviewing');
      expect(rest.outcome).toBe('rejected');
      expect(rest.events.map((e: Json) => e.type)).toEqual(['created', 'stage_changed', 'outcome_set']);
    } finally {
      await client.close();
      await server?.stop();
    }
  });
});
