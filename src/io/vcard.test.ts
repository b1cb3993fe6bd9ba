import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { Contact } from '../core/contacts/contact.ts';
import { buildVcards, escapeVcardText, foldLine } from './vcard.ts';

const maya: Contact = {
  id: 'c1',
  name: 'Maya Okafor',
  role: 'Design lead, Platform; Growth',
  company: 'Brightside; Sons, Ltd',
  email: 'maya@brightside.example',
  linkedinUrl: 'https://www.linkedin.com/in/maya-okafor',
  phone: '+1 555 0100',
  notes: 'Ran the portfolio review.\nSuggested I show more research.',
};
const zoe: Contact = {
  id: 'c2',
  name: 'Zoë',
  role: null,
  company: null,
  email: null,
  linkedinUrl: null,
  phone: '+44 20 7946 0018',
  notes: `Long note ${'éèê '.repeat(40)}`,
};

function parseCards(text: string) {
  const parsed = ICAL.parse(text);
  const list = (Array.isArray(parsed[0]) ? parsed : [parsed]) as unknown[][];
  return list.map((jcard) => new ICAL.Component(jcard));
}

describe('buildVcards', () => {
  const text = buildVcards([maya, zoe]);

  it('writes vCard 4.0 cards with CRLF line ends', () => {
    expect(text.match(/BEGIN:VCARD\r\nVERSION:4\.0\r\n/g)).toHaveLength(2);
    expect(text).not.toMatch(/[^\r]\n/);
    expect(text.endsWith('END:VCARD\r\n')).toBe(true);
  });

  it('is read back by ical.js with commas, semicolons and newlines intact', () => {
    const [a, b] = parseCards(text);
    expect(a?.getFirstPropertyValue('fn')).toBe('Maya Okafor');
    expect(a?.getFirstPropertyValue('title')).toBe('Design lead, Platform; Growth');
    expect(a?.getFirstPropertyValue('note')).toBe(maya.notes);
    expect(a?.getFirstPropertyValue('email')).toBe('maya@brightside.example');
    expect(a?.getFirstPropertyValue('url')).toBe('https://www.linkedin.com/in/maya-okafor');
    expect(a?.getFirstPropertyValue('tel')).toBe('+1 555 0100');
    expect(a?.getFirstProperty('org')?.toJSON().slice(3)).toEqual(['Brightside; Sons, Ltd']);
    expect(a?.getFirstPropertyValue('n')).toEqual(['Okafor', 'Maya', '', '', '']);
    expect(b?.getFirstPropertyValue('fn')).toBe('Zoë');
    expect(b?.getFirstPropertyValue('note')).toBe(zoe.notes);
    expect(b?.getFirstProperty('email')).toBeNull();
  });

  it('escapes text as RFC 6350 asks', () => {
    expect(escapeVcardText('a,b;c\\d\ne')).toBe('a\\,b;c\\\\d\\ne');
    expect(escapeVcardText('a,b;c', true)).toBe('a\\,b\\;c');
    expect(text).toContain('TITLE:Design lead\\, Platform; Growth');
    expect(text).toContain('ORG:Brightside\\; Sons\\, Ltd');
  });

  it('folds long lines at 75 octets without splitting a character', () => {
    const encoder = new TextEncoder();
    for (const line of text.split('\r\n')) expect(encoder.encode(line).length).toBeLessThanOrEqual(75);
    const folded = foldLine(`NOTE:${'é'.repeat(100)}`);
    expect(folded.replace(/\r\n /g, '')).toBe(`NOTE:${'é'.repeat(100)}`);
  });

  it('gives an empty file for no contacts', () => {
    expect(buildVcards([])).toBe('');
  });
});
