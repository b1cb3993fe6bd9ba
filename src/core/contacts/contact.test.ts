import { describe, expect, it } from 'vitest';
import { ReboundError } from '../errors.ts';
import { validateContact } from './contact.ts';

function errorOf(fn: () => unknown): ReboundError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ReboundError) return error;
    throw error;
  }
  throw new Error('expected a ReboundError');
}

describe('validateContact', () => {
  it('tidies a valid contact and adds https:// to a bare LinkedIn address', () => {
    expect(
      validateContact({
        id: 'c1',
        name: '  Lee Chen ',
        linkedinUrl: 'www.linkedin.com/in/leechen',
        role: '',
        notes: ' ran round 2 ',
      }),
    ).toEqual({
      id: 'c1',
      name: 'Lee Chen',
      role: null,
      company: null,
      email: null,
      linkedinUrl: 'https://www.linkedin.com/in/leechen',
      phone: null,
      notes: 'ran round 2',
    });
  });

  it('requires a name', () => {
    const e = errorOf(() => validateContact({ id: 'c1', name: ' ', email: 'a@b.co' }));
    expect(e.code).toBe('invalid_input');
    expect(e.message).toBe('name: required');
  });

  it('requires a way to reach them and says which fields would do', () => {
    const e = errorOf(() => validateContact({ id: 'c1', name: 'Lee' }));
    expect(e.details).toEqual([
      { path: 'email', message: 'add an email, a LinkedIn URL or a phone number so you can reach them' },
    ]);
  });

  it('accepts a phone number alone', () => {
    expect(validateContact({ id: 'c1', name: 'Lee', phone: '+44 20 7946 0018' }).phone).toBe(
      '+44 20 7946 0018',
    );
  });

  it('names the field whose shape is wrong', () => {
    expect(errorOf(() => validateContact({ id: 'c1', name: 'Lee', email: 'lee@' })).message).toMatch(
      /^email: "lee@"/,
    );
    expect(
      errorOf(() => validateContact({ id: 'c1', name: 'Lee', email: 'lee at x.com' })).details[0]?.path,
    ).toBe('email');
    expect(
      errorOf(() => validateContact({ id: 'c1', name: 'Lee', linkedinUrl: 'https://example.com/in/lee' }))
        .message,
    ).toBe('linkedinUrl: expected a linkedin.com address');
    expect(
      errorOf(() => validateContact({ id: 'c1', name: 'Lee', linkedinUrl: 'https://linkedin.com' }))
        .details[0]?.path,
    ).toBe('linkedinUrl');
    expect(
      errorOf(() => validateContact({ id: 'c1', name: 'Lee', linkedinUrl: 'ftp://linkedin.com/in/x' }))
        .message,
    ).toMatch(/https/);
    expect(errorOf(() => validateContact({ id: 'c1', name: 'Lee', phone: 'call me' })).details[0]?.path).toBe(
      'phone',
    );
  });

  it('does not let a bad email count as a way to reach them when another is valid', () => {
    const e = errorOf(() => validateContact({ id: 'c1', name: 'Lee', email: 'nope', phone: '555 0100 22' }));
    expect(e.details.map((d) => d.path)).toEqual(['email']);
  });
});
