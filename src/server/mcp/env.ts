import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js';
import { type ZodType, z } from 'zod';
import { localDate } from '../../core/dates.ts';
import { ReboundError } from '../../core/errors.ts';
import type { ServiceContext } from '../../services/context.ts';
import type { PresentContext } from '../../services/presenters.ts';
import { getSettings } from '../../services/settings.ts';

/**
 * What the MCP tools act on: one workspace's service context and the presenters' "today". Fixed
 * for one connection (stdio) or one request (Streamable HTTP), so nothing depends on where the
 * call came from.
 */
export interface McpEnv {
  ctx: ServiceContext;
  /** The presenters' "today", read from the clock at each call (a stdio connection lasts for days). */
  present(): PresentContext;
}

/** The environment for a workspace, read from its settings (time zone, ghosting threshold). */
export async function mcpEnvFor(base: ServiceContext): Promise<McpEnv> {
  const settings = await getSettings(base);
  const ctx = { ...base, timeZone: settings.timeZone };
  return {
    ctx,
    present: () => ({
      today: localDate(ctx.clock.now(), ctx.timeZone),
      ghostAfterDays: settings.ghostAfterDays,
    }),
  };
}

/**
 * A tool's answer: checked against the same response schema the REST API declares (a mismatch is
 * our bug and fails loudly), returned as structured content and as JSON text for clients that
 * read only text.
 */
export function answer(schema: ZodType, data: unknown): CallToolResult {
  const checked = schema.safeParse(data);
  if (!checked.success) {
    throw new Error(`Rebound's answer does not match its schema: ${z.prettifyError(checked.error)}`);
  }
  return {
    content: [{ type: 'text', text: JSON.stringify(data, null, 2) }],
    structuredContent: data as Record<string, unknown>,
  };
}

/** A refused call, said as the REST API says it (code and the field at fault), marked as an error. */
export function refusal(error: unknown): CallToolResult {
  let text: string;
  if (error instanceof ReboundError) {
    const details = error.details.map((d) => `${d.path}: ${d.message}`).join('; ');
    text = `${error.code}: ${error.message}${details && !error.message.includes(details) ? ` (${details})` : ''}`;
  } else if (error instanceof z.ZodError) {
    text = `invalid_input: ${error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ')}`;
  } else {
    throw error;
  }
  return { isError: true, content: [{ type: 'text', text }] };
}

/** Runs a tool body, turning refusals (bad input, not found, conflicts) into error results. */
export async function run(body: () => Promise<CallToolResult>): Promise<CallToolResult> {
  try {
    return await body();
  } catch (error) {
    return refusal(error);
  }
}

/** An id argument, as the REST routes take it in the path. */
export const idArg = z.string().min(1).max(100);
