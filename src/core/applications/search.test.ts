import { describe, expect, it } from 'vitest';
import { containsPattern, parseSearch, searchDocument } from './search.ts';

describe('searchDocument', () => {
  it('holds company, role, notes, timeline notes, contact names and the job description', () => {
    const text = searchDocument({
      company: 'Acme',
      role: 'Engineer',
      location: null,
      notes: 'ask about Kafka',
      jobDescription: 'We use Postgres',
      noteTexts: ['called Priya'],
      contactNames: ['Dana Reyes'],
    });
    for (const part of ['Acme', 'Engineer', 'Kafka', 'Postgres', 'Priya', 'Dana Reyes'])
      expect(text).toContain(part);
  });
});

describe('parseSearch', () => {
  it('splits words and keeps punctuated pieces to match as written', () => {
    expect(parseSearch('R_D  lab')).toEqual({ words: ['r', 'd', 'lab'], literals: ['r_d'] });
    expect(parseSearch('100%')).toEqual({ words: ['100'], literals: ['100%'] });
    expect(parseSearch('Café')).toEqual({ words: ['cafe'], literals: [] });
    expect(parseSearch('%')).toEqual({ words: [], literals: ['%'] });
  });
});

describe('containsPattern', () => {
  it('escapes LIKE wildcards', () => {
    expect(containsPattern('r_d')).toBe('%r\\_d%');
    expect(containsPattern('100%')).toBe('%100\\%%');
  });
});
