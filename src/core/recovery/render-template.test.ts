import { describe, expect, it } from 'vitest';
import { parseTemplate, renderTemplate } from './render-template.ts';

describe('renderTemplate', () => {
  it('fills placeholders, allowing spaces inside the braces', () => {
    expect(renderTemplate('Hello {{ name }}, about {{role}}.', { name: 'Priya', role: 'QA lead' })).toEqual({
      text: 'Hello Priya, about QA lead.',
      missing: [],
    });
  });

  it('says "Hello," rather than "Hello undefined," when the name is missing', () => {
    const r = renderTemplate('Hello {{contactName}},\n\nThanks.', {});
    expect(r.text).toBe('Hello,\n\nThanks.');
    expect(r.missing).toEqual(['contactName']);
    expect(r.text).not.toMatch(/undefined|null|\{\{/);
  });

  it('treats null, empty and blank values as missing', () => {
    const r = renderTemplate('A {{a}} B {{b}} C {{c}}.', { a: null, b: '', c: '  ' });
    expect(r.text).toBe('A B C.');
    expect(r.missing).toEqual(['a', 'b', 'c']);
  });

  it('uses the fallback words when given, and still reports the missing value', () => {
    const r = renderTemplate('I enjoyed {{topic|our talk}}.', {});
    expect(r.text).toBe('I enjoyed our talk.');
    expect(r.missing).toEqual(['topic']);
    expect(renderTemplate('I enjoyed {{topic|our talk}}.', { topic: 'the demo' }).text).toBe(
      'I enjoyed the demo.',
    );
  });

  it('drops a line made only of missing values and collapses the gap it leaves', () => {
    const r = renderTemplate('Best wishes,\n{{userName}}', {});
    expect(r.text).toBe('Best wishes,');
    expect(renderTemplate('One\n\n{{link}}\n\nTwo', {}).text).toBe('One\n\nTwo');
  });

  it('leaves lines without missing values exactly as written', () => {
    const text = 'Spacing  kept , here.\n  indented {{x}}';
    expect(renderTemplate(text, { x: 'yes' }).text).toBe('Spacing  kept , here.\n  indented yes');
  });

  it('prints numbers and lists each missing name once', () => {
    const r = renderTemplate('{{n}} {{m}} {{m}}', { n: 3 });
    expect(r.text).toBe('3');
    expect(r.missing).toEqual(['m']);
  });
});

describe('parseTemplate', () => {
  it('splits off a Subject line, tolerating CRLF and a BOM', () => {
    expect(parseTemplate('\uFEFFSubject: Hi {{a}}\r\n\r\nBody\r\nline')).toEqual({
      subject: 'Hi {{a}}',
      body: 'Body\nline',
    });
    expect(parseTemplate('Just a note')).toEqual({ subject: null, body: 'Just a note' });
  });
});
