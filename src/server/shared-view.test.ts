import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { neverShared } from '../core/accounts/scopes.ts';
import { journalEntrySchema, rejectionSchema } from '../core/recovery/schemas.ts';
import { mayHoldPrivate, PrivateShapeError, sharedView } from './shared-view.ts';

// The one step every response to a coach passes through: what is registered as never shared is
// removed wherever the response's schema puts it.
const secret = z.object({ text: z.string() });
neverShared.add(secret, { what: 'a test secret' });

describe('sharedView', () => {
  it('drops private list items, leaves out optional fields, nulls nullable ones', () => {
    const schema = z.object({
      name: z.string(),
      list: z.array(z.union([secret, z.object({ other: z.number() })])),
      maybe: secret.optional(),
      orNull: secret.nullable(),
      nested: z.record(z.string(), z.array(secret)),
    });
    const data = {
      name: 'Sam',
      list: [{ text: 'hidden' }, { other: 1 }],
      maybe: { text: 'hidden' },
      orNull: { text: 'hidden' },
      nested: { a: [{ text: 'hidden' }] },
    };
    expect(sharedView(schema, data)).toEqual({
      name: 'Sam',
      list: [{ other: 1 }],
      orNull: null,
      nested: { a: [] },
    });
    expect(data.maybe).toEqual({ text: 'hidden' }); // the presenter's value is not changed
  });

  it('refuses a response whose private part cannot be removed', () => {
    expect(() => sharedView(z.object({ must: secret }), { must: { text: 'x' } })).toThrow(PrivateShapeError);
    expect(() => sharedView(secret, { text: 'x' })).toThrow(PrivateShapeError);
  });

  it('knows which shapes can hold the journal', () => {
    expect(mayHoldPrivate(rejectionSchema)).toBe(true);
    expect(mayHoldPrivate(journalEntrySchema)).toBe(true);
    expect(mayHoldPrivate(z.object({ a: z.array(z.string()) }))).toBe(false);
  });
});
