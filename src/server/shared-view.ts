import type { FastifyInstance } from 'fastify';
import type { z } from 'zod';
import { neverShared } from '../core/accounts/scopes.ts';
import { currentScope } from './auth.ts';

/**
 * The shared view: every response a hosted server sends to a coach reading a seeker's workspace
 * passes through `sharedView` on its way out (a preSerialization hook), so no route can forget
 * it. It walks the response alongside the route's declared response schema and removes whatever
 * is registered in `neverShared` (the journal and its moods, the writing after a no): an element
 * of a list is dropped, an optional field left out, a nullable one sent as null. A private shape
 * in a place it cannot be removed from refuses the whole response (500) rather than send it.
 */

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  options?: z.ZodType[];
  in?: z.ZodType;
  getter?: () => z.ZodType;
  valueType?: z.ZodType;
  items?: z.ZodType[];
  rest?: z.ZodType | null;
  left?: z.ZodType;
  right?: z.ZodType;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** The schemas directly inside `schema` (for a lazy one, what it stands for). */
function children(schema: z.ZodType): z.ZodType[] {
  const def = defOf(schema);
  switch (def.type) {
    case 'object':
      return Object.values(def.shape ?? {});
    case 'array':
      return [def.element!];
    case 'record':
      return [def.valueType!];
    case 'tuple':
      return [...(def.items ?? []), ...(def.rest ? [def.rest] : [])];
    case 'union':
      return def.options ?? [];
    case 'intersection':
      return [def.left!, def.right!];
    case 'pipe':
      return [def.in!];
    case 'lazy':
      return [def.getter!()];
    default:
      return def.innerType ? [def.innerType] : [];
  }
}

const holdsPrivate = new WeakMap<z.ZodType, boolean>();

/** True when a never-shared shape can appear anywhere inside `schema` (memoised; cycles end false). */
export function mayHoldPrivate(schema: z.ZodType): boolean {
  const known = holdsPrivate.get(schema);
  if (known !== undefined) return known;
  holdsPrivate.set(schema, false);
  const result = neverShared.has(schema) || children(schema).some(mayHoldPrivate);
  holdsPrivate.set(schema, result);
  return result;
}

const REMOVE = Symbol('remove');

export class PrivateShapeError extends Error {
  constructor(where: string) {
    super(`A never-shared shape at ${where || '(body)'} cannot be removed from a shared response.`);
    this.name = 'PrivateShapeError';
  }
}

/** `value` as `schema` shows it to a coach: REMOVE when the value itself is never shared. */
function strip(schema: z.ZodType, value: unknown, path: string): unknown {
  if (neverShared.has(schema)) return REMOVE;
  if (value === null || value === undefined || !mayHoldPrivate(schema)) return value;
  const def = defOf(schema);
  switch (def.type) {
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value)) return value;
      const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
      for (const [key, field] of Object.entries(def.shape ?? {})) {
        if (!(key in out)) continue;
        const shown = strip(field, out[key], `${path}.${key}`);
        if (shown !== REMOVE) out[key] = shown;
        else if (field.safeParse(undefined).success) delete out[key];
        else if (field.safeParse(null).success) out[key] = null;
        else throw new PrivateShapeError(`${path}.${key}`);
      }
      return out;
    }
    case 'array':
      if (!Array.isArray(value)) return value;
      return value.map((item, i) => strip(def.element!, item, `${path}[${i}]`)).filter((v) => v !== REMOVE);
    case 'record': {
      if (typeof value !== 'object') return value;
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
        const shown = strip(def.valueType!, item, `${path}.${key}`);
        if (shown !== REMOVE) out[key] = shown;
      }
      return out;
    }
    case 'tuple':
      if (!Array.isArray(value)) return value;
      return value.map((item, i) => {
        const shown = strip((def.items ?? [])[i] ?? def.rest!, item, `${path}[${i}]`);
        if (shown === REMOVE) throw new PrivateShapeError(`${path}[${i}]`);
        return shown;
      });
    case 'union': {
      // The option the value is; a private option makes the whole value private.
      const option = (def.options ?? []).find((o) => o.safeParse(value).success);
      return option ? strip(option, value, path) : value;
    }
    case 'intersection':
      return strip(def.right!, strip(def.left!, value, path), path);
    default: {
      const [inner] = children(schema);
      return inner ? strip(inner, value, path) : value;
    }
  }
}

/** The response as a coach may see it: `data` without anything registered in `neverShared`. */
export function sharedView(schema: z.ZodType | undefined, data: unknown): unknown {
  if (!schema || typeof (schema as z.ZodType).safeParse !== 'function') return data;
  const shown = strip(schema, data, '');
  if (shown === REMOVE) throw new PrivateShapeError('');
  return shown;
}

/**
 * `data` as the current caller may see it: the shared view for a coach, as it is for the owner.
 * For text a route derives from its data (the weekly review's Markdown), which the hook below
 * cannot read: derive it from what this returns.
 */
export function shownToCaller<T>(schema: z.ZodType, data: T): T {
  return currentScope()?.access.kind === 'shared' ? (sharedView(schema, data) as T) : data;
}

/**
 * Sends every response to a caller reading someone else's workspace through `sharedView`. Fastify
 * skips this hook for a string or a buffer: a shared route that answers text (the review as
 * Markdown) renders it from `shownToCaller`.
 */
export function registerSharedView(app: FastifyInstance): void {
  app.addHook('preSerialization', async (request, reply, payload) => {
    if (request.reboundScope?.access.kind !== 'shared') return payload;
    const schemas = request.routeOptions.schema?.response as Record<string, z.ZodType> | undefined;
    const schema = schemas?.[reply.statusCode];
    // A success with no declared shape cannot be checked, so it is not sent.
    if (!schema && reply.statusCode < 300) throw new PrivateShapeError('(undeclared response)');
    return sharedView(schema, payload);
  });
}
