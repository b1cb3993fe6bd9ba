import {
  type AiEndpointInput,
  type AiFeature,
  aiTextSchema,
  SUGGESTED_ENDPOINTS,
} from '../../core/ai/input.ts';
import { ReboundError } from '../../core/errors.ts';
import { type ChatEndpoint, ChatError, type ChatOptions, chatComplete } from '../../io/chat-completions.ts';
import type { SecretBox } from '../../io/secret-box.ts';
import * as repo from '../../store/ai-repository.ts';
import { newId, type ServiceContext } from '../context.ts';

/** What a client may see of the endpoint: never the key, only whether there is one. */
export interface AiEndpointView {
  configured: boolean;
  baseUrl: string | null;
  model: string | null;
  hasKey: boolean;
}

export interface AiCallLog {
  at: string;
  feature: AiFeature;
  charsSent: number;
  model: string;
  status: 'ok' | 'error' | 'timeout';
}

/** How to turn it on, for a user who asked for a rewrite without an endpoint. */
export const HOW_TO_CONFIGURE = [
  'No model is set up, so nothing was sent. To use your own OpenAI-compatible model:',
  `  rebound ai set --url ${SUGGESTED_ENDPOINTS[0].baseUrl} --model llama3.1   (Ollama, on this machine)`,
  `  rebound ai set --url ${SUGGESTED_ENDPOINTS[1].baseUrl} --model <model>    (LM Studio)`,
  'A hosted endpoint needs a key: add --key-env NAME to read it from that environment variable.',
].join('\n');

const keyContext = (ctx: ServiceContext) => `ai-endpoint:${ctx.workspaceId}`;

export async function getAiEndpoint(ctx: ServiceContext): Promise<AiEndpointView> {
  const e = await repo.getEndpoint(ctx.db, ctx.workspaceId);
  return { configured: !!e, baseUrl: e?.baseUrl ?? null, model: e?.model ?? null, hasKey: !!e?.sealedKey };
}

export async function setAiEndpoint(
  ctx: ServiceContext,
  secrets: SecretBox,
  input: AiEndpointInput,
): Promise<AiEndpointView> {
  const sealedKey = input.apiKey ? secrets.seal(input.apiKey, keyContext(ctx)) : null;
  await repo.saveEndpoint(ctx.db, ctx.workspaceId, {
    baseUrl: input.baseUrl.replace(/\/+$/, ''),
    model: input.model,
    sealedKey,
    updatedAt: ctx.clock.now().toISOString(),
  });
  return getAiEndpoint(ctx);
}

export async function clearAiEndpoint(ctx: ServiceContext): Promise<AiEndpointView> {
  await repo.deleteEndpoint(ctx.db, ctx.workspaceId);
  return getAiEndpoint(ctx);
}

export async function listAiCalls(ctx: ServiceContext): Promise<repo.AiCallRecord[]> {
  return repo.listCalls(ctx.db, ctx.workspaceId);
}

/** The log line of one call, as the CLI prints it. */
export function logLine(log: AiCallLog): string {
  return `Logged: ${log.at} · ${log.feature} · ${log.charsSent} characters sent to ${log.model} · ${log.status}`;
}

/**
 * Sends exactly `text` (what the user saw and perhaps edited) to the user's own model, once, and
 * logs the call locally whatever happens. The answer is a draft returned as text for the user to
 * accept, edit or throw away: nothing in it is acted on, and nothing is saved.
 */
export async function askOwnModel(
  ctx: ServiceContext,
  secrets: SecretBox,
  feature: AiFeature,
  rawText: string,
  options: ChatOptions = {},
): Promise<{ draft: string; log: AiCallLog }> {
  const text = aiTextSchema.parse(rawText);
  const stored = await repo.getEndpoint(ctx.db, ctx.workspaceId);
  if (!stored)
    throw new ReboundError('invalid_input', HOW_TO_CONFIGURE, [{ path: 'ai', message: 'no model set up' }]);
  const endpoint: ChatEndpoint = {
    baseUrl: stored.baseUrl,
    model: stored.model,
    apiKey: stored.sealedKey ? secrets.open(stored.sealedKey, keyContext(ctx)) : null,
  };
  const log: AiCallLog = {
    at: ctx.clock.now().toISOString(),
    feature,
    charsSent: text.length,
    model: stored.model,
    status: 'ok',
  };
  try {
    const draft = await chatComplete(endpoint, [{ role: 'user', content: text }], options);
    return { draft, log };
  } catch (error) {
    log.status = error instanceof ChatError && error.kind === 'timeout' ? 'timeout' : 'error';
    throw error instanceof ChatError ? new ReboundError('fetch_failed', error.message) : error;
  } finally {
    await repo.insertCall(ctx.db, ctx.workspaceId, { id: newId(), ...log, baseUrl: stored.baseUrl });
  }
}
