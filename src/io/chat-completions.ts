/**
 * One call to an OpenAI-compatible chat-completions endpoint (Ollama, LM Studio, llama.cpp, a
 * vendor's): the user's own model. The reply is text and only text: nothing in it is ever acted
 * on (no tool calls are offered or followed), and it is cut at a size limit.
 */
export interface ChatEndpoint {
  baseUrl: string;
  model: string;
  apiKey: string | null;
}

export interface ChatOptions {
  /** Ask for a streamed reply (server-sent events) and put it together. */
  stream?: boolean;
  timeoutMs?: number;
  /** Longest reply kept, in characters. */
  maxReplyChars?: number;
}

export class ChatError extends Error {
  constructor(
    message: string,
    readonly kind: 'timeout' | 'error',
  ) {
    super(message);
    this.name = 'ChatError';
  }
}

export const DEFAULT_TIMEOUT_MS = 60_000;
const MAX_REPLY_CHARS = 20_000;

/** The chat-completions URL under a base URL (`http://localhost:11434/v1` → `…/v1/chat/completions`). */
export function completionsUrl(baseUrl: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/chat/completions`;
}

type Message = { role: 'system' | 'user'; content: string };

export async function chatComplete(
  endpoint: ChatEndpoint,
  messages: Message[],
  options: ChatOptions = {},
): Promise<string> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const max = options.maxReplyChars ?? MAX_REPLY_CHARS;
  const signal = AbortSignal.timeout(timeoutMs);
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (endpoint.apiKey) headers.authorization = `Bearer ${endpoint.apiKey}`;
  try {
    const res = await fetch(completionsUrl(endpoint.baseUrl), {
      method: 'POST',
      headers,
      body: JSON.stringify({
        model: endpoint.model,
        messages,
        stream: options.stream ?? false,
        temperature: 0.4,
      }),
      signal,
      redirect: 'error',
    });
    if (!res.ok) {
      const text = (await res.text()).slice(0, 300);
      throw new ChatError(`The model's endpoint answered ${res.status}${text ? `: ${text}` : ''}`, 'error');
    }
    const text = options.stream ? await readStream(res, max) : readJson(await res.text());
    if (!text.trim()) throw new ChatError('The model answered with no text.', 'error');
    return text.slice(0, max);
  } catch (error) {
    if (error instanceof ChatError) throw error;
    if (signal.aborted)
      throw new ChatError(`The model did not answer within ${Math.round(timeoutMs / 1000)} s.`, 'timeout');
    throw new ChatError(
      `Could not reach the model at ${endpoint.baseUrl}: ${(error as Error).message}`,
      'error',
    );
  }
}

function readJson(body: string): string {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw new ChatError(
      'The model’s endpoint did not answer with JSON (is the base URL right? it usually ends in /v1).',
      'error',
    );
  }
  const content = (parsed as { choices?: Array<{ message?: { content?: unknown } }> }).choices?.[0]?.message
    ?.content;
  if (typeof content !== 'string') throw new ChatError('The model’s answer held no message text.', 'error');
  return content;
}

async function readStream(res: Response, max: number): Promise<string> {
  if (!res.body) throw new ChatError('The model’s endpoint sent no body.', 'error');
  const decoder = new TextDecoder();
  let buffer = '';
  let text = '';
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    let newline = buffer.indexOf('\n');
    while (newline >= 0) {
      const line = buffer.slice(0, newline).trim();
      buffer = buffer.slice(newline + 1);
      newline = buffer.indexOf('\n');
      if (!line.startsWith('data:')) continue;
      const data = line.slice(5).trim();
      if (data === '[DONE]') return text;
      try {
        const delta = (JSON.parse(data) as { choices?: Array<{ delta?: { content?: unknown } }> })
          .choices?.[0]?.delta?.content;
        if (typeof delta === 'string') text += delta;
      } catch {
        throw new ChatError('The model’s stream held a line that is not JSON.', 'error');
      }
      if (text.length > max) return text;
    }
  }
  return text;
}
